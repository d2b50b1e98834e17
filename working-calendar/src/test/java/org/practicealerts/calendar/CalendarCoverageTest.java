package org.practicealerts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * A calendar for any year: Jollyday computes England and Wales bank holidays for whichever year a deadline needs,
 * and a calendar that knows only some years (a gov.uk file) refuses a date beyond them instead of counting that
 * year's Christmas as a working day.
 */
class CalendarCoverageTest {

    private static final WorkingDayCalendar FAR_AHEAD = WorkingDayCalendar.covering(2036, 2061,
            JollydayBankHolidays.between(2036, 2061));

    /** Dates worked out by hand from each year's Easter Sunday and the weekday of Christmas Day. */
    @ParameterizedTest(name = "{0} + 1 working day = {1} ({2})")
    @CsvSource({
        // 2037: Easter Sunday 5 April (Good Friday 3, Easter Monday 6); Christmas Friday, Boxing Day Saturday
        // observed on Monday 28.
        "2037-04-02, 2037-04-07, Good Friday and Easter Monday skipped",
        "2037-12-24, 2037-12-29, Christmas Day and the substitute Boxing Day skipped",
        // 2045: Easter Sunday 9 April; Christmas Monday, Boxing Day Tuesday.
        "2045-04-06, 2045-04-11, Good Friday and Easter Monday skipped",
        "2045-12-22, 2045-12-27, the weekend then Christmas Day and Boxing Day skipped",
        // 2060: Easter Sunday 18 April; Christmas Saturday and Boxing Day Sunday, observed Monday 27 and Tuesday 28.
        "2060-04-15, 2060-04-20, Good Friday and Easter Monday skipped",
        "2060-12-24, 2060-12-29, both substitute days skipped",
    })
    void aDeadlineInAnyYearSkipsThatYearsEasterAndChristmas(LocalDate from, LocalDate expected, String why) {
        assertThat(FAR_AHEAD.addWorkingDays(from, 1)).as(why).isEqualTo(expected);
    }

    @Test
    void aDeadlinePastTheEndOfAGovUkFileIsRefusedNotCountedAsWorkingDays() {
        WorkingDayCalendar fromFile = WorkingDayCalendar.covering(2018, 2027, TestCalendars.GOV_UK);

        // Christmas 2027 is a Saturday: the substitute days are Monday 27 and Tuesday 28 December.
        assertThat(fromFile.addWorkingDays(LocalDate.of(2027, 12, 20), 5)).isEqualTo(LocalDate.of(2027, 12, 29));
        assertThatThrownBy(() -> fromFile.addWorkingDays(LocalDate.of(2027, 12, 24), 5))
                .isInstanceOf(CalendarCoverageException.class)
                .hasMessageContaining("no bank holidays are known for 2028")
                .hasMessageContaining("2018-2027");
        assertThatThrownBy(() -> fromFile.isWorkingDay(LocalDate.of(2028, 12, 25)))
                .isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> fromFile.workingDaysBetween(LocalDate.of(2027, 12, 1), LocalDate.of(2028, 1, 5)))
                .isInstanceOf(CalendarCoverageException.class);
        assertThatThrownBy(() -> fromFile.subtractWorkingDays(LocalDate.of(2018, 1, 3), 5))
                .isInstanceOf(CalendarCoverageException.class);
    }

    @Test
    void aClosureDayAddedKeepsTheCalendarsCoverage() {
        WorkingDayCalendar fromFile = WorkingDayCalendar.covering(2018, 2027, TestCalendars.GOV_UK)
                .withAdditional(List.of(Holiday.closure(LocalDate.of(2027, 12, 29), "Council closure day")));

        assertThat(fromFile.lastYear()).contains(2027);
        assertThat(fromFile.isWorkingDay(LocalDate.of(2027, 12, 29))).isFalse();
        assertThatThrownBy(() -> fromFile.isWorkingDay(LocalDate.of(2028, 1, 4)))
                .isInstanceOf(CalendarCoverageException.class);
    }

    @Test
    void aCalendarFollowedFromPublishedDaysStatesNoCoverageAndRefusesNothing() {
        WorkingDayCalendar followed = WorkingDayCalendar.of(List.of());

        assertThat(followed.lastYear()).isEmpty();
        assertThat(followed.isWorkingDay(LocalDate.of(2099, 6, 1))).isTrue();
    }
}
