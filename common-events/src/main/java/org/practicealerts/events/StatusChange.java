package org.practicealerts.events;

/**
 * An alert event after which the alert has a new status. Consumers read {@link #status()} instead of working the
 * status out from the event's type.
 *
 * <p>Events stored before they carried a status read back with the status their type always implies (each record's
 * compact constructor says which), so a replay of old events gives the same answer as the aggregate.
 */
public sealed interface StatusChange
        permits AlertRaised, ResponseRecorded, FurtherActionsRequested, StageEscalated, ActionReviewScheduled,
        AlertResolved, AlertWithdrawn, AlertReopened {

    /** The alert's status once this event has happened. */
    AlertStatus status();
}
