package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** The raiser withdrew the alert, with a reason. */
public record AlertWithdrawn(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                             int stage, String withdrawnBy, String reason, List<Recipient> recipients)
        implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
