package org.practicealerts.calendar;

import java.time.LocalDate;

/**
 * A date outside the years whose bank holidays a calendar knows. Refused loudly: treating Christmas Day as a
 * working day because nobody loaded that year's holidays would set a wrong deadline without anyone noticing.
 */
public class CalendarCoverageException extends IllegalStateException {

    private final LocalDate date;

    public CalendarCoverageException(LocalDate date, int firstYear, int lastYear) {
        super("no bank holidays are known for " + date.getYear() + " (needed for " + date + "): the calendar covers "
                + firstYear + "-" + lastYear + "; publish a bank-holidays file that reaches " + date.getYear());
        this.date = date;
    }

    /** The date that could not be placed. */
    public LocalDate date() {
        return date;
    }
}
