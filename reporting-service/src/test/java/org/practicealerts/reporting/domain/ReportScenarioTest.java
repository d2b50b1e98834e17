package org.practicealerts.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.InformalResolutionRecorded;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.reporting.api.AlertLine;
import org.practicealerts.reporting.api.CentralLogRow;
import org.practicealerts.reporting.api.Chronology;
import org.practicealerts.reporting.api.ChronologyEntry;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.api.QuarterlyThemes;
import org.practicealerts.reporting.api.WeeklyPack;

/** The reports over the dated scenario of {@link Scenario}: exact numbers, working days from the shared calendar. */
class ReportScenarioTest {

    Projection projection;
    CentralLogReport centralLog;
    ChronologyReport chronology;
    WeeklyPackReport weeklyPack;
    MonthlyAuditReport monthlyAudit;
    QuarterlyThemesReport quarterlyThemes;
    Directory directory;

    @BeforeEach
    void project() {
        projection = new Projection();
        for (PracticeEvent e : Scenario.events("")) {
            projection.apply(e);
        }
        directory = Scenario.directory();
        centralLog = new CentralLogReport(Scenario.calendar());
        chronology = new ChronologyReport();
        weeklyPack = new WeeklyPackReport(Scenario.calendar());
        monthlyAudit = new MonthlyAuditReport(Scenario.calendar(), directory);
        quarterlyThemes = new QuarterlyThemesReport(Scenario.calendar());
    }

    @Test
    void appliesARedeliveredEventOnlyOnce() {
        assertThat(projection.duplicates()).isEqualTo(1);
        assertThat(projection.alert("A1").rounds().get(0).respondedAt()).isEqualTo("2026-09-01T08:00:00Z");
        Projection again = new Projection();
        List<PracticeEvent> events = Scenario.events("");
        events.forEach(again::apply);
        events.forEach(again::apply);
        assertThat(again.applied()).isEqualTo(events.size() - 1);
    }

    @Test
    void centralLogCountsWorkingDaysOpenSkippingTheSummerBankHoliday() {
        List<CentralLogRow> rows = centralLog.rows(projection, CentralLogReport.LogFilter.NONE, Viewer.system(),
                Instant.parse("2026-10-09T12:00:00Z"));
        assertThat(rows).extracting(CentralLogRow::alertId).containsExactly("A0", "A1", "A2", "A3", "A4");
        CentralLogRow a1 = rows.get(1);
        assertThat(a1.workingDaysOpen()).isEqualTo(3);
        assertThat(a1.informalFirst()).isTrue();
        assertThat(a1.status()).isEqualTo("RESOLVED");
        CentralLogRow a2 = rows.get(2);
        assertThat(a2.workingDaysOpen()).isEqualTo(10);
        assertThat(a2.stageReached()).isEqualTo(2);
        assertThat(a2.stages()).hasSize(2);
        assertThat(a2.stages().get(0).leftBy()).isEqualTo("DEADLINE_MISSED");
        assertThat(a2.stages().get(1).onTime()).isTrue();
        CentralLogRow a3 = rows.get(3);
        assertThat(a3.bypasses()).isEqualTo(1);
        assertThat(a3.cafcassReferredOn()).isEqualTo(LocalDate.of(2026, 9, 25));
        assertThat(a3.status()).isEqualTo("OPEN");
        // 21 Sep to 9 Oct: 14 working days.
        assertThat(a3.workingDaysOpen()).isEqualTo(14);
    }

    @Test
    void centralLogFiltersByTeamAndStatus() {
        List<CentralLogRow> rows = centralLog.rows(projection,
                new CentralLogReport.LogFilter(Scenario.SOUTH, "OPEN", null, null, null, null, null, null), Viewer.system(),
                Instant.parse("2026-10-09T12:00:00Z"));
        assertThat(rows).extracting(CentralLogRow::alertId).containsExactly("A4");
    }

    @Test
    void weeklyPackAfterTheMissedDeadlineShowsTheEscalationAndTheResolution() {
        WeeklyPack w = weeklyPack.asOf(projection, LocalDate.of(2026, 9, 7), Viewer.system());
        assertThat(w.weekStart()).isEqualTo(LocalDate.of(2026, 9, 7));
        assertThat(w.openTotal()).isEqualTo(1);
        assertThat(w.openByTeamAndStage()).containsExactly(new WeeklyPack.TeamStageCount(Scenario.SOUTH, 2, 1, 0));
        assertThat(w.dueThisWeek()).extracting(AlertLine::alertId).containsExactly("A2");
        assertThat(w.overdueNow()).isEmpty();
        assertThat(w.escalatedSinceLastWeek()).isEqualTo(1);
        assertThat(w.resolvedSinceLastWeek()).isEqualTo(1);
        assertThat(w.oldestOpen().alertId()).isEqualTo("A2");
        assertThat(w.oldestOpen().workingDaysOpen()).isEqualTo(5);
    }

    @Test
    void weeklyPackListsAMissedDeadlineForTheRaiserToProgressUntilTheyEscalateAndAnExhaustedLadder() {
        projection.apply(new DeadlineMissed(Scenario.id(), "A3", Instant.parse("2026-09-28T15:00:00Z"), 1, 3,
                Instant.parse("2026-09-28T15:00:00Z"), DeadlineMissed.Outcome.RAISER_TO_PROGRESS, NextRoute.NONE,
                List.of()));
        WeeklyPack before = weeklyPack.asOf(projection, LocalDate.of(2026, 9, 27), Viewer.system());
        assertThat(before.awaitingRaiser()).isEmpty();
        WeeklyPack after = weeklyPack.asOf(projection, LocalDate.of(2026, 9, 30), Viewer.system());
        assertThat(after.awaitingRaiser()).extracting(AlertLine::alertId).containsExactly("A3");
        assertThat(after.ladderExhausted()).isEmpty();

        projection.apply(Scenario.escalated("A3", 3, 4, EscalationReason.DEADLINE_MISSED, "ad-children",
                "2026-10-01T09:00:00Z", "2026-10-08T15:00:00Z"));
        assertThat(weeklyPack.asOf(projection, LocalDate.of(2026, 10, 1), Viewer.system()).awaitingRaiser()).isEmpty();
        projection.apply(new DeadlineMissed(Scenario.id(), "A3", Instant.parse("2026-10-08T15:00:00Z"), 1, 4,
                Instant.parse("2026-10-08T15:00:00Z"), DeadlineMissed.Outcome.LADDER_EXHAUSTED,
                NextRoute.SAFEGUARDING_PARTNERSHIP, List.of()));
        WeeklyPack exhausted = weeklyPack.asOf(projection, LocalDate.of(2026, 10, 9), Viewer.system());
        assertThat(exhausted.ladderExhausted()).extracting(AlertLine::alertId).containsExactly("A3");
        assertThat(exhausted.awaitingRaiser()).isEmpty();
    }

    @Test
    void weeklyPackAtQuarterEndShowsTheUnansweredBypassAsOverdue() {
        WeeklyPack w = weeklyPack.asOf(projection, LocalDate.of(2026, 9, 30), Viewer.system());
        assertThat(w.openTotal()).isEqualTo(2);
        assertThat(w.openByTeamAndStage()).containsExactly(new WeeklyPack.TeamStageCount(Scenario.NORTH, 3, 1, 0),
                new WeeklyPack.TeamStageCount(Scenario.SOUTH, 1, 1, 0));
        assertThat(w.dueThisWeek()).extracting(AlertLine::alertId).containsExactly("A3");
        assertThat(w.overdueNow()).extracting(AlertLine::alertId).containsExactly("A3");
        assertThat(w.escalatedSinceLastWeek()).isZero();
        assertThat(w.resolvedSinceLastWeek()).isZero();
        assertThat(w.oldestOpen().alertId()).isEqualTo("A3");
    }

    @Test
    void monthlyAuditForwardsUnansweredAlertsToEachTeamsServiceManager() {
        MonthlyAudit m = monthlyAudit.of(projection, YearMonth.of(2026, 9), Viewer.system());
        assertThat(m.notActioned()).hasSize(2);
        assertThat(m.notActioned().get(0).serviceManagerId()).isEqualTo("sm-north");
        assertThat(m.notActioned().get(0).alerts()).extracting(AlertLine::alertId).containsExactly("A3");
        assertThat(m.notActioned().get(1).serviceManagerId()).isEqualTo("sm-south");
        assertThat(m.notActioned().get(1).alerts()).extracting(AlertLine::alertId).containsExactly("A4");
        assertThat(m.outcomes()).isEqualTo(Map.of("RESOLVED", 2));
        assertThat(m.perTeam()).containsExactly(new MonthlyAudit.TeamCounts(Scenario.NORTH, 1, 0, 1, 0, 1),
                new MonthlyAudit.TeamCounts(Scenario.SOUTH, 1, 1, 1, 0, 1));
        assertThat(m.timelinessByStage()).containsExactly(new MonthlyAudit.Timeliness("1", 1, 1, 0, 1),
                new MonthlyAudit.Timeliness("2", 1, 1, 0, 0));
        assertThat(m.timelinessByResponder()).containsExactly(new MonthlyAudit.Timeliness("sm-south", 1, 1, 0, 0),
                new MonthlyAudit.Timeliness("tm-north", 1, 1, 0, 0), new MonthlyAudit.Timeliness("tm-south", 0, 0, 0, 1));
        assertThat(m.commendationsByTeam()).isEqualTo(Map.of(Scenario.NORTH, 1));
    }

    @Test
    void monthlyAuditBreaksTheMonthDownByTeamCategoryStageAndReasonWithWorkingDaysAcrossTheBankHoliday() {
        MonthlyAudit m = monthlyAudit.of(projection, YearMonth.of(2026, 9), Viewer.system());
        // A3 (north) and A4 (south) were raised in September; A1 and A2 in August.
        assertThat(m.raised()).containsExactly(
                new MonthlyAudit.Raised(Scenario.NORTH, "2", "CHILD_WE_CARE_FOR", 1),
                new MonthlyAudit.Raised(Scenario.SOUTH, "6", "CHILD_PROTECTION", 1));
        assertThat(m.escalations()).containsExactly(
                new MonthlyAudit.Escalations(Scenario.SOUTH, 2, "DEADLINE_MISSED", 1));
        // A1 answered on Tue 1 Sep, raised Thu 27 Aug: Fri 28 Aug and Tue 1 Sep (Mon 31 Aug is the bank holiday).
        // A2 missed stage 1 on 4 Sep; its stage 2 began that day and was answered on Thu 10 Sep: 4 working days.
        assertThat(m.timelinessByTeamAndStage()).containsExactly(
                new MonthlyAudit.TeamStageTimeliness(Scenario.NORTH, 1, 1, 1, 0, 0, 2),
                new MonthlyAudit.TeamStageTimeliness(Scenario.SOUTH, 1, 0, 0, 0, 1, 0),
                new MonthlyAudit.TeamStageTimeliness(Scenario.SOUTH, 2, 1, 1, 0, 0, 4));
        // A1 resolved 2 Sep (3 working days after raising), A2 resolved 14 Sep (10, across the bank holiday).
        assertThat(m.closures()).containsExactly(
                new MonthlyAudit.Closures(Scenario.NORTH, "CHILD_WE_CARE_FOR", "RESOLVED", 1, 3, 1),
                new MonthlyAudit.Closures(Scenario.SOUTH, "CHILD_PROTECTION", "RESOLVED", 1, 10, 1));
        // The breakdowns add up to the audit's own totals.
        assertThat(m.timelinessByTeamAndStage().stream().mapToInt(MonthlyAudit.TeamStageTimeliness::missed).sum())
                .isEqualTo(m.timelinessByStage().stream().mapToInt(MonthlyAudit.Timeliness::missed).sum());
    }

    @Test
    void weeklyPackCountsTheSevenDaysByTeamStageAndReason() {
        WeeklyPack w = weeklyPack.asOf(projection, LocalDate.of(2026, 10, 9), Viewer.system());
        // A4: raised 29 Sep (before the seven days), answered late 7 Oct, escalated as inadequate on 8 Oct.
        assertThat(w.sinceLastWeekByTeam()).containsExactly(new WeeklyPack.TeamWeek(Scenario.SOUTH, 0, 1, 0));
        assertThat(w.escalationsSinceLastWeek()).containsExactly(
                new MonthlyAudit.Escalations(Scenario.SOUTH, 2, "RESPONSE_INADEQUATE", 1));
        WeeklyPack september = weeklyPack.asOf(projection, LocalDate.of(2026, 9, 7), Viewer.system());
        assertThat(september.sinceLastWeekByTeam()).containsExactly(new WeeklyPack.TeamWeek(Scenario.NORTH, 0, 0, 1),
                new WeeklyPack.TeamWeek(Scenario.SOUTH, 0, 1, 0));
    }

    @Test
    void quarterlyThemesCountInformalResolutionsRecordedOnTheirOwnAgainstFormalAlerts() {
        projection.apply(informal("I1", "2026-08-03T10:00:00Z", true));
        projection.apply(informal("I2", "2026-09-01T10:00:00Z", false));
        projection.apply(informal("I3", "2026-10-01T10:00:00Z", true));
        QuarterlyThemes.Headline h = quarterlyThemes.of(projection, Quarter.parse("2026-Q3"), Viewer.system()).current();
        assertThat(h.informalRecords()).isEqualTo(2);
        assertThat(h.resolvedInformally()).isEqualTo(1);
        assertThat(h.informal() + h.formal()).isEqualTo(h.raised());
        Viewer south = Viewer.of("tm-south", List.of("TEAM_MANAGER"), directory);
        assertThat(quarterlyThemes.of(projection, Quarter.parse("2026-Q3"), south).current().informalRecords())
                .as("another team's informal resolutions are not theirs").isZero();
    }

    private static InformalResolutionRecorded informal(String id, String at, boolean resolved) {
        return new InformalResolutionRecorded("e-" + id, id, Instant.parse(at), 1, "C9", PlanType.CHILD_PROTECTION,
                Scenario.NORTH, "cpc-1", "sw-north", LocalDate.parse(at.substring(0, 10)), "Agreed next steps.",
                resolved, List.of());
    }

    @Test
    void quarterlyThemesCountWorkingDaysToResolveAcrossTheBankHoliday() {
        QuarterlyThemes q = quarterlyThemes.of(projection, Quarter.parse("2026-Q3"), Viewer.system());
        QuarterlyThemes.Headline h = q.current();
        assertThat(h).isEqualTo(new QuarterlyThemes.Headline(4, 2, 6.5, 10, 2, 2, 1, 1, 0, 1, 1, 0, 1, 3, 2, 2, 0, 0, 0));
        assertThat(q.previous().raised()).isEqualTo(1);
        assertThat(q.previous().medianWorkingDaysToResolve()).isEqualTo(2.0);
        assertThat(q.change().get("raised")).isEqualTo(3.0);
        assertThat(q.change().get("medianWorkingDaysToResolve")).isEqualTo(4.5);
        assertThat(q.stageReached()).isEqualTo(Map.of("1", 2, "2", 1, "3", 1));
        assertThat(q.byCategoryTeamPlan()).containsExactly(
                new QuarterlyThemes.CategoryCount("1", Scenario.SOUTH, "CHILD_PROTECTION", 1),
                new QuarterlyThemes.CategoryCount("2", Scenario.NORTH, "CHILD_WE_CARE_FOR", 1),
                new QuarterlyThemes.CategoryCount("4", Scenario.SOUTH, "CHILD_PROTECTION", 1),
                new QuarterlyThemes.CategoryCount("6", Scenario.NORTH, "CHILD_WE_CARE_FOR", 1),
                new QuarterlyThemes.CategoryCount("6", Scenario.SOUTH, "CHILD_PROTECTION", 1));
        assertThat(q.timelinessByStage()).containsExactly(new MonthlyAudit.Timeliness("1", 1, 1, 0, 1),
                new MonthlyAudit.Timeliness("2", 1, 1, 0, 0));
    }

    @Test
    void chronologyListsEveryAlertAboutTheChildOldestFirst() {
        Chronology c = chronology.of(projection, "C1", Viewer.system());
        assertThat(c.alerts()).extracting(Chronology.Alert::alertId).containsExactly("A1", "A3");
        assertThat(c.alerts().get(0).entries()).extracting(ChronologyEntry::event)
                .containsExactly("Raised", "Response (on time)", "Resolved");
    }

    @Test
    void competenceDetailIsWithheldFromAReportViewerButShownToTheManagerInvolved() {
        Viewer analyst = Viewer.of("viewer-1", List.of("REPORT_VIEWER"), directory);
        Chronology seen = chronology.of(projection, "C3", analyst);
        assertThat(seen.alerts().get(0).entries().get(1).detail()).isEqualTo(ReportBasis.RESTRICTED);
        Viewer manager = Viewer.of("tm-south", List.of("TEAM_MANAGER"), directory);
        assertThat(chronology.of(projection, "C3", manager).alerts().get(0).entries().get(1).detail())
                .isEqualTo("Response text A4");
    }

    @Test
    void theOutcomeOfACompetenceConcernIsNotExportedToAReportViewer() {
        projection.apply(Scenario.raised("A9", "C9", org.practicealerts.events.PlanType.CHILD_PROTECTION, Scenario.SOUTH,
                "cpc-1", "CPC", List.of("13"), org.practicealerts.events.Urgency.ROUTINE, true, false, 1, null,
                "tm-south", "2026-09-01T08:00:00Z", "2026-09-08T15:00:00Z"));
        projection.apply(new org.practicealerts.events.AlertWithdrawn(Scenario.id(), "A9",
                Instant.parse("2026-09-02T08:00:00Z"), 1, 1, "cpc-1", "Handled through supervision", List.of(),
                org.practicealerts.events.AlertStatus.WITHDRAWN));
        CentralLogReport.LogFilter onlyA9 = new CentralLogReport.LogFilter(null, null, null, "13", null, null, null, null);
        Instant now = Instant.parse("2026-10-01T12:00:00Z");
        CentralLogRow forAnalyst = centralLog.rows(projection, onlyA9,
                Viewer.of("viewer-1", List.of("REPORT_VIEWER"), directory), now).get(0);
        assertThat(forAnalyst.competenceConcern()).isTrue();
        assertThat(forAnalyst.outcome()).isEqualTo(ReportBasis.RESTRICTED);
        CentralLogRow forRaiser = centralLog.rows(projection, onlyA9,
                Viewer.of("cpc-1", List.of("ADMIN"), directory), now).get(0);
        assertThat(forRaiser.outcome()).isEqualTo("Withdrawn: Handled through supervision");
    }

    @Test
    void aTeamManagerSeesOnlyTheirOwnTeam() {
        Viewer tm = Viewer.of("tm-north", List.of("TEAM_MANAGER"), directory);
        List<CentralLogRow> rows = centralLog.rows(projection, CentralLogReport.LogFilter.NONE, tm,
                Instant.parse("2026-10-09T12:00:00Z"));
        assertThat(rows).extracting(CentralLogRow::teamId).containsOnly(Scenario.NORTH);
        Viewer sm = Viewer.of("sm-south", List.of("SERVICE_MANAGER"), directory);
        assertThat(monthlyAudit.of(projection, YearMonth.of(2026, 9), sm).perTeam())
                .extracting(MonthlyAudit.TeamCounts::teamId).containsExactly(Scenario.SOUTH);
    }
}
