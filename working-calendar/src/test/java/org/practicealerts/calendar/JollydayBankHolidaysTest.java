package org.practicealerts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

class JollydayBankHolidaysTest {

    private static List<LocalDate> govUkDates(int fromYear, int toYear) {
        return TestCalendars.GOV_UK.stream()
                .map(Holiday::date)
                .filter(d -> d.getYear() >= fromYear && d.getYear() <= toYear)
                .toList();
    }

    private static List<LocalDate> jollydayDates(int fromYear, int toYear) {
        return JollydayBankHolidays.between(fromYear, toYear).stream().map(Holiday::date).toList();
    }

    @Test
    void agreesExactlyWithGovUkFor2022To2027() {
        assertThat(jollydayDates(2022, 2027)).containsExactlyElementsOf(govUkDates(2022, 2027));
    }

    @Test
    void agreesExactlyWithGovUkFor2018To2021IncludingMovedVeDay() {
        assertThat(jollydayDates(2018, 2021)).containsExactlyElementsOf(govUkDates(2018, 2021));
    }

    @Test
    void includesOneOffHolidays() {
        assertThat(jollydayDates(2022, 2023)).contains(
                LocalDate.of(2022, 6, 3),   // Platinum Jubilee
                LocalDate.of(2022, 9, 19),  // State funeral of Queen Elizabeth II
                LocalDate.of(2023, 5, 8));  // Coronation of King Charles III
    }

    @Test
    void usesObservedSubstituteDateNotTheWeekendAnniversary() {
        List<LocalDate> dates = jollydayDates(2021, 2022);

        assertThat(dates).contains(LocalDate.of(2021, 12, 27), LocalDate.of(2021, 12, 28),
                LocalDate.of(2022, 1, 3), LocalDate.of(2022, 12, 26), LocalDate.of(2022, 12, 27));
        assertThat(dates).doesNotContain(LocalDate.of(2021, 12, 25), LocalDate.of(2021, 12, 26),
                LocalDate.of(2022, 1, 1), LocalDate.of(2022, 12, 25));
    }

    @Test
    void namesHolidaysAndMarksThemAsBankHolidays() {
        assertThat(JollydayBankHolidays.between(2022, 2022))
                .allMatch(h -> h.source() == Holiday.Source.BANK_HOLIDAY && !h.name().isBlank());
    }

    @Test
    void rejectsReversedYearRange() {
        assertThatThrownBy(() -> JollydayBankHolidays.between(2027, 2022))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
