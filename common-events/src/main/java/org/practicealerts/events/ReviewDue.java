package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The raiser's action review date arrived: check the actions happened, then close or re-open higher. */
public record ReviewDue(String eventId, String alertId, Instant occurredAt, int schemaVersion, int stage,
                        LocalDate reviewDate, List<Recipient> recipients) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
