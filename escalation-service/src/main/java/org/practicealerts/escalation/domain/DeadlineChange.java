package org.practicealerts.escalation.domain;

import java.util.Set;
import org.practicealerts.events.DeadlineKind;

/** What an event does to the schedule. */
public sealed interface DeadlineChange {

    /** Set (or move) a deadline. */
    record Schedule(Deadline deadline) implements DeadlineChange {
    }

    /** Drop the alert's deadlines of these kinds (all actions, for ACTION). */
    record Cancel(String alertId, Set<DeadlineKind> kinds) implements DeadlineChange {
    }

    /** Drop one action's deadline. */
    record CancelAction(String alertId, String actionId) implements DeadlineChange {
    }

    /** The alert is closed: drop everything. */
    record CancelAll(String alertId) implements DeadlineChange {
    }
}
