package org.practicealerts.alert.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.calendar.GovUkBankHolidays;
import org.practicealerts.calendar.JollydayBankHolidays;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.springframework.boot.health.contributor.Status;

class CalendarCoverageTest {

    private static final WorkingDayCalendar GOV_UK_TO_2027 = WorkingDayCalendar.covering(2018, 2027,
            GovUkBankHolidays.bundledEnglandAndWales());

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    @Test
    void aGovUkFileThatReachesSixMonthsAheadIsHealthy() {
        var health = new CalendarCoverage(() -> GOV_UK_TO_2027, at("2026-12-01T09:00:00Z")).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("lastYear", 2027);
    }

    @Test
    void aGovUkFileThatEndsBeforeTheNextSixMonthsFailsTheHealthCheckSayingWhatToDo() {
        var health = new CalendarCoverage(() -> GOV_UK_TO_2027, at("2027-07-15T09:00:00Z")).health();

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(String.valueOf(health.getDetails().get("problem")))
                .contains("known only to the end of 2027", "install a newer gov.uk bank-holidays file");
    }

    @Test
    void jollydayComputesEveryYearTheServiceWillMeet() {
        WorkingDayCalendar computed = WorkingDayCalendar.covering(DomainConfig.JOLLYDAY_FIRST_YEAR,
                DomainConfig.JOLLYDAY_LAST_YEAR, JollydayBankHolidays.between(2000, 2100));

        assertThat(new CalendarCoverage(() -> computed, at("2090-01-01T09:00:00Z")).health().getStatus())
                .isEqualTo(Status.UP);
        assertThat(computed.isWorkingDay(java.time.LocalDate.of(2099, 12, 25))).isFalse();
        assertThat(List.of(computed.firstYear().orElseThrow(), computed.lastYear().orElseThrow()))
                .containsExactly(2000, 2100);
    }
}
