package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** After an action review found practice had not improved, the raiser re-opened the alert at a higher stage. */
public record AlertReopened(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                            int fromStage, int toStage, String reopenedBy, String reason, Assignment responder,
                            StageDeadlines deadlines, List<Recipient> recipients,
                            AlertStatus status) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#AWAITING_RESPONSE}, the status this
     * event has always left the alert in.
     */
    public AlertReopened {
        status = status == null ? AlertStatus.AWAITING_RESPONSE : status;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
