package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/**
 * The alert moved up to a higher stage: by the raiser (inadequate response, bypass) or by the system
 * (deadline missed). The new stage's clock starts at {@code occurredAt}.
 *
 * @param escalatedBy the raiser's id, or {@code "system"} for a missed deadline
 */
public record StageEscalated(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                             int fromStage, int toStage, EscalationReason reason, String escalatedBy,
                             String note, Assignment responder, StageDeadlines deadlines,
                             List<Recipient> recipients, AlertStatus status) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;
    /** The actor recorded when the system escalates a missed deadline. */
    public static final String SYSTEM = "system";

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#AWAITING_RESPONSE}, the status this
     * event has always left the alert in.
     */
    public StageEscalated {
        status = status == null ? AlertStatus.AWAITING_RESPONSE : status;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
