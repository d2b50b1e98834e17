package org.practicealerts.web.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void timesAreShownInTheCouncilsZone() {
        Display london = new Display(ZoneId.of("Europe/London"));
        assertThat(london.when("2026-03-30T16:00:00Z")).isEqualTo("Mon 30 Mar 2026, 5:00pm");
        assertThat(london.when("2026-01-12T17:00:00Z")).isEqualTo("Mon 12 Jan 2026, 5:00pm");
    }
}
