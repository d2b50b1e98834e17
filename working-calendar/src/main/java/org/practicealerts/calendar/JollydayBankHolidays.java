package org.practicealerts.calendar;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;

/**
 * England and Wales bank holidays computed by Jollyday (rules, so it works for any year,
 * unlike the gov.uk list which only covers a few years ahead).
 *
 * <p>Jollyday models the United Kingdom as calendar {@code gb} with subdivision {@code "eng"}
 * (England) and {@code "wls"} (Wales); the two have identical bank holidays, so {@code "eng"} is
 * used. Substitute days are taken from the observed date (e.g. Christmas Day 2022, a Sunday, is
 * observed on Tuesday 27 December). Stateless and thread-safe.
 */
public final class JollydayBankHolidays {

    /** Jollyday subdivision key for England inside the {@code gb} calendar. */
    static final String ENGLAND = "eng";

    // The name Jollyday gives a holiday depends on the locale; pin it so output is stable.
    private static final Locale NAMES = Locale.UK;

    private JollydayBankHolidays() {
    }

    /**
     * Returns every England and Wales bank holiday observed in the given years.
     *
     * @param fromYear first year, inclusive
     * @param toYear   last year, inclusive
     * @return bank holidays sorted by observed date, each with source
     *         {@link Holiday.Source#BANK_HOLIDAY}; immutable
     * @throws IllegalArgumentException if {@code fromYear > toYear}
     */
    public static List<Holiday> between(int fromYear, int toYear) {
        if (fromYear > toYear) {
            throw new IllegalArgumentException("fromYear " + fromYear + " is after toYear " + toYear);
        }
        HolidayManager manager = Manager.INSTANCE;
        // A set, because a holiday must not appear twice even if Jollyday reported it for two years.
        Set<Holiday> result = new LinkedHashSet<>();
        // Jollyday groups holidays by the year of their actual date, but a substitute can cross a
        // year boundary, so look one year either side and filter on the observed date.
        for (int year = fromYear - 1; year <= toYear + 1; year++) {
            for (de.focus_shift.jollyday.core.Holiday h : manager.getHolidays(Year.of(year), ENGLAND)) {
                if (h.getType() == HolidayType.OBSERVANCE) {
                    continue; // observances are not days off
                }
                // getActualDate() is the anniversary (e.g. Sunday 25 Dec); the day off is the
                // observed substitute, which is what working-day counting needs.
                LocalDate observed = h.getObservedDate().orElse(h.getActualDate());
                if (observed.getYear() < fromYear || observed.getYear() > toYear) {
                    continue; // keep the promise "observed in the given years"
                }
                result.add(Holiday.bankHoliday(observed, h.getDescription(NAMES)));
            }
        }
        List<Holiday> sorted = new ArrayList<>(result);
        sorted.sort(Comparator.comparing(Holiday::date).thenComparing(Holiday::name));
        return List.copyOf(sorted);
    }

    /** Lazily created (parsing Jollyday's XML is not free) and shared; the manager is read-only. */
    private static final class Manager {
        static final HolidayManager INSTANCE =
                HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.UNITED_KINGDOM));
    }
}
