/** Kafka adapters: events published from the event store (the outbox), and the compacted directory topic. */
package org.practicealerts.alert.kafka;
