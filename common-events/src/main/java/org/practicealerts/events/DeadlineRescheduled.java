package org.practicealerts.events;

import java.time.Instant;

/**
 * The working-day calendar changed (a closure day added, a bank holiday announced) and an open deadline moved.
 * Deadlines that already passed are never moved.
 *
 * @param kind     which deadline moved (RESPONSE, REMINDER or STATUTORY_TOTAL)
 * @param previous the instant it had
 * @param next     the instant it has now
 */
public record DeadlineRescheduled(String eventId, String alertId, Instant occurredAt, int schemaVersion, int stage,
                                  DeadlineKind kind, Instant previous, Instant next, String reason)
        implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
