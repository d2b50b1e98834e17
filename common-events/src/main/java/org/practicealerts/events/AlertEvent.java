package org.practicealerts.events;

/** An event in the life of one practice alert. */
public sealed interface AlertEvent extends PracticeEvent
        permits AlertRaised, AlertAcknowledged, ResponseRecorded, FurtherActionsRequested, StageEscalated,
        AlertResolved, ActionReviewScheduled, AlertReopened, AlertWithdrawn, CafcassReferralRecorded,
        PartnershipReferralRecorded, AlertReassigned, ActionCompleted, NoteAdded, ReminderDue, ActionOverdue,
        ReviewDue, StatutoryTotalExceeded, DeadlineRescheduled, DeadlineMissed {

    /** The alert's id. */
    String alertId();

    /** Calls the visitor's method for this event's type; the dispatch every consumer shares. */
    <R> R accept(AlertEventVisitor<R> visitor);

    @Override
    default String aggregateId() {
        return alertId();
    }
}
