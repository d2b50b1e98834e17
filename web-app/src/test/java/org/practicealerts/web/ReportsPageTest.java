package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The weekly pack, monthly audit and quarterly themes as pages, for the period chosen. */
class ReportsPageTest extends PageTestBase {

    private static final String LINE = "{\"alertId\":\"0b8d3c2e-1111-4000-8000-000000000001\",\"reference\":\"PA-2026-000001\","
            + "\"teamId\":\"team-north\",\"stage\":2,\"responderId\":\"sm-north\",\"dueAt\":\"2026-12-07T17:00:00Z\","
            + "\"workingDaysOpen\":9}";

    @BeforeEach
    void signedIn() {
        signInAs("tm-north");
    }

    @Test
    void theWeeklyPackShowsOpenByTeamAndStageAndTheAlertsItNamesForTheWeekAsked() {
        SERVICES.on("GET", "/api/v1/reports/weekly", 200, "{\"asOf\":\"2026-12-07\",\"weekStart\":\"2026-12-07\","
                + "\"weekEnd\":\"2026-12-11\",\"openTotal\":3,\"openByTeamAndStage\":[{\"teamId\":\"team-north\",\"stage\":2,"
                + "\"count\":3}],\"dueThisWeek\":[" + LINE + "],\"overdueNow\":[],\"escalatedSinceLastWeek\":1,"
                + "\"resolvedSinceLastWeek\":0,\"oldestOpen\":" + LINE + ",\"awaitingRaiser\":[],\"ladderExhausted\":[]}");

        Page page = browser.get("/reports/weekly?asOf=2026-12-07");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Weekly pack: Mon 7 Dec 2026 to Fri 11 Dec 2026", "Open by team and stage",
                "PA-2026-000001", "Mon 7 Dec 2026, 5:00pm", "9 working days open");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.path()).isEqualTo("/api/v1/reports/weekly?asOf=2026-12-07"));
    }

    private static final String DOCUMENT = "\"document\":{\"council\":\"Demo Council\",\"marking\":\"OFFICIAL-SENSITIVE\","
            + "\"title\":\"Weekly pack\",\"period\":\"Monday 7 December 2026 to Sunday 13 December 2026\","
            + "\"generatedAt\":\"2026-12-08T09:30:00Z\",\"generatedBy\":\"tm-north\",\"generatedByName\":\"Tom North\"},"
            + "\"teamNames\":{\"team-north\":\"North locality\"},\"people\":{\"sm-north\":\"Sam North\"},";

    @Test
    void aPackSaysItsMarkingAtTopAndFootWhoseItIsWhoProducedItWhenAndChartsTeamsByName() {
        SERVICES.on("GET", "/api/v1/reports/weekly", 200, "{" + DOCUMENT + "\"asOf\":\"2026-12-07\",\"weekStart\":\"2026-12-07\","
                + "\"weekEnd\":\"2026-12-13\",\"openTotal\":5,\"openByTeamAndStage\":[{\"teamId\":\"team-north\",\"stage\":1,"
                + "\"count\":2},{\"teamId\":\"team-north\",\"stage\":2,\"count\":3}],\"dueThisWeek\":[" + LINE + "],"
                + "\"overdueNow\":[],\"escalatedSinceLastWeek\":1,\"resolvedSinceLastWeek\":0,\"oldestOpen\":null,"
                + "\"awaitingRaiser\":[],\"ladderExhausted\":[]}");

        Page page = browser.get("/reports/weekly?asOf=2026-12-07");

        String body = page.body();
        assertThat(body).as("the marking in the banner at the top, and at the foot where a printed page has it")
                .contains("phase-banner__content__tag\">OFFICIAL-SENSITIVE<",
                        "<p class=\"app-protective-marking\">OFFICIAL-SENSITIVE</p>\n</section>");
        assertThat(body).contains("Demo Council, Monday 7 December 2026 to Sunday 13 December 2026.",
                "Generated <span>Tue 8 Dec 2026, 9:30am</span>", "by <span>Tom North</span>",
                "href=\"/reports/weekly/download?asOf=2026-12-07\"");
        assertThat(body).contains("<svg", "aria-label=\"Open alerts by team and stage\"",
                "<title>North locality, Stage 1: 2</title>", "<title>North locality, Stage 2: 3</title>");
        assertThat(body).as("teams and people by name in the tables").contains(">North locality</td>", ">Sam North</td>")
                .doesNotContain(">team-north<").doesNotContain(">sm-north<");
    }

    @Test
    void aPacksWorkbookComesFromTheReportingServiceForThePeriodShown() {
        SERVICES.on("GET", "/api/v1/reports/monthly", 200, "PK-workbook");

        Page file = browser.get("/reports/monthly/download?month=2026-11");

        assertThat(file.status()).isEqualTo(200);
        assertThat(file.header("Content-Disposition")).isEqualTo("attachment; filename=\"monthly-audit-2026-11.xlsx\"");
        assertThat(file.body()).isEqualTo("PK-workbook");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.path())
                .isEqualTo("/api/v1/reports/monthly?format=xlsx&month=2026-11"));
    }

    @Test
    void aPeriodNotWrittenAsTheReportReadsItIsSaidAndTheCurrentPeriodShown() {
        SERVICES.on("GET", "/api/v1/reports/monthly", 200, "{\"month\":\"2026-12\",\"notActioned\":[],\"outcomes\":"
                + "{\"RESOLVED\":2},\"perTeam\":[],\"timelinessByStage\":[{\"key\":\"1\",\"responses\":4,\"onTime\":3,"
                + "\"late\":1,\"missed\":2,\"withinTimescalePercent\":50.0}],\"timelinessByResponder\":[],\"commendationsByTeam\":{}}");

        Page page = browser.get("/reports/monthly?month=December");

        assertThat(page.body()).contains("Enter the period as a month, like 2026-11", "Monthly audit: 2026-12",
                "Timeliness by stage", "Resolved", ">50.0%<", "Stage 1 (50.0% in time), On time: 3");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.path()).isEqualTo("/api/v1/reports/monthly"));
    }

    @Test
    void theMonthlyAuditSaysWhyAlertsMovedUpAndHowLongClosedOnesTookAndTheWeeklyPackItsSevenDaysByTeam() {
        SERVICES.on("GET", "/api/v1/reports/monthly", 200, "{" + DOCUMENT + "\"month\":\"2026-11\",\"notActioned\":[],"
                + "\"outcomes\":{\"RESOLVED\":2},\"perTeam\":[],\"timelinessByStage\":[],\"timelinessByResponder\":[],"
                + "\"commendationsByTeam\":{},\"escalations\":[{\"teamId\":\"team-north\",\"stage\":2,"
                + "\"reason\":\"DEADLINE_MISSED\",\"count\":3}],\"closures\":[{\"teamId\":\"team-north\","
                + "\"planType\":\"CHILD_PROTECTION\",\"outcome\":\"RESOLVED\",\"count\":2,\"workingDays\":31,"
                + "\"withinTwentyWorkingDays\":1}]}");
        SERVICES.on("GET", "/api/v1/reports/weekly", 200, "{" + DOCUMENT + "\"asOf\":\"2026-12-07\","
                + "\"weekStart\":\"2026-12-07\",\"weekEnd\":\"2026-12-13\",\"openTotal\":2,\"openByTeamAndStage\":"
                + "[{\"teamId\":\"team-north\",\"stage\":2,\"count\":2,\"inActionReview\":1}],\"dueThisWeek\":[],"
                + "\"overdueNow\":[],\"escalatedSinceLastWeek\":1,\"resolvedSinceLastWeek\":0,\"oldestOpen\":null,"
                + "\"awaitingRaiser\":[],\"ladderExhausted\":[],\"sinceLastWeekByTeam\":[{\"teamId\":\"team-north\","
                + "\"raised\":4,\"escalated\":1,\"resolved\":0}]}");

        String monthly = browser.get("/reports/monthly?month=2026-11").body();
        String weekly = browser.get("/reports/weekly?asOf=2026-12-07").body();

        assertThat(monthly).contains("Escalations in the month, by reason", ">Deadline missed</td>",
                "Closed in the month: working days from raising", ">Child protection</td>", ">15.5</td>");
        assertThat(weekly).contains("The seven days to <span>Mon 7 Dec 2026</span>, by team",
                "<td class=\"govuk-table__cell govuk-table__cell--numeric\">4</td>", "In action review");
    }

    @Test
    void theQuarterlyThemesSetTheQuarterBesideTheOneBeforeAndChartEachCategoryInBoth() {
        SERVICES.on("GET", "/api/v1/reports/quarterly", s -> s.path().endsWith("2026-Q3")
                ? new FakeServices.Answer(200, "{\"quarter\":\"2026-Q3\",\"byCategoryTeamPlan\":[{\"category\":"
                        + "\"STATUTORY_VISIT\",\"teamId\":\"team-north\",\"planType\":\"CHILD_WE_CARE_FOR\",\"count\":7}]}")
                : new FakeServices.Answer(200, "{\"quarter\":\"2026-Q4\",\"current\":{\"raised\":12,"
                + "\"missedDeadlines\":3},\"previous\":{\"raised\":9,\"missedDeadlines\":5},\"change\":{},"
                + "\"byCategoryTeamPlan\":[{\"category\":\"STATUTORY_VISIT\",\"teamId\":\"team-north\","
                + "\"planType\":\"CHILD_WE_CARE_FOR\",\"count\":4}],\"stageReached\":{},\"timelinessByStage\":[]}"));

        Page page = browser.get("/reports/quarterly?quarter=2026-Q4");

        assertThat(page.body()).contains("Quarterly themes: 2026-Q4", "Missed deadlines", ">12<", ">9<", ">3<", ">5<",
                ">Statutory visit</td>", "Child we care for", "<title>Statutory visit, This quarter, This quarter: 4</title>",
                "<title>Statutory visit, The one before, The one before: 7</title>");
    }
}
