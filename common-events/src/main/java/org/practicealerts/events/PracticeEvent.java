package org.practicealerts.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * A fact recorded by practice-alerts. Every event names itself ({@code type} in its JSON), carries a unique
 * {@link #eventId()} that consumers de-duplicate on, the instant it happened and its schema version.
 * Events carry the values computed when they happened (stage, responder, due instants, policy version) so a
 * consumer or a replay never recomputes history.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(AlertRaised.class),
    @JsonSubTypes.Type(AlertAcknowledged.class),
    @JsonSubTypes.Type(ResponseRecorded.class),
    @JsonSubTypes.Type(FurtherActionsRequested.class),
    @JsonSubTypes.Type(StageEscalated.class),
    @JsonSubTypes.Type(AlertResolved.class),
    @JsonSubTypes.Type(ActionReviewScheduled.class),
    @JsonSubTypes.Type(AlertReopened.class),
    @JsonSubTypes.Type(AlertWithdrawn.class),
    @JsonSubTypes.Type(CafcassReferralRecorded.class),
    @JsonSubTypes.Type(PartnershipReferralRecorded.class),
    @JsonSubTypes.Type(AlertReassigned.class),
    @JsonSubTypes.Type(ActionCompleted.class),
    @JsonSubTypes.Type(NoteAdded.class),
    @JsonSubTypes.Type(ReminderDue.class),
    @JsonSubTypes.Type(ActionOverdue.class),
    @JsonSubTypes.Type(ReviewDue.class),
    @JsonSubTypes.Type(StatutoryTotalExceeded.class),
    @JsonSubTypes.Type(DeadlineRescheduled.class),
    @JsonSubTypes.Type(DeadlineMissed.class),
    @JsonSubTypes.Type(CommendationRecorded.class),
    @JsonSubTypes.Type(InformalResolutionRecorded.class)
})
public sealed interface PracticeEvent permits AlertEvent, CommendationRecorded, InformalResolutionRecorded {

    /** Unique id of this event; consumers de-duplicate on it. */
    String eventId();

    /** The id of the alert (or commendation) this event belongs to; the Kafka record key. */
    String aggregateId();

    /** When it happened. */
    Instant occurredAt();

    /** Version of this event's JSON schema. */
    int schemaVersion();
}
