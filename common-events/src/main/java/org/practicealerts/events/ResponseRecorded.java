package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/**
 * The responder (or their cover) answered at a stage.
 *
 * @param respondedBy the person who answered
 * @param onBehalfOf  the assigned responder when a cover answered, else {@code null}
 * @param onTime      whether the answer came by the stage's response deadline
 * @param actions     actions agreed, with owners and due dates
 * @param recipients  who must be told (the raiser)
 * @param status      the alert's status after this event
 * @param record      the contact, meeting or action plan the stage asked for, or null when it asked only for an answer
 *                    (and for every response recorded before stages asked for more)
 */
public record ResponseRecorded(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                               int stage, String respondedBy, String onBehalfOf, String response,
                               List<AgreedAction> actions, Instant responseDueAt, boolean onTime,
                               List<Recipient> recipients, AlertStatus status,
                               StageRecord record) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#AWAITING_JUDGEMENT}, the status this
     * event has always left the alert in.
     */
    public ResponseRecorded {
        status = status == null ? AlertStatus.AWAITING_JUDGEMENT : status;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
