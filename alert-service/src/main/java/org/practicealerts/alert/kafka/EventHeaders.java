package org.practicealerts.alert.kafka;

/** Kafka record headers on every event, so consumers can route and de-duplicate without parsing the body. */
public final class EventHeaders {
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";
    public static final String SCHEMA_VERSION = "schemaVersion";

    private EventHeaders() {
    }
}
