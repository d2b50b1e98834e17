package org.practicealerts.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.time.LocalDate;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.practicealerts.events.directory.NonWorkingDay;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The service end to end: the reports, exports, scoping and rebuild asked for over HTTP after the projection read the
 * scenario from the topics.
 */
class ReportingServiceTest extends ReportingServiceRig {

    @Test
    void healthIsOpenAndReportsNeedAReportingRole() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/api/v1/reports/weekly").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/reports/weekly").headers(h -> h.setBearerAuth(token("iro-1", "IRO"))).exchange()
                .expectStatus().isForbidden();
        web.post().uri("/api/v1/admin/rebuild").headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER")))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void quarterlyThemesFromTheTopicMatchTheScenario() {
        awaitScenario();
        web.get().uri("/api/v1/reports/quarterly?quarter=2026-Q3")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.current.raised").isEqualTo(4)
                .jsonPath("$.current.resolved").isEqualTo(2)
                .jsonPath("$.current.medianWorkingDaysToResolve").isEqualTo(6.5)
                .jsonPath("$.current.p90WorkingDaysToResolve").isEqualTo(10)
                .jsonPath("$.current.repeatAlerts").isEqualTo(1)
                .jsonPath("$.previous.raised").isEqualTo(1);
    }

    @Test
    void weeklyAndMonthlyReportsAreServedAsJson() {
        awaitScenario();
        web.get().uri("/api/v1/reports/weekly?asOf=2026-09-30")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.openTotal").isEqualTo(2).jsonPath("$.overdueNow[0].alertId").isEqualTo("A3");
        // The assistant director at the top of both teams' lines sees both; an AD elsewhere would not.
        web.get().uri("/api/v1/reports/monthly?month=2026-09")
                .headers(h -> h.setBearerAuth(token("ad-children", "ASSISTANT_DIRECTOR"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.notActioned[0].serviceManagerId").isEqualTo("sm-north")
                .jsonPath("$.notActioned[1].serviceManagerId").isEqualTo("sm-south")
                .jsonPath("$.commendationsByTeam.team-north").isEqualTo(1);
    }

    @Test
    void eachPackSaysWhoseItIsHowToHandleItAndWhoProducedItWhenAndComesAsAWorkbookToo() throws Exception {
        awaitScenario();
        web.get().uri("/api/v1/reports/weekly?asOf=2026-09-30")
                .headers(h -> h.setBearerAuth(token("ad-children", "ASSISTANT_DIRECTOR"))).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.document.council").isEqualTo("Demo Council")
                .jsonPath("$.document.marking").isEqualTo("OFFICIAL-SENSITIVE")
                .jsonPath("$.document.title").isEqualTo("Weekly pack")
                .jsonPath("$.document.period").isEqualTo("Monday 28 September 2026 to Sunday 4 October 2026")
                .jsonPath("$.document.generatedBy").isEqualTo("ad-children")
                .jsonPath("$.document.generatedByName").isEqualTo("Ad Children")
                .jsonPath("$.document.generatedAt").isNotEmpty()
                .jsonPath("$.teamNames.team-north").isEqualTo("North")
                .jsonPath("$.people").isNotEmpty()
                .jsonPath("$.openTotal").isEqualTo(2);
        web.get().uri("/api/v1/reports/monthly?month=2026-09")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.document.period").isEqualTo("September 2026")
                .jsonPath("$.document.generatedByName").isEqualTo("viewer-1");
        byte[] xlsx = web.get().uri("/api/v1/reports/quarterly?quarter=2026-Q3&format=xlsx")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange().expectStatus().isOk()
                .expectHeader().contentType(ReportController.XLSX)
                .expectHeader().valueEquals("Content-Disposition", "attachment; filename=\"quarterly-themes-2026-Q3.xlsx\"")
                .expectBody(byte[].class).returnResult().getResponseBody();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            var headline = wb.getSheet("Headline");
            assertThat(headline.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Alerts raised");
            assertThat(headline.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(4);
            assertThat(headline.getRow(1).getCell(2).getNumericCellValue()).isEqualTo(1);
            assertThat(wb.getSheet("Themes").getRow(1).getCell(2).getStringCellValue()).as("team by name")
                    .isIn("North", "South");
        }
    }

    @Test
    void stageOutcomesAreCountedAsTheReportsCountTimelinessAndEveryTeamsCountersStartAtZero() {
        awaitScenario();
        // Each turn at a stage that ended: the counters' totals are the four quarters' timeliness rows added up.
        java.util.Map<String, Integer> reported = new java.util.TreeMap<>();
        for (int q = 1; q <= 4; q++) {
            String json = get("/api/v1/reports/quarterly?quarter=2026-Q" + q, "viewer-1", "REPORT_VIEWER");
            for (tools.jackson.databind.JsonNode row : org.practicealerts.events.EventJson.mapper().readTree(json)
                    .get("timelinessByStage")) {
                String stage = row.get("key").asString();
                reported.merge(stage + " on_time", row.get("onTime").asInt(), Integer::sum);
                reported.merge(stage + " late", row.get("late").asInt(), Integer::sum);
                reported.merge(stage + " missed", row.get("missed").asInt(), Integer::sum);
            }
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String metrics = get("/actuator/prometheus", "prometheus", "METRICS");
            java.util.Map<String, Integer> counted = new java.util.TreeMap<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                    "practice_alerts_stage_outcomes_total\\{outcome=\"(\\w+)\".*stage=\"(\\d)\".*} (\\d+)\\.0")
                    .matcher(metrics);
            while (m.find()) {
                counted.merge(m.group(2) + " " + m.group(1), Integer.parseInt(m.group(3)), Integer::sum);
            }
            counted.values().removeIf(n -> n == 0);
            reported.values().removeIf(n -> n == 0);
            assertThat(counted).isNotEmpty().isEqualTo(reported);
            assertThat(metrics).as("the projection has caught up").containsPattern(
                    "practice_alerts_projection_caught_up\\{[^}]*} 1\\.0");
            assertThat(metrics).as("a reason no alert has had yet is a series at zero, for increase() to count")
                    .containsPattern("practice_alerts_escalated_total\\{reason=\"COMMUNICATION_NOT_FORTHCOMING\""
                            + ".*stage=\"4\",team=\"team-south\"} 0\\.0");
        });
    }

    @Test
    void aBadQuarterIsAProblemNamingTheParameter() {
        web.get().uri("/api/v1/reports/quarterly?quarter=2026-Q5")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange()
                .expectStatus().isBadRequest().expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400).jsonPath("$.errors[0].field").isEqualTo("quarter");
        web.get().uri("/api/v1/reports/weekly?asOf=yesterday")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("asOf");
        web.get().uri("/api/v1/reports/children/C1/chronology?format=exe")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("format");
        web.get().uri("/api/v1/reports/children/{ref}/chronology?format=html", "<script>x")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("childRef");
    }

    @Test
    void aBadReportParameterIsAProblemSayingWhatFormItMustHave() {
        problem("/api/v1/reports/central-log?status=NOPE", "status",
                "status must be one of [OPEN, ACTION_REVIEW, RESOLVED, WITHDRAWN]");
        problem("/api/v1/reports/central-log?from=yesterday", "from", "from must be a date like 2026-10-05");
        problem("/api/v1/reports/central-log?to=", "to", "to must be a date like 2026-10-05");
        problem("/api/v1/reports/central-log?stageReached=two", "stageReached", "stageReached must be a whole number");
        problem("/api/v1/reports/central-log?stageReached=0x2", "stageReached", "stageReached must be a whole number");
        problem("/api/v1/reports/central-log?stageReached=", "stageReached", "stageReached must be a whole number");
        problem("/api/v1/reports/central-log?status=", "status",
                "status must be one of [OPEN, ACTION_REVIEW, RESOLVED, WITHDRAWN]");
        problem("/api/v1/reports/central-log?format=pdf", "format", "format must be json, csv or xlsx");
        problem("/api/v1/reports/weekly?asOf=2026-02-30", "asOf", "asOf must be a date like 2026-10-05");
        problem("/api/v1/reports/monthly?month=2026-13", "month", "month must be a calendar month like 2026-10");
        problem("/api/v1/reports/quarterly?quarter=Q1-2026", "quarter", "quarter must look like 2026-Q3");
    }

    @Test
    void centralLogFilterNamesAreReadInAnyCase() {
        awaitScenario();
        String anyCase = get("/api/v1/reports/central-log?status=open&planType=child_protection", "viewer-1",
                "REPORT_VIEWER");
        assertThat(anyCase).contains("\"alertId\":\"A4\"").isEqualTo(get(
                "/api/v1/reports/central-log?status=OPEN&planType=CHILD_PROTECTION", "viewer-1", "REPORT_VIEWER"));
    }

    private void problem(String uri, String field, String message) {
        web.get().uri(uri).headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.errors.length()").isEqualTo(1)
                .jsonPath("$.errors[0].field").isEqualTo(field)
                .jsonPath("$.errors[0].message").isEqualTo(message);
    }

    @Test
    void aTeamManagerSeesTheirOwnTeamFromTheDirectoryTopic() {
        awaitScenario();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(
                get("/api/v1/reports/central-log", "tm-north", "TEAM_MANAGER"))
                .contains("\"alertId\":\"A1\"").doesNotContain("\"alertId\":\"A2\""));
    }

    @Test
    void aClosureDayPublishedOnTheDirectoryTopicAtRunTimeIsNotCountedAsAWorkingDay() throws Exception {
        awaitScenario();
        // A2 was open from Friday 28 August to Monday 14 September 2026; Wednesday 9 September becomes a closure day.
        int before = workingDaysOpen("A2");
        try (KafkaProducer<String, byte[]> producer = producer()) {
            publish(producer, new NonWorkingDay(LocalDate.of(2026, 9, 9), "Council closure day",
                    NonWorkingDay.Source.CLOSURE));
            await().atMost(Duration.ofSeconds(15)).until(() -> workingDaysOpen("A2") == before - 1);
            tombstone(producer, "DAY:2026-09-09");
            await().atMost(Duration.ofSeconds(15)).until(() -> workingDaysOpen("A2") == before);
        }
    }

    @Test
    void aManagerAboveTheResponderReadsACompetenceConcernsDetailAndAnAdminDoesNot() {
        awaitScenario();
        // A4 (child C3) is a competence concern answered by tm-south, whose line runs up to hos-children.
        assertThat(get("/api/v1/reports/children/C3/chronology", "hos-children", "HEAD_OF_SERVICE"))
                .contains("Response text A4");
        assertThat(get("/api/v1/reports/children/C3/chronology", "admin-1", "ADMIN"))
                .doesNotContain("Response text A4").contains("restricted");
        assertThat(get("/api/v1/reports/central-log", "hos-children", "HEAD_OF_SERVICE")).contains("\"alertId\":\"A4\"");
    }

    private int workingDaysOpen(String alertId) {
        String log = get("/api/v1/reports/central-log", "viewer-1", "REPORT_VIEWER");
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("\"alertId\":\"" + alertId + "\".*?\"workingDaysOpen\":(\\d+)").matcher(log);
        assertThat(m.find()).as("central log row for " + alertId).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void centralLogExportsAsCsvAndXlsxAndChronologyAsHtml() {
        awaitScenario();
        String csv = get("/api/v1/reports/central-log?format=csv", "viewer-1", "REPORT_VIEWER");
        assertThat(csv.split("\r\n")).hasSize(1 + 5);
        assertThat(csv).startsWith("\uFEFFAlert id,Reference,Child's case reference");
        byte[] xlsx = web.get().uri("/api/v1/reports/central-log?format=xlsx")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange().expectStatus().isOk()
                .expectHeader().contentType(ReportController.XLSX).expectBody(byte[].class).returnResult()
                .getResponseBody();
        assertThat(new String(xlsx, 0, 2, StandardCharsets.ISO_8859_1)).isEqualTo("PK");
        String html = get("/api/v1/reports/children/C1/chronology?format=html", "viewer-1", "REPORT_VIEWER");
        assertThat(html).contains("<!DOCTYPE html>", "PA-A1", "PA-A3", "Referred to Cafcass");
    }

    @Test
    void theChronologyNamesPeopleGivesUkTimesAndSaysWhoProducedItUnderItsMarking() {
        awaitScenario();
        String html = get("/api/v1/reports/children/C1/chronology?format=html", "ad-children", "ASSISTANT_DIRECTOR");
        assertThat(html).contains("<p class=\"marking\">OFFICIAL-SENSITIVE</p>",
                "Demo Council: practice alerts chronology, child C1", "by Ad Children.", "Iro 1 (iro-1)",
                "Team: North", "Plan: Child we care for").containsPattern("[A-Z][a-z]{2} \\d{1,2} [A-Z][a-z]{2} 2026, \\d{2}:\\d{2}")
                .doesNotContain("T08:").doesNotContain("Z</td>");
        web.get().uri("/api/v1/reports/children/C1/chronology")
                .headers(h -> h.setBearerAuth(token("viewer-1", "REPORT_VIEWER"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.childRef").isEqualTo("C1").jsonPath("$.people.iro-1").isEqualTo("Iro 1")
                .jsonPath("$.document.title").isEqualTo("Chronology").jsonPath("$.alerts[0].reference").isEqualTo("PA-A1");
    }

    @Test
    void rebuildingFromTheBeginningGivesTheSameProjectionsAsTheLiveOne() {
        awaitScenario();
        List<String> uris = List.of("/api/v1/reports/central-log", "/api/v1/reports/weekly?asOf=2026-09-07",
                "/api/v1/reports/monthly?month=2026-09", "/api/v1/reports/quarterly?quarter=2026-Q3",
                "/api/v1/reports/children/C1/chronology");
        List<String> live = uris.stream().map(u -> withoutDocumentLine(get(u, "admin-1", "ADMIN"))).toList();
        web.post().uri("/api/v1/admin/rebuild").headers(h -> h.setBearerAuth(token("admin-1", "ADMIN"))).exchange()
                .expectStatus().isAccepted();
        await().atMost(Duration.ofSeconds(30)).until(() -> !feed.status().rebuilding()
                && feed.status().lastRebuildAt() != null);
        List<String> rebuilt = uris.stream().map(u -> withoutDocumentLine(get(u, "admin-1", "ADMIN"))).toList();
        // The central log's workingDaysOpen of open alerts counts to "now": equal unless a day turned in between.
        assertThat(rebuilt).isEqualTo(live);
        assertThat(feed.status().applied()).isEqualTo(SEEDED.size() - 1);
    }

    /** A report's JSON without its document line, which says when it was generated. */
    private static String withoutDocumentLine(String json) {
        tools.jackson.databind.JsonNode node = org.practicealerts.events.EventJson.mapper().readTree(json);
        if (node instanceof tools.jackson.databind.node.ObjectNode o) {
            o.remove("document");
        }
        return node.toString();
    }
}
