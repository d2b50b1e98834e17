package org.practicealerts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * What the escalation service asks of the alert-service when a deadline arrives, sent on the command topic (key =
 * alertId). Each carries the stage and due instant the scheduler saw, so the alert refuses a stale or repeated
 * command and nothing changes twice. Sent at least once; {@code commandId} identifies a command across resends.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = DeadlineCommand.EscalateMissedDeadline.class, name = "EscalateMissedDeadline"),
    @JsonSubTypes.Type(value = DeadlineCommand.RecordDeadlineReached.class, name = "RecordDeadlineReached")
})
public sealed interface DeadlineCommand {

    String commandId();

    String alertId();

    Instant issuedAt();

    /** The deadline's instant as the scheduler saw it: the command is for nothing before it. */
    Instant expectedDueAt();

    /** The response deadline of {@code expectedStage} passed unanswered: escalate one stage. */
    record EscalateMissedDeadline(String commandId, String alertId, Instant issuedAt, int expectedStage,
                                  Instant expectedDueAt) implements DeadlineCommand {
    }

    /** Another deadline arrived (reminder, action, review, statutory total): record it as a fact. */
    record RecordDeadlineReached(String commandId, String alertId, Instant issuedAt, DeadlineKind kind,
                                 int expectedStage, Instant expectedDueAt, String actionId) implements DeadlineCommand {
    }
}
