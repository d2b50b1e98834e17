package org.practicealerts.milestones;

/** What the case system tells of a child's case: only the kind, ids and dates, never a name. */
public enum FactKind {
    /** The decision to initiate Section 47 enquiries ("Day 1" of the initial conference's timescale). */
    S47_DECISION,
    /** A strategy discussion held. */
    STRATEGY_DISCUSSION,
    /** A child protection conference booked for a date ({@link CaseFact#conferenceAt()}). */
    CONFERENCE_BOOKED,
    /** The invitations to a booked conference sent. */
    INVITATIONS_SENT,
    /** A report for a conference received from an agency. */
    REPORT_RECEIVED,
    /** A conference held ({@link CaseFact#conference()} initial or review; {@link CaseFact#planMade()}). */
    CONFERENCE_HELD,
    /** The outline (or review) plan, or the conference's outcome, distributed. */
    PLAN_DISTRIBUTED,
    /** A child protection plan started. */
    PLAN_STARTED,
    /** A child protection plan ended. */
    PLAN_ENDED,
    /** A core group meeting held. */
    CORE_GROUP_HELD,
    /** A visit made ({@link CaseFact#childSeen()}). */
    VISIT_MADE
}
