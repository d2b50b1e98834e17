package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Administration is for admins; the central log and the chronology come from the reporting-service as pages. */
class AdminAndOversightPageTest extends PageTestBase {

    private void calendarServices() {
        SERVICES.on("GET", "/api/v1/calendar/holidays", 200,
                "[{\"date\":\"2026-12-25\",\"name\":\"Christmas Day\",\"source\":\"BANK_HOLIDAY\"},"
                        + "{\"date\":\"2026-12-29\",\"name\":\"Council closure\",\"source\":\"CLOSURE\"}]");
        SERVICES.on("GET", "/api/v1/policy/procedures", 200, "[{\"id\":\"seed-002-cro-practice-alert\",\"name\":\"CRO\"}]");
        SERVICES.on("GET", "/api/v1/policy/timeline", 200, "{\"stages\":[{\"stage\":1,\"name\":\"Team manager\","
                + "\"timescale\":\"5 working days\",\"responseDueAt\":\"2026-12-09T17:00:00Z\"}]}");
    }

    @Test
    void onlyAnAdminReachesAdministration() {
        signInAs("tm-north");

        assertThat(browser.get("/admin").status()).isEqualTo(403);
        assertThat(browser.get("/admin/calendar").status()).isEqualTo(403);
    }

    @Test
    void anAdminSeesTheClosureDaysBesideEachProceduresDeadlinesAndAddsOne() {
        signInAs("admin-1");
        calendarServices();
        Page page = browser.get("/admin/calendar");
        assertThat(page.body()).contains("Christmas Day", "Council closure", "1: Team manager (5 working days)",
                "Wed 9 Dec 2026, 5:00pm", "Remove");
        SERVICES.on("POST", "/api/v1/calendar/days", 201, "{\"date\":\"2026-12-08\"}");

        Page added = browser.post("/admin/calendar", page, Map.of("date-day", "8", "date-month", "12", "date-year", "2026",
                "name", "Staff training day"));

        assertThat(added.status()).isEqualTo(303);
        assertThat(added.header("Location")).isEqualTo("/admin/calendar?done=added");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.body()).contains("\"date\":\"2026-12-08\"",
                "\"name\":\"Staff training day\"", "\"source\":\"CLOSURE\"").hasSize(68));
    }

    @Test
    void aClosureDayTheServiceRefusesIsShownFieldByField() {
        signInAs("admin-1");
        calendarServices();
        Page page = browser.get("/admin/calendar");
        SERVICES.on("POST", "/api/v1/calendar/days", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"errors\":[{\"field\":\"name\",\"message\":\"must not be blank\"}]}");

        Page refused = browser.post("/admin/calendar", page, Map.of("date-day", "8", "date-month", "12",
                "date-year", "2026", "name", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#name\">Name: must not be blank", "id=\"date-day\" name=\"date-day\"",
                "value=\"8\"", "value=\"2026\"");
    }

    @Test
    void anAdminErasesAnAlertsFreeTextGivingAReasonAndSeesWhenAndByWhom() {
        signInAs("admin-1");
        Page page = browser.get("/admin/erasure");
        assertThat(page.body()).contains("This cannot be undone", "Erase the free text");
        String id = "5f0e8c1a-1111-4a6e-9a55-2a9d1c3e7b10";
        String erasure = "{\"keyId\":\"" + id + "\",\"erasedAt\":\"2026-12-03T10:00:00Z\",\"erasedBy\":\"admin-1\","
                + "\"reason\":\"REQ-77: entered on the wrong case\"}";
        SERVICES.on("POST", "/api/v1/admin/erasures", 201, erasure);
        SERVICES.on("GET", "/api/v1/admin/erasures/" + id, 200, erasure);

        Page erased = browser.post("/admin/erasure", page, Map.of("recordId", " " + id + " ",
                "reason", "REQ-77: entered on the wrong case"));

        assertThat(erased.status()).isEqualTo(303);
        assertThat(erased.header("Location")).isEqualTo("/admin/erasure?erased=" + id);
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.body()).contains("\"recordId\":\"" + id + "\"",
                "\"reason\":\"REQ-77: entered on the wrong case\""));
        assertThat(browser.get(erased.header("Location")).body()).contains("was erased",
                "Thu 3 Dec 2026, 10:00am", "by <span>admin-1</span>", "REQ-77: entered on the wrong case");
    }

    @Test
    void anErasureTheServiceRefusesIsShownFieldByFieldAndOnlyAdminsReachThePage() {
        signInAs("admin-1");
        Page page = browser.get("/admin/erasure");
        SERVICES.on("POST", "/api/v1/admin/erasures", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"errors\":[{\"field\":\"reason\",\"message\":\"size must be between 10 and 500\"}]}");

        Page refused = browser.post("/admin/erasure", page, Map.of("recordId", "a-1", "reason", "short"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#reason\">", "size must be between 10 and 500", "value=\"a-1\"",
                ">short</textarea>");
        signInAs("tm-north");
        assertThat(browser.get("/admin/erasure").status()).isEqualTo(403);
    }

    @Test
    void theCentralLogDownloadIsTheReportingServicesExportWithTheSameFilters() {
        signInAs("tm-north");
        SERVICES.on("GET", "/api/v1/reports/central-log", s -> new FakeServices.Answer(200, "reference,childRef\n"));

        Page csv = browser.get("/central-log/download?format=csv&team=team-north&status=&childRef=MOSAIC%201");

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).isEqualTo("attachment; filename=\"central-log.csv\"");
        assertThat(csv.body()).isEqualTo("reference,childRef\n");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.path())
                .isEqualTo("/api/v1/reports/central-log?format=csv&team=team-north&childRef=MOSAIC%201"));
    }

    @Test
    void aChildsChronologyListsEveryStepOfEachAlertInLondonTimeWithPeopleByNameUnderItsMarking() {
        signInAs("tm-north");
        SERVICES.on("GET", "/api/v1/reports/children/MOSAIC-1/chronology", 200, "{\"document\":{\"council\":\"Demo Council\","
                + "\"marking\":\"OFFICIAL-SENSITIVE\",\"title\":\"Chronology\",\"period\":\"every practice alert to Tuesday 2 "
                + "June 2026\",\"generatedAt\":\"2026-06-02T08:00:00Z\",\"generatedBy\":\"tm-north\",\"generatedByName\":"
                + "\"Tom North\"},\"people\":{\"iro-1\":\"Ira Reviewing\"},\"childRef\":\"MOSAIC-1\",\"alerts\":["
                + "{\"alertId\":\"0b8d3c2e-1111-4000-8000-000000000001\",\"reference\":\"PA-2026-000001\","
                + "\"raisedBy\":\"iro-1\",\"raisedAt\":\"2026-06-01T08:00:00Z\",\"status\":\"RESOLVED\",\"stageReached\":2,"
                + "\"outcome\":\"Visits restarted.\",\"entries\":[{\"at\":\"2026-06-01T08:00:00Z\",\"event\":\"Raised\","
                + "\"stage\":1,\"actor\":\"iro-1\",\"detail\":\"Visits overdue.\"}]}]}");

        Page page = browser.get("/children/MOSAIC-1");

        assertThat(page.status()).isEqualTo(200);
        // 08:00Z in June is 9am British Summer Time
        assertThat(page.body()).contains("PA-2026-000001", "Mon 1 Jun 2026, 9:00am", "Visits restarted.", "Visits overdue.",
                "by Ira Reviewing; reached stage 2", ">Ira Reviewing</td>", "Generated <span>Tue 2 Jun 2026, 9:00am</span>",
                "<p class=\"app-protective-marking\">OFFICIAL-SENSITIVE</p>").doesNotContain(">iro-1<");
    }
}
