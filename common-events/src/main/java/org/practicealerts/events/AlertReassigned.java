package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** The current stage's response was reassigned (e.g. to a duty or acting manager). Deadlines do not move. */
public record AlertReassigned(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                              int stage, String reassignedBy, Assignment from, Assignment to, String reason,
                              List<Recipient> recipients) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
