package org.practicealerts.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DisplayTest {

    private static final Set<LocalDate> CHRISTMAS_2026 = Set.of(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 28),
            LocalDate.of(2027, 1, 1));

    @Test
    void workingDaysLeftSkipWeekendsAndTheBankHolidaysGiven() {
        // Wed 23 Dec 2026 to Mon 4 Jan 2027: Thu 24, Tue 29, Wed 30, Thu 31, Mon 4 -> 5
        assertThat(Display.workingDaysLeft(LocalDate.of(2026, 12, 23), LocalDate.of(2027, 1, 4), CHRISTMAS_2026))
                .isEqualTo(5);
    }

    @Test
    void aDeadlineTodayHasNoneLeftAndOnePassedIsCountedBackwards() {
        LocalDate friday = LocalDate.of(2026, 12, 4);
        assertThat(Display.workingDaysLeft(friday, friday, Set.of())).isZero();
        assertThat(Display.workingDaysLeft(LocalDate.of(2026, 12, 7), friday, Set.of())).isEqualTo(-1);
    }

    @Test
    void timesAreShownInTheCouncilsZone() {
        Display london = new Display(ZoneId.of("Europe/London"));
        assertThat(london.when("2026-03-30T16:00:00Z")).isEqualTo("Mon 30 Mar 2026, 5:00pm");
        assertThat(london.when("2026-01-12T17:00:00Z")).isEqualTo("Mon 12 Jan 2026, 5:00pm");
    }
}
