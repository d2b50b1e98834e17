package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** The raiser closed the alert as resolved (directly, or after an action review). */
public record AlertResolved(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                            int stage, String resolvedBy, String outcome, boolean afterReview,
                            List<Recipient> recipients) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
