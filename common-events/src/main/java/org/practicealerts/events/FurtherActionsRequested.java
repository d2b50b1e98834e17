package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/**
 * The raiser asked the responder for further actions; the stage's own response deadline runs again (events stored
 * before issue 12 carry a fresh timescale from the request).
 */
public record FurtherActionsRequested(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                                      int stage, String requestedBy, String request, Assignment responder,
                                      StageDeadlines deadlines, List<Recipient> recipients,
                                      AlertStatus status) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#AWAITING_RESPONSE}, the status this
     * event has always left the alert in.
     */
    public FurtherActionsRequested {
        status = status == null ? AlertStatus.AWAITING_RESPONSE : status;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
