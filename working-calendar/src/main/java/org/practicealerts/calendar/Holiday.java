package org.practicealerts.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A single non-working day: either a bank holiday or a council's own closure day.
 *
 * @param date   the day on which nobody is expected to work (for bank holidays this is the
 *               observed date, e.g. the substitute Monday, not the calendar anniversary)
 * @param name   human-readable name, e.g. "Boxing Day" or "Council closure day"
 * @param source where the day came from
 */
public record Holiday(LocalDate date, String name, Source source) {

    /** Where a non-working day came from; kept so reports can explain why a deadline moved. */
    public enum Source {
        /** A bank holiday for the division (e.g. England and Wales). */
        BANK_HOLIDAY,
        /** A day the council itself is closed (e.g. the days between Christmas and New Year). */
        CLOSURE
    }

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if any component is null
     * @throws IllegalArgumentException if {@code name} is blank
     */
    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        if (name.isBlank()) {
            throw new IllegalArgumentException("Holiday name must not be blank (date " + date + ")");
        }
    }

    /** Convenience factory for a council closure day. */
    public static Holiday closure(LocalDate date, String name) {
        return new Holiday(date, name, Source.CLOSURE);
    }

    /** Convenience factory for a bank holiday. */
    public static Holiday bankHoliday(LocalDate date, String name) {
        return new Holiday(date, name, Source.BANK_HOLIDAY);
    }
}
