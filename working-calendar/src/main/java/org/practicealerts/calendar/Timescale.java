package org.practicealerts.calendar;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timescale as written in practice guidance: "5 working days", "7 calendar days", "24 hours".
 *
 * @param amount how many units; {@code >= 0} for days (0 = "by the end of today"), {@code > 0}
 *               for hours
 * @param unit   the unit
 */
public record Timescale(int amount, Unit unit) {

    /** Units a timescale can be expressed in. */
    public enum Unit {
        /** Monday-Friday excluding bank holidays and closure days. */
        WORKING_DAYS("working day", "working days"),
        /** Every day, including weekends and holidays. */
        CALENDAR_DAYS("calendar day", "calendar days"),
        /** Elapsed clock hours (an absolute duration; nights, weekends and holidays included). */
        HOURS("hour", "hours");

        private final String singular;
        private final String plural;

        Unit(String singular, String plural) {
            this.singular = singular;
            this.plural = plural;
        }

        String label(int amount) {
            return amount == 1 ? singular : plural;
        }
    }

    // Anchored, case-insensitive; singular or plural; up to 9 digits so the value fits an int.
    private static final Pattern FORMAT = Pattern.compile(
            "\\s*(\\d{1,9})\\s+(working\\s+days?|calendar\\s+days?|hours?)\\s*",
            Pattern.CASE_INSENSITIVE);

    /**
     * Validates the components.
     *
     * @throws NullPointerException     if {@code unit} is null
     * @throws IllegalArgumentException if {@code amount} is negative, or zero for {@link Unit#HOURS}
     *                                  (a zero-hour deadline would already be overdue when raised)
     */
    public Timescale {
        Objects.requireNonNull(unit, "unit");
        if (unit == Unit.HOURS ? amount <= 0 : amount < 0) {
            throw new IllegalArgumentException("Invalid timescale: " + amount + " " + unit.label(amount)
                    + (unit == Unit.HOURS ? " (hours must be > 0)" : " (days must be >= 0)"));
        }
    }

    /** {@code n} working days. */
    public static Timescale workingDays(int n) {
        return new Timescale(n, Unit.WORKING_DAYS);
    }

    /** {@code n} calendar days. */
    public static Timescale calendarDays(int n) {
        return new Timescale(n, Unit.CALENDAR_DAYS);
    }

    /** {@code n} clock hours. */
    public static Timescale hours(int n) {
        return new Timescale(n, Unit.HOURS);
    }

    /**
     * Parses the form produced by {@link #toString()}: {@code "<n> working day(s)"},
     * {@code "<n> calendar day(s)"} or {@code "<n> hour(s)"}; case-insensitive, singular or plural.
     *
     * @throws IllegalArgumentException if {@code text} is not in that form or the amount is invalid
     */
    public static Timescale parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("Timescale text must not be null");
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("Cannot parse timescale '" + text
                    + "'; expected e.g. '5 working days', '7 calendar days' or '24 hours'");
        }
        int amount = Integer.parseInt(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        if (unit.startsWith("working")) {
            return workingDays(amount);
        }
        if (unit.startsWith("calendar")) {
            return calendarDays(amount);
        }
        return hours(amount);
    }

    /** E.g. {@code "5 working days"}, {@code "1 working day"}, {@code "24 hours"}; round-trips with {@link #parse}. */
    @Override
    public String toString() {
        return amount + " " + unit.label(amount);
    }
}
