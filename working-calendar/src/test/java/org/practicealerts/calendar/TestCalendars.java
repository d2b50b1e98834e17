package org.practicealerts.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Shared fixtures: parsing and Jollyday are done once per JVM, not once per test. */
final class TestCalendars {

    static final String GOV_UK_RESOURCE = "/bank-holidays/england-and-wales.json";

    /** The gov.uk England and Wales list (2018-2027) from src/test/resources. */
    static final List<Holiday> GOV_UK = load();

    /** Calendar built from the gov.uk list only. */
    static final WorkingDayCalendar GOV_UK_CALENDAR = WorkingDayCalendar.of(GOV_UK);

    /** Calendar built from Jollyday for 2018-2027, no closures. */
    static final WorkingDayCalendar JOLLYDAY_CALENDAR = WorkingDayCalendar.englandAndWales(2018, 2027, List.of());

    private TestCalendars() {
    }

    static InputStream govUkJson() {
        InputStream in = TestCalendars.class.getResourceAsStream(GOV_UK_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing test resource " + GOV_UK_RESOURCE);
        }
        return in;
    }

    private static List<Holiday> load() {
        try (InputStream in = govUkJson()) {
            return GovUkBankHolidays.parse(in, GovUkBankHolidays.ENGLAND_AND_WALES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
