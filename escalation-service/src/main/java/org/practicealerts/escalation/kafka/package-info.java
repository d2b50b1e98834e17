/** Kafka adapters: alert events in (de-duplicated on eventId), deadline commands out. */
package org.practicealerts.escalation.kafka;
