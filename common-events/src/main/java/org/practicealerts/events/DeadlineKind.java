package org.practicealerts.events;

/** The deadlines an alert sets, each watched by the escalation service. */
public enum DeadlineKind {
    /** The response due at the current stage: missing it escalates. */
    RESPONSE,
    /** A reminder before the response is due. */
    REMINDER,
    /** An agreed action's due date. */
    ACTION,
    /** The raiser's action review date. */
    REVIEW,
    /** The statutory total for the whole formal process (20 working days for looked-after children). */
    STATUTORY_TOTAL
}
