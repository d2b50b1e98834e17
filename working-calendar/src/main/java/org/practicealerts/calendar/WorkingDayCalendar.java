package org.practicealerts.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Working days: Monday to Friday, excluding the holidays (bank holidays and closure days) the
 * calendar was built from. Immutable and thread-safe.
 *
 * <p><b>Coverage.</b> A calendar built {@link #covering} a range of years refuses any date outside
 * it with a {@link CalendarCoverageException}: a year whose bank holidays nobody loaded is never
 * silently all working days. A calendar built with {@link #of} has no stated coverage and treats a
 * date without holidays as having none (for calendars followed from published days).
 *
 * <p><b>Performance.</b> Deadlines are computed millions of times (reporting, benchmarks), so
 * nothing here loops day by day. Working-day counts use a closed-form weekday count minus a
 * binary search over the sorted epoch days of holidays that fall on weekdays; stepping forwards
 * or backwards jumps by whole weekdays and then corrects for the holidays it jumped over.
 */
public final class WorkingDayCalendar {

    private static final String CLOSURE_NAME = "Council closure day";

    /** Every holiday, sorted by date then source (bank holiday before closure) then name. */
    private final Holiday[] holidays;
    /** {@code holidays[i].date().toEpochDay()}, for binary search. */
    private final long[] holidayEpochDays;
    /** Distinct epoch days of holidays falling on Monday-Friday: the only ones that change counts. */
    private final long[] weekdayHolidayEpochDays;
    /** The years whose bank holidays are known, inclusive; {@link Integer#MIN_VALUE}/{@code MAX_VALUE} if unstated. */
    private final int firstYear;
    private final int lastYear;

    private WorkingDayCalendar(Collection<Holiday> source, int firstYear, int lastYear) {
        if (firstYear > lastYear) {
            throw new IllegalArgumentException("coverage " + firstYear + "-" + lastYear + " is empty");
        }
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        Objects.requireNonNull(source, "holidays");
        // Drop exact duplicates (e.g. the same gov.uk file imported twice) but keep a bank holiday
        // and a closure on the same date: both are true and reports may want both.
        LinkedHashSet<Holiday> distinct = new LinkedHashSet<>();
        for (Holiday h : source) {
            distinct.add(Objects.requireNonNull(h, "holiday"));
        }
        Holiday[] sorted = distinct.toArray(new Holiday[0]);
        Arrays.sort(sorted, Comparator.comparing(Holiday::date)
                .thenComparing(Holiday::source)
                .thenComparing(Holiday::name));
        this.holidays = sorted;
        this.holidayEpochDays = new long[sorted.length];
        long[] weekday = new long[sorted.length];
        int weekdayCount = 0;
        for (int i = 0; i < sorted.length; i++) {
            long epochDay = sorted[i].date().toEpochDay();
            holidayEpochDays[i] = epochDay;
            if (isWeekday(epochDay) && (weekdayCount == 0 || weekday[weekdayCount - 1] != epochDay)) {
                weekday[weekdayCount++] = epochDay;
            }
        }
        this.weekdayHolidayEpochDays = Arrays.copyOf(weekday, weekdayCount);
    }

    /**
     * Creates a calendar from the given holidays (any mix of bank holidays and closure days).
     *
     * @param holidays the non-working days; duplicates are ignored
     * @return a new calendar
     */
    public static WorkingDayCalendar of(Collection<Holiday> holidays) {
        return new WorkingDayCalendar(holidays, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /**
     * Creates a calendar that knows the bank holidays of {@code firstYear} to {@code lastYear} and refuses any
     * date outside them.
     *
     * @param holidays the non-working days of those years (closure days may lie anywhere in them)
     */
    public static WorkingDayCalendar covering(int firstYear, int lastYear, Collection<Holiday> holidays) {
        return new WorkingDayCalendar(holidays, firstYear, lastYear);
    }

    /** The first year whose bank holidays this calendar knows, if it states its coverage. */
    public Optional<Integer> firstYear() {
        return firstYear == Integer.MIN_VALUE ? Optional.empty() : Optional.of(firstYear);
    }

    /** The last year whose bank holidays this calendar knows, if it states its coverage. */
    public Optional<Integer> lastYear() {
        return lastYear == Integer.MAX_VALUE ? Optional.empty() : Optional.of(lastYear);
    }

    private LocalDate covered(LocalDate date) {
        if (date.getYear() < firstYear || date.getYear() > lastYear) {
            throw new CalendarCoverageException(date, firstYear, lastYear);
        }
        return date;
    }

    /**
     * Convenience: England and Wales bank holidays from Jollyday for the given years plus the
     * council's closure days (named "Council closure day").
     *
     * @param fromYear    first year of bank holidays, inclusive
     * @param toYear      last year of bank holidays, inclusive
     * @param closureDays the council's own closure days (may be empty)
     * @return a new calendar
     */
    public static WorkingDayCalendar englandAndWales(int fromYear, int toYear, Collection<LocalDate> closureDays) {
        Objects.requireNonNull(closureDays, "closureDays");
        List<Holiday> all = new ArrayList<>(JollydayBankHolidays.between(fromYear, toYear));
        for (LocalDate day : closureDays) {
            all.add(Holiday.closure(Objects.requireNonNull(day, "closure day"), CLOSURE_NAME));
        }
        return new WorkingDayCalendar(all, fromYear, toYear);
    }

    /**
     * Returns a new calendar with these holidays added to this calendar's; this calendar is
     * unchanged (so a calendar shared between threads is never mutated).
     *
     * @param additional extra holidays, e.g. a newly announced closure day
     * @return a new calendar
     */
    public WorkingDayCalendar withAdditional(Collection<Holiday> additional) {
        Objects.requireNonNull(additional, "additional");
        List<Holiday> all = new ArrayList<>(holidays.length + additional.size());
        all.addAll(Arrays.asList(holidays));
        all.addAll(additional);
        return new WorkingDayCalendar(all, firstYear, lastYear);
    }

    /** Whether {@code date} is a Monday-Friday that is not a holiday in this calendar. */
    public boolean isWorkingDay(LocalDate date) {
        long epochDay = covered(date).toEpochDay();
        return isWeekday(epochDay) && Arrays.binarySearch(weekdayHolidayEpochDays, epochDay) < 0;
    }

    /**
     * Returns the {@code n}th working day strictly after {@code from}.
     *
     * <p>{@code from} itself never counts, whatever it is: adding 1 working day to Friday gives
     * Monday (if Monday is not a holiday), and adding 1 to Saturday also gives Monday.
     *
     * <p>{@code n == 0} returns {@code from} if it is a working day, otherwise the next working
     * day: "0 working days" means "today, or the first day we are open".
     *
     * @param from start date (not counted)
     * @param n    number of working days, {@code >= 0}
     * @return the resulting working day
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (n == 0) {
            return isWorkingDay(from) ? from : addWorkingDays(from, 1);
        }
        long base = covered(from).toEpochDay();
        long remaining = n;
        while (true) {
            // Jump as if there were no holidays, then count the holidays jumped over: each one
            // means one more working day is still needed beyond the candidate.
            long candidate = nthWeekdayAfter(base, remaining);
            covered(LocalDate.ofEpochDay(candidate));
            long skipped = weekdayHolidaysBefore(candidate + 1) - weekdayHolidaysBefore(base + 1);
            if (skipped == 0) {
                return LocalDate.ofEpochDay(candidate);
            }
            base = candidate;
            remaining = skipped;
        }
    }

    /**
     * Returns the {@code n}th working day strictly before {@code from}: the mirror image of
     * {@link #addWorkingDays(LocalDate, int)}, used to place reminders ahead of a due date.
     *
     * <p>{@code n == 0} returns {@code from} if it is a working day, otherwise the previous
     * working day.
     *
     * @param from start date (not counted)
     * @param n    number of working days, {@code >= 0}
     * @return the resulting working day
     * @throws IllegalArgumentException if {@code n < 0}
     */
    public LocalDate subtractWorkingDays(LocalDate from, int n) {
        Objects.requireNonNull(from, "from");
        if (n < 0) {
            throw new IllegalArgumentException("n must be >= 0, was " + n);
        }
        if (n == 0) {
            return isWorkingDay(from) ? from : subtractWorkingDays(from, 1);
        }
        long base = covered(from).toEpochDay();
        long remaining = n;
        while (true) {
            long candidate = nthWeekdayBefore(base, remaining);
            covered(LocalDate.ofEpochDay(candidate));
            long skipped = weekdayHolidaysBefore(base) - weekdayHolidaysBefore(candidate);
            if (skipped == 0) {
                return LocalDate.ofEpochDay(candidate);
            }
            base = candidate;
            remaining = skipped;
        }
    }

    /**
     * Counts working days {@code d} with {@code from < d <= to}: how many working days have
     * elapsed since {@code from}. Consistent with {@link #addWorkingDays}: for a working day
     * {@code r = addWorkingDays(f, n)} with {@code n >= 1}, {@code workingDaysBetween(f, r) == n}.
     *
     * @return the count, or 0 if {@code to} is not after {@code from}
     */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (!to.isAfter(from)) {
            return 0;
        }
        covered(from);
        covered(to);
        long count = workingDaysBefore(to.toEpochDay() + 1) - workingDaysBefore(from.toEpochDay() + 1);
        return Math.toIntExact(count);
    }

    /**
     * Returns the holidays (bank holidays and closures, including any that fall at a weekend)
     * dated from {@code from} to {@code toInclusive}, sorted by date.
     *
     * @return an immutable list, empty if {@code toInclusive} is before {@code from}
     */
    public List<Holiday> holidaysBetween(LocalDate from, LocalDate toInclusive) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(toInclusive, "toInclusive");
        if (toInclusive.isBefore(from)) {
            return List.of();
        }
        int start = lowerBound(holidayEpochDays, from.toEpochDay());
        int end = lowerBound(holidayEpochDays, toInclusive.toEpochDay() + 1);
        return List.of(Arrays.copyOfRange(holidays, start, end));
    }

    /**
     * Returns the holiday on {@code date}, if any. When a bank holiday and a closure share a
     * date the bank holiday is returned (it is the reason most people recognise).
     */
    public Optional<Holiday> holidayOn(LocalDate date) {
        Objects.requireNonNull(date, "date");
        covered(date);
        int i = lowerBound(holidayEpochDays, date.toEpochDay());
        return i < holidays.length && holidayEpochDays[i] == date.toEpochDay()
                ? Optional.of(holidays[i])
                : Optional.empty();
    }

    /** Every holiday in this calendar, sorted by date; immutable. */
    public List<Holiday> holidays() {
        return List.of(holidays);
    }

    @Override
    public String toString() {
        return "WorkingDayCalendar[" + holidays.length + " holidays"
                + (holidays.length == 0 ? "" : ", " + holidays[0].date() + ".." + holidays[holidays.length - 1].date())
                + "]";
    }

    // ---- arithmetic on epoch days -------------------------------------------------------------

    /** Monday = 0 ... Sunday = 6. Epoch day 0 (1970-01-01) was a Thursday. */
    private static int dayIndex(long epochDay) {
        return (int) Math.floorMod(epochDay + 3, 7L);
    }

    private static boolean isWeekday(long epochDay) {
        return dayIndex(epochDay) < DayOfWeek.SATURDAY.ordinal();
    }

    /**
     * Number of weekdays with epoch day {@code < epochDay}, counted from an arbitrary Monday
     * anchor; only differences are meaningful.
     */
    private static long weekdaysBefore(long epochDay) {
        long sinceMonday = epochDay + 3; // epoch day -3 (1969-12-29) was a Monday
        return Math.floorDiv(sinceMonday, 7L) * 5 + Math.min(Math.floorMod(sinceMonday, 7L), 5L);
    }

    /** Number of weekday holidays with epoch day {@code < epochDay}. */
    private long weekdayHolidaysBefore(long epochDay) {
        return lowerBound(weekdayHolidayEpochDays, epochDay);
    }

    private long workingDaysBefore(long epochDay) {
        return weekdaysBefore(epochDay) - weekdayHolidaysBefore(epochDay);
    }

    /** The {@code n}th (n >= 1) Monday-Friday strictly after {@code epochDay}. */
    private static long nthWeekdayAfter(long epochDay, long n) {
        int index = dayIndex(epochDay);
        if (index > 4) {
            // From Saturday or Sunday the following weekdays are the same as from the Friday.
            epochDay -= index - 4;
            index = 4;
        }
        long position = index + n;
        return epochDay - index + Math.floorDiv(position, 5L) * 7 + Math.floorMod(position, 5L);
    }

    /** The {@code n}th (n >= 1) Monday-Friday strictly before {@code epochDay}. */
    private static long nthWeekdayBefore(long epochDay, long n) {
        int index = dayIndex(epochDay);
        if (index > 4) {
            // From Saturday or Sunday the preceding weekdays are the same as from the next Monday.
            epochDay += 7 - index;
            index = 0;
        }
        long position = index - n;
        return epochDay - index + Math.floorDiv(position, 5L) * 7 + Math.floorMod(position, 5L);
    }

    /** Index of the first element {@code >= key} (array length if none). */
    private static int lowerBound(long[] sorted, long key) {
        int low = 0;
        int high = sorted.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (sorted[mid] < key) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
