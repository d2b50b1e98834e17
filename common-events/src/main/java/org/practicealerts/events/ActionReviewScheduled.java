package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;

/** The raiser set an action review: a later check that the agreed actions happened. */
public record ActionReviewScheduled(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                                    int stage, String scheduledBy, LocalDate reviewDate, Instant reviewDueAt,
                                    String note) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
