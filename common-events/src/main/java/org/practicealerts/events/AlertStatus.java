package org.practicealerts.events;

/**
 * Where an alert is in its life. Every event that moves it carries the status it leaves the alert in
 * ({@link StatusChange#status()}), so no consumer works it out from the event's type.
 */
public enum AlertStatus {
    /** The responder at the current stage must answer by the stage's deadline. */
    AWAITING_RESPONSE,
    /** The responder answered; the raiser judges: resolve, action review, further actions or escalate. */
    AWAITING_JUDGEMENT,
    /** The raiser will check on the review date that the agreed actions happened. */
    ACTION_REVIEW,
    /** The raiser closed the alert as resolved. */
    RESOLVED,
    /** The raiser withdrew the alert. */
    WITHDRAWN;

    public boolean isOpen() {
        return this != RESOLVED && this != WITHDRAWN;
    }
}
