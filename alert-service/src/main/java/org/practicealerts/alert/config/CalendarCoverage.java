package org.practicealerts.alert.config;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import org.practicealerts.alert.domain.WorkingCalendarSource;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health of the council's calendar: DOWN when the years whose bank holidays it knows end within the next
 * {@link #AHEAD} (a gov.uk bank-holidays file not yet replaced by the newer one gov.uk publishes), so the operators
 * are told before any deadline needs a missing year; a deadline that does is refused, never guessed. Not part of
 * the liveness or readiness probes: the service keeps working for every date it knows.
 */
@Component("calendarCoverage")
public class CalendarCoverage implements HealthIndicator {

    /** Further than any procedure's deadlines reach (twenty working days, action reviews of a few months). */
    static final Period AHEAD = Period.ofMonths(6);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final WorkingCalendarSource calendar;
    private final Clock clock;

    public CalendarCoverage(WorkingCalendarSource calendar, Clock clock) {
        this.calendar = calendar;
        this.clock = clock;
    }

    @Override
    public Health health() {
        WorkingDayCalendar current = calendar.current();
        LocalDate needed = LocalDate.now(clock.withZone(LONDON)).plus(AHEAD);
        Health.Builder health = current.lastYear().map(last -> last >= needed.getYear() ? Health.up()
                        : Health.down().withDetail("problem", "bank holidays are known only to the end of " + last
                                + "; deadlines up to " + needed + " need " + needed.getYear()
                                + ": install a newer gov.uk bank-holidays file"))
                .orElseGet(Health::up);
        current.firstYear().ifPresent(y -> health.withDetail("firstYear", y));
        current.lastYear().ifPresent(y -> health.withDetail("lastYear", y));
        return health.build();
    }
}
