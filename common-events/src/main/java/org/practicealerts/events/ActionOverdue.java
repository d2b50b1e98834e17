package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An agreed action passed its due date without being completed. */
public record ActionOverdue(String eventId, String alertId, Instant occurredAt, int schemaVersion, String actionId,
                            String ownerId, LocalDate dueDate, List<Recipient> recipients) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
