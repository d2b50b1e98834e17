package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Case milestones as pages: the chairs' prompts and what is due soon, a child's milestones, a prompt dismissed or raised. */
class MilestonesPageTest extends PageTestBase {

    private static final String MISSED = "{\"ruleId\":\"VISIT\",\"name\":\"Child seen by the social worker\","
            + "\"childRef\":\"MOSAIC-77\",\"teamId\":\"team-north\",\"openedBy\":\"MOSAIC-P-77\","
            + "\"openedAt\":\"2026-10-26T10:00:00Z\",\"dueOn\":\"2026-11-23\",\"dueAt\":\"2026-11-24T00:00:00Z\","
            + "\"state\":\"MISSED\",\"closedBy\":null,\"closedAt\":null,\"dismissed\":false,\"alertId\":null}";

    @BeforeEach
    void signedIn() {
        signInAs("iro-1");
    }

    @Test
    void theQueueShowsEachMissedMilestoneWithItsDueDateAndAChairsTwoWaysToAnswerIt() {
        SERVICES.on("GET", "/api/v1/milestones", s -> new FakeServices.Answer(200,
                s.path().contains("MISSED") ? "[" + MISSED + "]" : "[]"));
        SERVICES.on("GET", "/api/v1/directory/teams", 200, "[{\"id\":\"team-north\",\"name\":\"North locality\"}]");

        Page page = browser.get("/milestones");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Case milestones", "Child seen by the social worker", "MOSAIC-77",
                "Mon 23 Nov 2026", ">North locality<",
                "href=\"/alerts/new?milestoneChild=MOSAIC-77&amp;milestoneRule=VISIT&amp;milestoneOpenedBy=MOSAIC-P-77\"",
                "href=\"/children/MOSAIC-77/milestones/dismiss?ruleId=VISIT&amp;openedBy=MOSAIC-P-77\"",
                "No milestone is due in the next two working days.");
        assertThat(page.header("Cache-Control")).contains("no-store");
    }

    @Test
    void aChildsMilestonesShowWhereEachStands() {
        SERVICES.on("GET", "/api/v1/children/MOSAIC-77/milestones", 200, "{\"childRef\":\"MOSAIC-77\","
                + "\"teamId\":\"team-north\",\"policyId\":\"seed-004-child-protection\",\"policyVersion\":1,"
                + "\"milestones\":[" + MISSED + "]}");

        Page page = browser.get("/children/MOSAIC-77/milestones");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("MOSAIC-77", "Child seen by the social worker", "govuk-tag--red", "Missed");
    }

    @Test
    void aDismissalWithoutAReasonComesBackAsTheErrorSummaryAndOneWithAReasonReturnsToTheQueue() {
        Page form = browser.get("/children/MOSAIC-77/milestones/dismiss?ruleId=VISIT&openedBy=MOSAIC-P-77");
        assertThat(form.body()).contains("name=\"ruleId\" value=\"VISIT\"", "name=\"openedBy\" value=\"MOSAIC-P-77\"");
        SERVICES.on("POST", "/api/v1/children/MOSAIC-77/milestones/dismissals", 400, "{\"status\":400,"
                + "\"title\":\"Invalid request\",\"detail\":\"The request has invalid fields.\","
                + "\"errors\":[{\"field\":\"reason\",\"message\":\"must not be blank\"}]}");

        Page refused = browser.post("/children/MOSAIC-77/milestones/dismiss", form,
                Map.of("ruleId", "VISIT", "openedBy", "MOSAIC-P-77", "reason", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-summary", "There is a problem", "href=\"#reason\"");

        SERVICES.on("POST", "/api/v1/children/MOSAIC-77/milestones/dismissals", 201,
                "{\"ruleId\":\"VISIT\",\"openedBy\":\"MOSAIC-P-77\"}");
        Page done = browser.post("/children/MOSAIC-77/milestones/dismiss", form,
                Map.of("ruleId", "VISIT", "openedBy", "MOSAIC-P-77", "reason", "Seen by the fostering team"));
        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).isEqualTo("/milestones?done=dismissed");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.body()).contains("Seen by the fostering team"))
                .noneSatisfy(s -> assertThat(s.path()).contains("fostering"));
    }

    @Test
    void anAlertRaisedFromAPromptStartsFromItsDraftAndIsLinkedBackOnceRaised() {
        SERVICES.on("GET", "/api/v1/children/MOSAIC-77/milestones/draft", 200, "{\"childRef\":\"MOSAIC-77\","
                + "\"teamId\":\"team-north\",\"planType\":\"CHILD_PROTECTION\",\"procedure\":\"seed-002-cro-practice-alert\","
                + "\"primaryCategory\":\"STATUTORY_VISIT\",\"summary\":\"Child seen by the social worker: due by 2026-11-23 "
                + "and not met (Child protection conferences and plans).\",\"ruleId\":\"VISIT\",\"openedBy\":\"MOSAIC-P-77\","
                + "\"dueOn\":\"2026-11-23\"}");
        // The same procedure as the raise form's own tests: the web app keeps reference data a while.
        RaisingAnAlertPageTest.oneProcedureInForce(SERVICES);

        Page form = browser.get("/alerts/new?milestoneChild=MOSAIC-77&milestoneRule=VISIT&milestoneOpenedBy=MOSAIC-P-77");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("value=\"MOSAIC-77\"", "Child seen by the social worker: due by 2026-11-23",
                "name=\"milestoneRule\" value=\"VISIT\"", "raised from a missed milestone");

        SERVICES.on("POST", "/api/v1/alerts", 201, "{\"id\":\"0b8d3c2e-1111-4000-8000-000000000077\"}");
        SERVICES.on("POST", "/api/v1/children/MOSAIC-77/milestones/raisings", 201, "{}");
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("procedure", "seed-002-cro-practice-alert");
        fields.put("childRef", "MOSAIC-77");
        fields.put("planType", "CHILD_PROTECTION");
        fields.put("teamId", "team-north");
        fields.put("primaryCategory", "STATUTORY_VISIT");
        fields.put("summary", "Child seen by the social worker: due by 2026-11-23 and not met.");
        fields.put("impactOnChild", "Not seen for five weeks.");
        fields.put("childsVoice", "Not known.");
        fields.put("milestoneChild", "MOSAIC-77");
        fields.put("milestoneRule", "VISIT");
        fields.put("milestoneOpenedBy", "MOSAIC-P-77");
        fields.put("action", "raise");
        Page raised = browser.post("/alerts/new", form, fields);

        assertThat(raised.status()).isEqualTo(303);
        assertThat(raised.header("Location")).isEqualTo("/alerts/0b8d3c2e-1111-4000-8000-000000000077?done=raised");
        FakeServices.Sent raise = SERVICES.sent().stream().filter(s -> s.path().equals("/api/v1/alerts")).findFirst()
                .orElseThrow();
        assertThat(raise.body()).doesNotContain("milestone");
        assertThat(SERVICES.sent()).anySatisfy(s -> {
            assertThat(s.path()).isEqualTo("/api/v1/children/MOSAIC-77/milestones/raisings");
            assertThat(s.body()).contains("\"alertId\":\"0b8d3c2e-1111-4000-8000-000000000077\"", "\"ruleId\":\"VISIT\"",
                    "\"openedBy\":\"MOSAIC-P-77\"");
        });
    }

    @Test
    void complianceShowsEachTeamsMilestonesDueInThePeriodAndARefusedPeriodAsTheErrorSummary() {
        SERVICES.on("GET", "/api/v1/milestones/compliance", 200, "[{\"teamId\":\"team-north\","
                + "\"ruleId\":\"INITIAL_CONFERENCE\",\"name\":\"Initial child protection conference held\",\"due\":3,"
                + "\"metOnTime\":1,\"metLate\":1,\"missed\":1,\"percentOnTime\":33}]");

        Page page = browser.get("/milestones/compliance?from=2025-01-01&to=2025-01-31");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Due from Wed 1 Jan 2025 to Fri 31 Jan 2025",
                "Initial child protection conference held", ">33%<");
        assertThat(SERVICES.sent()).anySatisfy(s -> assertThat(s.path())
                .isEqualTo("/api/v1/milestones/compliance?from=2025-01-01&to=2025-01-31"));

        SERVICES.on("GET", "/api/v1/milestones/compliance", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"detail\":\"The request has invalid fields.\",\"errors\":[{\"field\":\"to\","
                + "\"message\":\"must be on or after from, and within two years of it\"}]}");
        Page refused = browser.get("/milestones/compliance?from=2025-02-01&to=2025-01-01");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-summary", "href=\"#to\"");
        assertThat(browser.get("/milestones/compliance?from=yesterday").body()).contains("govuk-error-summary",
                "href=\"#from\"");
    }
}
