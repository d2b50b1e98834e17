package org.practicealerts.events;

/**
 * One method per {@link AlertEvent} record, so a consumer's dispatch over the sealed events is checked by the
 * compiler: a new event type fails compilation in every visitor until it says what the event means to it (Java 17
 * has no pattern-matching switch). Carries no logic; call {@link AlertEvent#accept(AlertEventVisitor)}.
 *
 * @param <R> what the visitor returns for an event ({@link Void} when it only acts)
 */
public interface AlertEventVisitor<R> {

    R visit(AlertRaised event);

    R visit(AlertAcknowledged event);

    R visit(ResponseRecorded event);

    R visit(FurtherActionsRequested event);

    R visit(StageEscalated event);

    R visit(AlertResolved event);

    R visit(ActionReviewScheduled event);

    R visit(AlertReopened event);

    R visit(AlertWithdrawn event);

    R visit(CafcassReferralRecorded event);

    R visit(PartnershipReferralRecorded event);

    R visit(AlertReassigned event);

    R visit(ActionCompleted event);

    R visit(NoteAdded event);

    R visit(ReminderDue event);

    R visit(ActionOverdue event);

    R visit(ReviewDue event);

    R visit(StatutoryTotalExceeded event);

    R visit(DeadlineRescheduled event);

    R visit(DeadlineMissed event);
}
