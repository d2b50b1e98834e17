package org.practicealerts.calendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Turns a start instant and a {@link Timescale} into a due instant, using a
 * {@link WorkingDayCalendar}, a time zone (Europe/London for English councils) and the time of
 * day at which a day "ends" (e.g. 17:00 for office hours, or 23:59:59). Immutable and thread-safe.
 *
 * <p>Day-based deadlines are computed on local dates in the zone and converted back with
 * {@link ZonedDateTime#of}, so they stay at the local end of day across clock changes. If
 * {@code endOfDay} falls in a spring-forward gap it moves forward by the length of the gap, as
 * {@code ZonedDateTime} does; in an autumn overlap the earlier (summer-time) instant is used.
 */
public final class DeadlineCalculator {

    /** The zone English councils work in. */
    public static final ZoneId EUROPE_LONDON = ZoneId.of("Europe/London");

    private final WorkingDayCalendar calendar;
    private final ZoneId zone;
    private final LocalTime endOfDay;
    private final DayCounting dayCounting;

    /**
     * @param calendar    working days
     * @param zone        zone in which dates are read and end of day is applied
     * @param endOfDay    local time at which a day's deadline falls
     * @param dayCounting whether the start day is day 0 or day 1
     */
    public DeadlineCalculator(WorkingDayCalendar calendar, ZoneId zone, LocalTime endOfDay, DayCounting dayCounting) {
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.endOfDay = Objects.requireNonNull(endOfDay, "endOfDay");
        this.dayCounting = Objects.requireNonNull(dayCounting, "dayCounting");
    }

    /** As the four-argument constructor with {@link DayCounting#DEFAULT}. */
    public DeadlineCalculator(WorkingDayCalendar calendar, ZoneId zone, LocalTime endOfDay) {
        this(calendar, zone, endOfDay, DayCounting.DEFAULT);
    }

    /**
     * When something started at {@code start} with timescale {@code t} is due.
     *
     * <ul>
     *   <li>{@code WORKING_DAYS}: end of day of the working day given by the {@link DayCounting}
     *       rule, counting from {@code start}'s local date in the zone. With day 0 counting,
     *       0 working days is the end of the start day if it is a working day, else of the next
     *       working day. With day 1 counting, 0 and 1 working days mean the same, and the start day is
     *       day 1 only if it is a working day and {@code start} is before its end of day.</li>
     *   <li>{@code CALENDAR_DAYS}: end of day of the start date plus N days (plus N-1 with day 1
     *       counting when {@code start} is before its day's end of day; 0 and 1 then mean the same).
     *       Weekends and holidays are not skipped.</li>
     *   <li>{@code HOURS}: {@code start} plus N elapsed hours; working days and end of day do
     *       not apply (a 24-hour visit is due 24 hours later, even over a weekend).</li>
     * </ul>
     */
    public Instant due(Instant start, Timescale t) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(t, "timescale");
        int n = t.amount();
        return switch (t.unit()) {
            case HOURS -> start.plus(Duration.ofHours(n));
            case CALENDAR_DAYS -> {
                int days = dayCounting == DayCounting.RAISED_DAY_IS_DAY_ONE
                        ? (startDayCounts(start) ? Math.max(n - 1, 0) : Math.max(n, 1)) : n;
                yield endOf(localDate(start).plusDays(days));
            }
            case WORKING_DAYS -> endOf(dueWorkingDay(start, n));
        };
    }

    /**
     * When to remind someone ahead of {@code due}.
     *
     * <ul>
     *   <li>{@code WORKING_DAYS}: end of day of the working day N working days before the due
     *       date (stepping backwards over weekends and holidays).</li>
     *   <li>{@code CALENDAR_DAYS}: end of day of the due date minus N days.</li>
     *   <li>{@code HOURS}: {@code due} minus N elapsed hours.</li>
     * </ul>
     * A reminder is never later than {@code due}: with 0 days and a due time earlier than end of
     * day, {@code due} itself is returned.
     */
    public Instant reminderBefore(Instant due, Timescale before) {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(before, "before");
        int n = before.amount();
        Instant reminder = switch (before.unit()) {
            case HOURS -> due.minus(Duration.ofHours(n));
            case CALENDAR_DAYS -> endOf(localDate(due).minusDays(n));
            case WORKING_DAYS -> endOf(calendar.subtractWorkingDays(localDate(due), n));
        };
        return reminder.isAfter(due) ? due : reminder;
    }

    /**
     * Working days that have elapsed between two instants: working days {@code d} with
     * {@code localDate(from) < d <= localDate(to)}, dates read in the zone; 0 if {@code to} is
     * not on a later date.
     */
    public int workingDaysOpen(Instant from, Instant to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return calendar.workingDaysBetween(localDate(from), localDate(to));
    }

    /** The calendar in use. */
    public WorkingDayCalendar calendar() {
        return calendar;
    }

    /** The zone in use. */
    public ZoneId zone() {
        return zone;
    }

    /** The local end-of-day time in use. */
    public LocalTime endOfDay() {
        return endOfDay;
    }

    /** The day-counting rule in use. */
    public DayCounting dayCounting() {
        return dayCounting;
    }

    private LocalDate dueWorkingDay(Instant start, int n) {
        LocalDate startDate = localDate(start);
        if (dayCounting == DayCounting.RAISED_DAY_IS_DAY_ONE) {
            if (calendar.isWorkingDay(startDate) && startDayCounts(start)) {
                // The start day is day 1, so only N-1 further working days are needed.
                return calendar.addWorkingDays(startDate, Math.max(n - 1, 0));
            }
            // Started on a non-working day, or after its end of day (an escalation at 17:00): the next
            // working day is day 1, so day N is the Nth working day after the start date.
            return calendar.addWorkingDays(startDate, Math.max(n, 1));
        }
        // Day 0 counting: "N working days after" the start date, whatever the time of day.
        return calendar.addWorkingDays(startDate, n);
    }

    /**
     * With day 1 counting, whether the start day is day 1: only if some of it is left, i.e. the start is
     * before that day's end of day. Otherwise a stage entered at 17:00 would count its whole first day as
     * gone and lose a working day at every escalation.
     */
    private boolean startDayCounts(Instant start) {
        return start.isBefore(endOf(localDate(start)));
    }

    private LocalDate localDate(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    private Instant endOf(LocalDate date) {
        // ZonedDateTime.of resolves the offset for that specific date, so BST/GMT is right.
        return ZonedDateTime.of(date, endOfDay, zone).toInstant();
    }
}
