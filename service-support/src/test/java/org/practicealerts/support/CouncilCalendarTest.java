package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.directory.DirectoryEntry;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.events.directory.NonWorkingDay;
import org.practicealerts.events.directory.Team;

class CouncilCalendarTest {

    private static final LocalDate TUESDAY_29_DECEMBER_2026 = LocalDate.of(2026, 12, 29);

    private static DirectoryJson.Change published(NonWorkingDay day) {
        return new DirectoryJson.Change(DirectoryEntry.Kind.DAY, day.entryId(), Optional.of(day));
    }

    @Test
    void aClosureDayPublishedOnTheDirectoryTopicStopsBeingAWorkingDay() {
        CouncilCalendar calendar = new CouncilCalendar();
        assertThat(calendar.current().isWorkingDay(TUESDAY_29_DECEMBER_2026)).isTrue();

        calendar.apply(published(new NonWorkingDay(TUESDAY_29_DECEMBER_2026, "Council closure day",
                NonWorkingDay.Source.CLOSURE)));

        assertThat(calendar.current().isWorkingDay(TUESDAY_29_DECEMBER_2026)).isFalse();
        assertThat(calendar.size()).isEqualTo(1);
    }

    @Test
    void aTombstoneMakesTheDayAWorkingDayAgain() {
        CouncilCalendar calendar = new CouncilCalendar();
        calendar.apply(published(new NonWorkingDay(TUESDAY_29_DECEMBER_2026, "Council closure day",
                NonWorkingDay.Source.CLOSURE)));

        calendar.apply(new DirectoryJson.Change(DirectoryEntry.Kind.DAY, "2026-12-29", Optional.empty()));

        assertThat(calendar.current().isWorkingDay(TUESDAY_29_DECEMBER_2026)).isTrue();
    }

    @Test
    void otherDirectoryEntriesLeaveTheCalendarAlone() {
        CouncilCalendar calendar = new CouncilCalendar();

        calendar.apply(new DirectoryJson.Change(DirectoryEntry.Kind.TEAM, "team-north",
                Optional.of(new Team("team-north", "North", "tm-north"))));

        assertThat(calendar.size()).isZero();
    }
}
