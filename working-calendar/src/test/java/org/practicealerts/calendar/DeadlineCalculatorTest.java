package org.practicealerts.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class DeadlineCalculatorTest {

    private static final ZoneId LONDON = DeadlineCalculator.EUROPE_LONDON;
    private static final LocalTime FIVE_PM = LocalTime.of(17, 0);

    private static final DeadlineCalculator DAY_ZERO = new DeadlineCalculator(
            TestCalendars.GOV_UK_CALENDAR, LONDON, FIVE_PM, DayCounting.RAISED_DAY_IS_DAY_ZERO);
    private static final DeadlineCalculator DAY_ONE = new DeadlineCalculator(
            TestCalendars.GOV_UK_CALENDAR, LONDON, FIVE_PM, DayCounting.RAISED_DAY_IS_DAY_ONE);

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void defaultsToRaisedDayIsDayZero() {
        assertThat(new DeadlineCalculator(TestCalendars.GOV_UK_CALENDAR, LONDON, FIVE_PM).dayCounting())
                .isEqualTo(DayCounting.RAISED_DAY_IS_DAY_ZERO);
    }

    @Test
    void fiveWorkingDaysFromMondayIsEndOfNextMondayWhenRaisedDayIsDayZero() {
        assertThat(DAY_ZERO.due(at("2026-03-09T10:00:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-03-16T17:00:00Z"));
    }

    @Test
    void fiveWorkingDaysFromMondayIsEndOfFridayWhenRaisedDayIsDayOne() {
        assertThat(DAY_ONE.due(at("2026-03-09T10:00:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-03-13T17:00:00Z"));
    }

    @Test
    void firstWorkingDayAfterAWeekendStartIsDayOne() {
        // Raised Saturday 14 March: Monday 16 is day 1, so day 5 is Friday 20.
        assertThat(DAY_ONE.due(at("2026-03-14T10:00:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-03-20T17:00:00Z"));
    }

    @Test
    void oneWorkingDayFromABankHolidayIsTheNextWorkingDayWhenRaisedDayIsDayOne() {
        // Raised on Good Friday 2026: Tuesday 7 April (after Easter Monday) is day 1.
        assertThat(DAY_ONE.due(at("2026-04-03T09:00:00Z"), Timescale.workingDays(1)))
                .isEqualTo(at("2026-04-07T16:00:00Z"));
    }

    // Issue 12: "day-1 counting with automatic escalation loses a working day per stage". A stage entered at or
    // after the end of day (an escalation at 17:00) has nothing of that day left: the next working day is day 1.

    @Test
    void aStageEnteredAtFiveOnAFridayCountsMondayAsDayOneWhenRaisedDayIsDayOne() {
        // Fri 9 Jan 2026 17:00 GMT: Mon 12 is day 1, Fri 16 day 5 (not Thu 15, as when Friday counted).
        assertThat(DAY_ONE.due(at("2026-01-09T17:00:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-01-16T17:00:00Z"));
    }

    @Test
    void aStageEnteredAMinuteBeforeTheEndOfDayStillCountsThatDayAsDayOne() {
        // Fri 9 Jan 2026 16:59 GMT: Fri 9 is day 1, Thu 15 day 5.
        assertThat(DAY_ONE.due(at("2026-01-09T16:59:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-01-15T17:00:00Z"));
    }

    @Test
    void theEndOfDayIsLocalTimeInSummerWhenDecidingWhetherTheStartDayCounts() {
        // Thu 2 Apr 2026 16:30Z is 17:30 BST, after the end of day: Good Friday and Easter Monday are skipped, so
        // Tue 7 Apr is day 1 and Mon 13 Apr day 5, at 17:00 BST (16:00Z).
        assertThat(DAY_ONE.due(at("2026-04-02T16:30:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-04-13T16:00:00Z"));
        // 15:59Z is 16:59 BST: Thu 2 is day 1, then Tue 7 (2), Wed 8 (3), Thu 9 (4), Fri 10 (5).
        assertThat(DAY_ONE.due(at("2026-04-02T15:59:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-04-10T16:00:00Z"));
    }

    @Test
    void aStageEnteredAtFiveOnChristmasEveCountsFromAfterTheBankHolidays() {
        // Thu 24 Dec 2026 17:00Z: Christmas Day (Fri 25), Boxing Day substitute (Mon 28) and New Year's Day are
        // skipped: Tue 29 (1), Wed 30 (2), Thu 31 (3), Mon 4 Jan 2027 (4), Tue 5 Jan (5).
        assertThat(DAY_ONE.due(at("2026-12-24T17:00:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2027-01-05T17:00:00Z"));
    }

    @Test
    void calendarDaysFromAfterTheEndOfDayStartTheNextDayWhenRaisedDayIsDayOne() {
        // Mon 9 Mar 2026 17:00Z: Tue 10 is day 1, Mon 16 day 7.
        assertThat(DAY_ONE.due(at("2026-03-09T17:00:00Z"), Timescale.calendarDays(7)))
                .isEqualTo(at("2026-03-16T17:00:00Z"));
    }

    @Test
    void dayZeroCountingIsUnchangedByTheTimeOfDay() {
        // Mon 9 Mar 2026 17:00Z is still day 0: Tue 10 (1) … Mon 16 (5).
        assertThat(DAY_ZERO.due(at("2026-03-09T17:00:00Z"), Timescale.workingDays(5)))
                .isEqualTo(at("2026-03-16T17:00:00Z"));
    }

    @Test
    void skipsBoxingDaySubstituteWhenCountingWorkingDays() {
        // Fri 23 Dec 2022 + 1 working day: Mon 26 (Boxing Day) and Tue 27 (Christmas substitute) skipped.
        assertThat(DAY_ZERO.due(at("2022-12-23T11:00:00Z"), Timescale.workingDays(1)))
                .isEqualTo(at("2022-12-28T17:00:00Z"));
    }

    @Test
    void landsAtFivePmBritishSummerTimeAfterSpringClockChange() {
        // Raised Fri 27 Mar 2026 (GMT); clocks go forward Sun 29 Mar; Mon 30 Mar 17:00 BST = 16:00 UTC.
        assertThat(DAY_ZERO.due(at("2026-03-27T10:00:00Z"), Timescale.workingDays(1)))
                .isEqualTo(at("2026-03-30T16:00:00Z"));
    }

    @Test
    void landsAtFivePmGreenwichMeanTimeAfterAutumnClockChange() {
        // Raised Fri 23 Oct 2026 (BST); clocks go back Sun 25 Oct; Mon 26 Oct 17:00 GMT = 17:00 UTC.
        assertThat(DAY_ZERO.due(at("2026-10-23T09:00:00Z"), Timescale.workingDays(1)))
                .isEqualTo(at("2026-10-26T17:00:00Z"));
    }

    @Test
    void calendarDaysLandOnTheSpringClockChangeSundayInSummerTime() {
        assertThat(DAY_ZERO.due(at("2026-03-27T10:00:00Z"), Timescale.calendarDays(2)))
                .isEqualTo(at("2026-03-29T16:00:00Z"));
    }

    @Test
    void calendarDaysLandOnTheAutumnClockChangeSundayInWinterTime() {
        assertThat(DAY_ZERO.due(at("2026-10-23T09:00:00Z"), Timescale.calendarDays(2)))
                .isEqualTo(at("2026-10-25T17:00:00Z"));
    }

    @Test
    void readsTheStartDateInLondonNotUtc() {
        // 23:30 UTC on Thu 25 Jun 2026 is 00:30 BST on Fri 26 Jun, so 1 working day is Mon 29 Jun.
        assertThat(DAY_ZERO.due(at("2026-06-25T23:30:00Z"), Timescale.workingDays(1)))
                .isEqualTo(at("2026-06-29T16:00:00Z"));
    }

    @Test
    void calendarDaysIncludeWeekendsWhenRaisedDayIsDayZero() {
        assertThat(DAY_ZERO.due(at("2026-03-09T10:00:00Z"), Timescale.calendarDays(7)))
                .isEqualTo(at("2026-03-16T17:00:00Z"));
    }

    @Test
    void calendarDaysCountTheStartDayWhenRaisedDayIsDayOne() {
        assertThat(DAY_ONE.due(at("2026-03-09T10:00:00Z"), Timescale.calendarDays(7)))
                .isEqualTo(at("2026-03-15T17:00:00Z"));
    }

    @Test
    void hoursAreClockHoursAcrossAWeekend() {
        assertThat(DAY_ZERO.due(at("2026-03-13T15:00:00Z"), Timescale.hours(72)))
                .isEqualTo(at("2026-03-16T15:00:00Z"));
    }

    @Test
    void hoursAreElapsedTimeAcrossAClockChange() {
        // 24 elapsed hours from noon UTC Sat 28 Mar 2026 is noon UTC Sun 29 Mar (13:00 BST local).
        assertThat(DAY_ZERO.due(at("2026-03-28T12:00:00Z"), Timescale.hours(24)))
                .isEqualTo(at("2026-03-29T12:00:00Z"));
    }

    @Test
    void hoursIgnoreDayCounting() {
        assertThat(DAY_ONE.due(at("2026-03-13T15:00:00Z"), Timescale.hours(24)))
                .isEqualTo(at("2026-03-14T15:00:00Z"));
    }

    @Test
    void endOfDayCanBeJustBeforeMidnight() {
        DeadlineCalculator lateEnd = new DeadlineCalculator(
                TestCalendars.GOV_UK_CALENDAR, LONDON, LocalTime.of(23, 59, 59), DayCounting.RAISED_DAY_IS_DAY_ZERO);

        assertThat(lateEnd.due(at("2026-07-01T10:00:00Z"), Timescale.workingDays(1)))
                .isEqualTo(at("2026-07-02T22:59:59Z"));
    }

    @Test
    void remindsTwoWorkingDaysBeforeSteppingBackOverEaster() {
        // Due Wed 8 Apr 2026: back over Tue 7 (1), Easter Monday, weekend, Good Friday, to Thu 2 (2).
        assertThat(DAY_ZERO.reminderBefore(at("2026-04-08T16:00:00Z"), Timescale.workingDays(2)))
                .isEqualTo(at("2026-04-02T16:00:00Z"));
    }

    @Test
    void remindsHoursBeforeAsElapsedTime() {
        assertThat(DAY_ZERO.reminderBefore(at("2026-03-16T09:00:00Z"), Timescale.hours(24)))
                .isEqualTo(at("2026-03-15T09:00:00Z"));
    }

    @Test
    void reminderIsNeverLaterThanTheDueTime() {
        Instant due = at("2026-03-16T10:00:00Z");

        assertThat(DAY_ZERO.reminderBefore(due, Timescale.workingDays(0))).isEqualTo(due);
    }

    @Test
    void countsWorkingDaysOpenUsingLondonDates() {
        // Raised Thu 2 Apr 2026, now Wed 8 Apr: Tue 7 and Wed 8 have elapsed.
        assertThat(DAY_ZERO.workingDaysOpen(at("2026-04-02T08:00:00Z"), at("2026-04-08T12:00:00Z")))
                .isEqualTo(2);
    }

    @Test
    void countsNoWorkingDaysOpenOnTheSameDay() {
        assertThat(DAY_ZERO.workingDaysOpen(at("2026-04-08T08:00:00Z"), at("2026-04-08T16:00:00Z")))
                .isZero();
    }
}
