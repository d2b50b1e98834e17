package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;

/** An agreed action was done. */
public record ActionCompleted(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                              String actionId, String completedBy, LocalDate completedOn, String note)
        implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
