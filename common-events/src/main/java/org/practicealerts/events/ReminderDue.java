package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** The responder was reminded that their response is due soon. */
public record ReminderDue(String eventId, String alertId, Instant occurredAt, int schemaVersion, int stage,
                          Instant reminderAt, Instant responseDueAt, List<Recipient> recipients)
        implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
