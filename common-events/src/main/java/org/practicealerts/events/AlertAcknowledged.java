package org.practicealerts.events;

import java.time.Instant;

/** The person assigned confirmed they have seen the alert at this stage. */
public record AlertAcknowledged(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                                int stage, String acknowledgedBy) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
