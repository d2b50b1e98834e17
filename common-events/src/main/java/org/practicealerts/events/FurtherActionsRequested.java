package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** The raiser asked the responder for further actions; a fresh response deadline runs at the same stage. */
public record FurtherActionsRequested(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                                      int stage, String requestedBy, String request, Assignment responder,
                                      StageDeadlines deadlines, List<Recipient> recipients) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
