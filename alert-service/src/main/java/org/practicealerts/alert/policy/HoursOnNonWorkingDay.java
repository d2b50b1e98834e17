package org.practicealerts.alert.policy;

/**
 * What an hours timescale (e.g. "24 hours") does when it would end on a non-working day (weekend, bank holiday,
 * council closure day).
 */
public enum HoursOnNonWorkingDay {
    /** Clock hours, weekend or not: 24 hours from Friday 17:00 end on Saturday 17:00. */
    KEEP,
    /** Moved to the same time on the next working day: Friday 17:00 + 24 hours ends on Monday 17:00. */
    NEXT_WORKING_DAY
}
