package org.practicealerts.reporting.domain;

/**
 * Where an alert stands, in the reports' words: open (awaiting a response or the raiser's judgement), under action
 * review, resolved or withdrawn. Always read from the status the alert's event carries ({@link #of}), never worked
 * out from the event's type.
 */
public enum AlertStatus {
    OPEN, ACTION_REVIEW, RESOLVED, WITHDRAWN;

    public boolean isOpen() {
        return this == OPEN || this == ACTION_REVIEW;
    }

    /** The reports' word for the status an event says it left the alert in. */
    public static AlertStatus of(org.practicealerts.events.AlertStatus status) {
        return switch (status) {
            case AWAITING_RESPONSE, AWAITING_JUDGEMENT -> OPEN;
            case ACTION_REVIEW -> ACTION_REVIEW;
            case RESOLVED -> RESOLVED;
            case WITHDRAWN -> WITHDRAWN;
        };
    }
}
