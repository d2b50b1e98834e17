/** Wiring: typed configuration, MongoDB, the clock, security. */
package org.practicealerts.escalation.config;
