package org.practicealerts.calendar;

/**
 * How the day something starts (an alert is raised, a referral received) is counted when a
 * timescale is expressed in days. Local practice differs between councils, so it is configurable.
 */
public enum DayCounting {

    /**
     * The default: the start day is day 0 and the deadline is the end of the Nth working day
     * after it. "5 working days" from Monday is the end of the following Monday.
     */
    RAISED_DAY_IS_DAY_ZERO,

    /**
     * The start day counts as day 1 if it is a working day and the start is before its end of day,
     * so the deadline is the end of the (N-1)th working day after it ("5 working days" from Monday
     * 10:00 is the end of Friday). If the start day is not a working day, or the start is at or after
     * its end of day (a stage entered by an escalation at 17:00), the next working day is day 1.
     */
    RAISED_DAY_IS_DAY_ONE;

    /** The default used across practice alerts. */
    public static final DayCounting DEFAULT = RAISED_DAY_IS_DAY_ZERO;
}
