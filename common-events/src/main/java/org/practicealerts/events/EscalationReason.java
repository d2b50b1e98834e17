package org.practicealerts.events;

/** Why an alert moved up a stage. */
public enum EscalationReason {
    /** The raiser judged the response inadequate, or the issue is still ongoing. */
    RESPONSE_INADEQUATE,
    /** The raiser chose to bypass the current stage. */
    BYPASS,
    /** Nobody responded by the deadline: the system escalated. */
    DEADLINE_MISSED,
    /**
     * The raiser moved the alert to the next stage because the responder is not communicating (seed 003: "if the
     * issue is not resolved, or communication is not forthcoming … progress to … stage N"), before or after the
     * deadline. Not a bypass: it goes one stage up, as an inadequate response does.
     */
    COMMUNICATION_NOT_FORTHCOMING
}
