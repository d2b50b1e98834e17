/** Wiring: typed configuration, Axon on MongoDB, the policy catalogue and the working-day calendar. */
package org.practicealerts.alert.config;
