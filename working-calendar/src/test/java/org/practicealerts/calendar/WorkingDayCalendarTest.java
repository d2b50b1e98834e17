package org.practicealerts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private static final WorkingDayCalendar CALENDAR = TestCalendars.GOV_UK_CALENDAR;

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    @Test
    void govUkCalendarMarksEveryListedDateAsNonWorking() {
        assertThat(TestCalendars.GOV_UK).allSatisfy(h ->
                assertThat(CALENDAR.isWorkingDay(h.date())).as("%s %s", h.date(), h.name()).isFalse());
    }

    @Test
    void jollydayCalendarMarksEveryGovUkDateAsNonWorking() {
        assertThat(TestCalendars.GOV_UK).allSatisfy(h ->
                assertThat(TestCalendars.JOLLYDAY_CALENDAR.isWorkingDay(h.date())).as("%s", h.date()).isFalse());
    }

    @Test
    void treatsWeekendsAsNonWorkingAndOrdinaryWeekdaysAsWorking() {
        assertThat(CALENDAR.isWorkingDay(date(2026, 3, 14))).isFalse(); // Saturday
        assertThat(CALENDAR.isWorkingDay(date(2026, 3, 15))).isFalse(); // Sunday
        assertThat(CALENDAR.isWorkingDay(date(2026, 3, 16))).isTrue();  // Monday
    }

    @Test
    void skipsWeekendWhenAddingWorkingDays() {
        assertThat(CALENDAR.addWorkingDays(date(2026, 3, 13), 1)).isEqualTo(date(2026, 3, 16));
    }

    @Test
    void fiveWorkingDaysFromMondayIsTheFollowingMonday() {
        assertThat(CALENDAR.addWorkingDays(date(2026, 3, 9), 5)).isEqualTo(date(2026, 3, 16));
    }

    @Test
    void addingFromSaturdayStartsCountingOnMonday() {
        assertThat(CALENDAR.addWorkingDays(date(2026, 3, 14), 1)).isEqualTo(date(2026, 3, 16));
    }

    @Test
    void skipsChristmasAndBoxingDaySubstitutesIn2021() {
        // 25/26 Dec 2021 were Sat/Sun; the bank holidays were Mon 27 and Tue 28.
        assertThat(CALENDAR.addWorkingDays(date(2021, 12, 24), 1)).isEqualTo(date(2021, 12, 29));
    }

    @Test
    void skipsBoxingDayAndChristmasSubstituteIn2022() {
        // 25 Dec 2022 was a Sunday: Boxing Day Mon 26, Christmas substitute Tue 27.
        assertThat(CALENDAR.addWorkingDays(date(2022, 12, 23), 1)).isEqualTo(date(2022, 12, 28));
    }

    @Test
    void skipsGoodFridayAndEasterMonday() {
        assertThat(CALENDAR.addWorkingDays(date(2026, 4, 2), 1)).isEqualTo(date(2026, 4, 7));
    }

    @Test
    void skipsQueensStateFuneralOneOff() {
        assertThat(CALENDAR.addWorkingDays(date(2022, 9, 16), 1)).isEqualTo(date(2022, 9, 20));
    }

    @Test
    void skipsCouncilClosureDay() {
        WorkingDayCalendar withClosure = CALENDAR.withAdditional(
                List.of(Holiday.closure(date(2026, 3, 16), "Staff training day")));

        assertThat(withClosure.addWorkingDays(date(2026, 3, 13), 1)).isEqualTo(date(2026, 3, 17));
    }

    @Test
    void skipsChristmasClosureWeekTogetherWithBankHolidays() {
        WorkingDayCalendar calendar = WorkingDayCalendar.englandAndWales(2026, 2027,
                List.of(date(2026, 12, 29), date(2026, 12, 30), date(2026, 12, 31)));

        assertThat(calendar.addWorkingDays(date(2026, 12, 24), 1)).isEqualTo(date(2027, 1, 4));
    }

    @Test
    void zeroWorkingDaysFromAWorkingDayIsThatDay() {
        assertThat(CALENDAR.addWorkingDays(date(2026, 3, 11), 0)).isEqualTo(date(2026, 3, 11));
    }

    @Test
    void zeroWorkingDaysFromAHolidayIsTheNextWorkingDay() {
        assertThat(CALENDAR.addWorkingDays(date(2026, 4, 3), 0)).isEqualTo(date(2026, 4, 7));
    }

    @Test
    void rejectsNegativeWorkingDays() {
        assertThatThrownBy(() -> CALENDAR.addWorkingDays(date(2026, 3, 11), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void subtractingStepsBackOverEasterAndWeekend() {
        assertThat(CALENDAR.subtractWorkingDays(date(2026, 4, 8), 2)).isEqualTo(date(2026, 4, 2));
    }

    @Test
    void countsWorkingDaysAfterFromUpToAndIncludingTo() {
        // Working days in (Thu 2 Apr, Wed 8 Apr 2026]: Tue 7, Wed 8.
        assertThat(CALENDAR.workingDaysBetween(date(2026, 4, 2), date(2026, 4, 8))).isEqualTo(2);
    }

    @Test
    void countsZeroWorkingDaysWhenToIsNotAfterFrom() {
        assertThat(CALENDAR.workingDaysBetween(date(2026, 4, 8), date(2026, 4, 8))).isZero();
        assertThat(CALENDAR.workingDaysBetween(date(2026, 4, 8), date(2026, 4, 1))).isZero();
    }

    @Test
    void countsWorkingDaysAcrossChristmasSubstitutes() {
        // (Fri 23 Dec 2022, Fri 30 Dec 2022]: Wed 28, Thu 29, Fri 30.
        assertThat(CALENDAR.workingDaysBetween(date(2022, 12, 23), date(2022, 12, 30))).isEqualTo(3);
    }

    @Test
    void listsHolidaysInAnInclusiveRange() {
        assertThat(CALENDAR.holidaysBetween(date(2022, 12, 26), date(2023, 1, 2)))
                .extracting(Holiday::date)
                .containsExactly(date(2022, 12, 26), date(2022, 12, 27), date(2023, 1, 2));
    }

    @Test
    void findsHolidayOnADate() {
        assertThat(CALENDAR.holidayOn(date(2022, 9, 19)))
                .hasValueSatisfying(h -> assertThat(h.name()).containsIgnoringCase("funeral"));
        assertThat(CALENDAR.holidayOn(date(2022, 9, 20))).isEmpty();
    }

    @Test
    void prefersBankHolidayWhenAClosureFallsOnTheSameDay() {
        WorkingDayCalendar calendar = CALENDAR.withAdditional(List.of(Holiday.closure(date(2026, 12, 25), "Closed")));

        assertThat(calendar.holidayOn(date(2026, 12, 25)))
                .hasValueSatisfying(h -> assertThat(h.source()).isEqualTo(Holiday.Source.BANK_HOLIDAY));
        assertThat(calendar.holidaysBetween(date(2026, 12, 25), date(2026, 12, 25))).hasSize(2);
    }

    @Test
    void withAdditionalLeavesTheOriginalCalendarUnchanged() {
        CALENDAR.withAdditional(List.of(Holiday.closure(date(2026, 3, 16), "Closed")));

        assertThat(CALENDAR.isWorkingDay(date(2026, 3, 16))).isTrue();
    }

    @Test
    void agreesWithDayByDayCountingOnRandomDates() {
        // The fast path jumps over weeks; check it against the obvious loop on many random cases.
        WorkingDayCalendar calendar = CALENDAR.withAdditional(List.of(
                Holiday.closure(date(2024, 12, 27), "Closed"),
                Holiday.closure(date(2025, 6, 14), "Closed on a Saturday")));
        Random random = new Random(20260329L);
        LocalDate origin = date(2018, 1, 1);
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            LocalDate from = origin.plusDays(random.nextInt(3_400));
            int n = random.nextInt(60);
            LocalDate forward = naiveAdd(calendar, from, n);
            LocalDate backward = naiveSubtract(calendar, from, n);
            if (!calendar.addWorkingDays(from, n).equals(forward)) {
                failures.add("add " + from + " " + n);
            }
            if (!calendar.subtractWorkingDays(from, n).equals(backward)) {
                failures.add("subtract " + from + " " + n);
            }
            LocalDate to = from.plusDays(random.nextInt(200) - 20);
            if (calendar.workingDaysBetween(from, to) != naiveBetween(calendar, from, to)) {
                failures.add("between " + from + " " + to);
            }
        }
        assertThat(failures).isEmpty();
    }

    private static boolean naiveWorking(WorkingDayCalendar calendar, LocalDate d) {
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY
                && calendar.holidaysBetween(d, d).isEmpty();
    }

    private static LocalDate naiveAdd(WorkingDayCalendar calendar, LocalDate from, int n) {
        if (n == 0 && naiveWorking(calendar, from)) {
            return from;
        }
        LocalDate d = from;
        int remaining = Math.max(n, 1);
        while (remaining > 0) {
            d = d.plusDays(1);
            if (naiveWorking(calendar, d)) {
                remaining--;
            }
        }
        return d;
    }

    private static LocalDate naiveSubtract(WorkingDayCalendar calendar, LocalDate from, int n) {
        if (n == 0 && naiveWorking(calendar, from)) {
            return from;
        }
        LocalDate d = from;
        int remaining = Math.max(n, 1);
        while (remaining > 0) {
            d = d.minusDays(1);
            if (naiveWorking(calendar, d)) {
                remaining--;
            }
        }
        return d;
    }

    private static int naiveBetween(WorkingDayCalendar calendar, LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (naiveWorking(calendar, d)) {
                count++;
            }
        }
        return count;
    }
}
