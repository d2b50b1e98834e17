/** Wiring: typed configuration, MongoDB, the clock, the working-day calendar, security. */
package org.practicealerts.reporting.config;
