package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;

/** The raiser set an action review: a later check that the agreed actions happened. */
public record ActionReviewScheduled(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                                    int stage, String scheduledBy, LocalDate reviewDate, Instant reviewDueAt,
                                    String note, AlertStatus status) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#ACTION_REVIEW}, the status this
     * event has always left the alert in.
     */
    public ActionReviewScheduled {
        status = status == null ? AlertStatus.ACTION_REVIEW : status;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
