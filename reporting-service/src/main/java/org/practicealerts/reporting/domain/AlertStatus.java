package org.practicealerts.reporting.domain;

/** Where an alert stands. Open and action review both count as open: the concern is not yet closed. */
public enum AlertStatus {
    OPEN, ACTION_REVIEW, RESOLVED, WITHDRAWN;

    public boolean isOpen() {
        return this == OPEN || this == ACTION_REVIEW;
    }
}
