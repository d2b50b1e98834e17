package org.practicealerts.milestones;

/** An initial child protection conference (ICPC) or a review one (RCPC). */
public enum ConferenceType {
    INITIAL,
    REVIEW
}
