package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** The raiser withdrew the alert, with a reason. */
public record AlertWithdrawn(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                             int stage, String withdrawnBy, String reason, List<Recipient> recipients,
                             AlertStatus status) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#WITHDRAWN}, the status this event
     * has always left the alert in.
     */
    public AlertWithdrawn {
        status = status == null ? AlertStatus.WITHDRAWN : status;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
