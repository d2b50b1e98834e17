/** Kafka adapter: reads the alert events and the directory from the beginning into the in-memory projection. */
package org.practicealerts.reporting.kafka;
