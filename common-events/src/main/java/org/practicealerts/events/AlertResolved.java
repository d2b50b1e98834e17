package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** The raiser closed the alert as resolved (directly, or after an action review). */
public record AlertResolved(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                            int stage, String resolvedBy, String outcome, boolean afterReview,
                            List<Recipient> recipients, AlertStatus status) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#RESOLVED}, the status this event has
     * always left the alert in.
     */
    public AlertResolved {
        status = status == null ? AlertStatus.RESOLVED : status;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
