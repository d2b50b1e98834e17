package org.practicealerts.events;

/** Why an alert moved up a stage. */
public enum EscalationReason {
    /** The raiser judged the response inadequate, or the issue is still ongoing. */
    RESPONSE_INADEQUATE,
    /** The raiser chose to bypass the current stage. */
    BYPASS,
    /** Nobody responded by the deadline: the system escalated. */
    DEADLINE_MISSED
}
