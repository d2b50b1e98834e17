package org.practicealerts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TimescaleTest {

    @Test
    void parsesWorkingDays() {
        assertThat(Timescale.parse("5 working days")).isEqualTo(new Timescale(5, Timescale.Unit.WORKING_DAYS));
    }

    @Test
    void parsesSingularWorkingDay() {
        assertThat(Timescale.parse("1 working day")).isEqualTo(Timescale.workingDays(1));
    }

    @Test
    void parsesCalendarDays() {
        assertThat(Timescale.parse("7 calendar days")).isEqualTo(Timescale.calendarDays(7));
    }

    @Test
    void parsesHours() {
        assertThat(Timescale.parse("24 hours")).isEqualTo(Timescale.hours(24));
    }

    @Test
    void parsesIgnoringCaseAndSurroundingSpaces() {
        assertThat(Timescale.parse("  10 Working  Days ")).isEqualTo(Timescale.workingDays(10));
    }

    @Test
    void parsesZeroWorkingDays() {
        assertThat(Timescale.parse("0 working days")).isEqualTo(Timescale.workingDays(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5 working days", "1 working day", "7 calendar days", "1 calendar day",
            "24 hours", "1 hour", "0 working days"})
    void toStringRoundTripsThroughParse(String text) {
        assertThat(Timescale.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "five working days", "5 days", "5 workingdays", "-1 working days",
            "5 weeks", "5 working days please", "0 hours", "9999999999 hours", "5"})
    void rejectsMalformedText(String text) {
        assertThatThrownBy(() -> Timescale.parse(text))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNullText() {
        assertThatThrownBy(() -> Timescale.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsNegativeDays() {
        assertThatThrownBy(() -> Timescale.calendarDays(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsZeroHours() {
        assertThatThrownBy(() -> Timescale.hours(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
