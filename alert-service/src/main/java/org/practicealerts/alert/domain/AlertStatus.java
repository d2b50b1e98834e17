package org.practicealerts.alert.domain;

/** Where an alert is in its life. */
public enum AlertStatus {
    /** The responder at the current stage must answer by the stage's deadline. */
    AWAITING_RESPONSE,
    /** The responder answered; the raiser judges: resolve, action review, further actions or escalate. */
    AWAITING_JUDGEMENT,
    /** The raiser will check on the review date that the agreed actions happened. */
    ACTION_REVIEW,
    RESOLVED,
    WITHDRAWN;

    public boolean isOpen() {
        return this != RESOLVED && this != WITHDRAWN;
    }
}
