package org.practicealerts.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;

import org.junit.jupiter.api.Test;

class GovUkBankHolidaysTest {

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void parsesEveryEventOfTheEnglandAndWalesDivision() {
        assertThat(TestCalendars.GOV_UK).hasSize(83);
        assertThat(TestCalendars.GOV_UK).first()
                .isEqualTo(Holiday.bankHoliday(LocalDate.of(2018, 1, 1), "New Year's Day"));
        assertThat(TestCalendars.GOV_UK).allMatch(h -> h.source() == Holiday.Source.BANK_HOLIDAY);
    }

    @Test
    void returnsHolidaysSortedByDate() {
        String unsorted = """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "Boxing Day", "date": "2025-12-26", "notes": "", "bunting": true},
                  {"title": "Christmas Day", "date": "2025-12-25", "notes": "", "bunting": true}]}}
                """;

        assertThat(GovUkBankHolidays.parse(json(unsorted), "england-and-wales"))
                .isSortedAccordingTo(Comparator.comparing(Holiday::date))
                .extracting(Holiday::name).containsExactly("Christmas Day", "Boxing Day");
    }

    @Test
    void bundledDefaultMatchesTheGovUkFile() {
        assertThat(GovUkBankHolidays.bundledEnglandAndWales()).isEqualTo(TestCalendars.GOV_UK);
    }

    @Test
    void rejectsUnknownDivisionNamingTheOnesAvailable() {
        assertThatThrownBy(() -> GovUkBankHolidays.parse(TestCalendars.govUkJson(), "scotland"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scotland")
                .hasMessageContaining("england-and-wales");
    }

    @Test
    void rejectsMalformedJson() {
        assertThatThrownBy(() -> GovUkBankHolidays.parse(json("{\"england-and-wales\": {"), "england-and-wales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void rejectsDocumentThatIsNotAnObject() {
        assertThatThrownBy(() -> GovUkBankHolidays.parse(json("[]"), "england-and-wales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("JSON object");
    }

    @Test
    void rejectsDivisionWithoutEventsArray() {
        String noEvents = "{\"england-and-wales\": {\"division\": \"england-and-wales\"}}";

        assertThatThrownBy(() -> GovUkBankHolidays.parse(json(noEvents), "england-and-wales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events");
    }

    @Test
    void rejectsEventWithInvalidDate() {
        String badDate = """
                {"england-and-wales": {"division": "england-and-wales", "events": [
                  {"title": "Christmas Day", "date": "25/12/2025"}]}}
                """;

        assertThatThrownBy(() -> GovUkBankHolidays.parse(json(badDate), "england-and-wales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event #0")
                .hasMessageContaining("25/12/2025");
    }

    @Test
    void rejectsEventWithoutTitle() {
        String noTitle = """
                {"england-and-wales": {"division": "england-and-wales", "events": [{"date": "2025-12-25"}]}}
                """;

        assertThatThrownBy(() -> GovUkBankHolidays.parse(json(noTitle), "england-and-wales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("title");
    }

    @Test
    void rejectsDivisionDeclaringADifferentName() {
        String misKeyed = "{\"england-and-wales\": {\"division\": \"scotland\", \"events\": []}}";

        assertThatThrownBy(() -> GovUkBankHolidays.parse(json(misKeyed), "england-and-wales"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("scotland");
    }
}
