/** Configuration: typed settings validated at start-up, security, MongoDB, the clock and the wiring of delivery. */
package org.practicealerts.notification.config;
