package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The alert page: what it shows, the forms this person may use, and a refused command shown on the page. */
class AlertPageTest extends PageTestBase {

    static final String ID = "0b8d3c2e-1111-4000-8000-000000000001";
    static final String ALERT = "{\"id\":\"" + ID + "\",\"reference\":\"PA-2026-000001\",\"childRef\":\"MOSAIC-1\","
            + "\"planType\":\"CHILD_WE_CARE_FOR\",\"teamId\":\"team-north\",\"raisedBy\":\"iro-1\","
            + "\"policy\":{\"id\":\"seed-000-cpc-urgent-practice\",\"version\":3},\"primaryCategory\":\"CORE_GROUPS\","
            + "\"urgency\":\"ROUTINE\",\"restricted\":false,\"summary\":\"Core groups not held.\",\"impactOnChild\":\"Drift.\","
            + "\"childsVoice\":\"Unknown.\",\"recommendedActions\":[],\"stage\":2,\"status\":\"AWAITING_RESPONSE\","
            + "\"responder\":{\"personId\":\"tm-north\",\"role\":\"SERVICE_MANAGER\",\"coverFor\":null},"
            + "\"responseDueAt\":\"2026-03-30T16:00:00Z\",\"raisedAt\":\"2026-03-13T09:00:00Z\",\"statutoryDueAt\":null,"
            + "\"deadlineMissed\":null,\"stages\":[{\"stage\":1,\"enteredAt\":\"2026-03-13T09:00:00Z\",\"reason\":null,"
            + "\"responder\":{\"personId\":\"tm-south\"},\"responseDueAt\":\"2026-03-27T17:00:00Z\",\"respondedAt\":null,"
            + "\"onTime\":false},{\"stage\":2,\"enteredAt\":\"2026-03-27T17:00:00Z\",\"reason\":\"DEADLINE_MISSED\","
            + "\"responder\":{\"personId\":\"tm-north\"},\"responseDueAt\":\"2026-03-30T16:00:00Z\",\"respondedAt\":null,"
            + "\"onTime\":null}],\"responses\":[],\"actions\":{},\"notes\":[],\"history\":[]}";
    private static final String POLICY = "{\"finalStageReferral\":false,\"stages\":["
            + "{\"number\":1,\"name\":\"Alert to team manager\",\"task\":{\"requires\":\"ANSWER\"}},"
            + "{\"number\":2,\"name\":\"Service managers' contact\",\"task\":{\"requires\":\"CONTACT\","
            + "\"contactWith\":\"CHILDS_SERVICE_MANAGER\",\"attendees\":[],"
            + "\"actionPlanWithin\":{\"amount\":7,\"unit\":\"CALENDAR_DAYS\"}}}]}";

    @BeforeEach
    void anAlertAtTheContactStage() {
        SERVICES.on("GET", "/api/v1/alerts/" + ID, 200, ALERT);
        SERVICES.on("GET", "/api/v1/policy", 200, POLICY);
        SERVICES.on("GET", "/api/v1/alerts/" + ID + "/notifications", 200, "[{\"eventType\":\"StageEscalated\","
                + "\"recipient\":\"tm-north\",\"reason\":\"RESPONDER\",\"channel\":\"EMAIL\",\"state\":\"SENT\","
                + "\"sentAt\":\"2026-03-27T17:00:05Z\"}]");
        signInAs("tm-north");
    }

    @Test
    void showsWhereTheAlertIsWhoMustActByWhenInLondonTimeAndEachStagesDeadline() {
        Page page = browser.get("/alerts/" + ID);

        assertThat(page.status()).isEqualTo(200);
        // 16:00Z on 30 March is 5pm British Summer Time
        assertThat(page.body()).contains("Stage 2: Service managers&#39; contact", "tm-north", "Mon 30 Mar 2026, 5:00pm",
                "Fri 27 Mar 2026, 5:00pm", "Deadline missed", "Late", "Who was told", "Sent");
        assertThat(page.body()).as("no banner without a command done").doesNotContain("govuk-notification-banner");
        assertThat(browser.get("/alerts/" + ID + "?done=respond").body())
                .contains("Recorded. The alert below is as it is now.", "govuk-notification-banner--success");
    }

    @Test
    void theResponderIsOfferedTheContactAndActionPlanTheStageAsksForAndTheRaisersFormsAreNot() {
        Page page = browser.get("/alerts/" + ID);

        assertThat(page.body()).contains("The contact made with Childs service manager", "name=\"contact.madeAt\"",
                "The action plan: every action due within 7 calendar days", "Acknowledge");
        assertThat(page.body()).doesNotContain("Resolve the alert", "Withdraw the alert");
    }

    @Test
    void aResponseIsSentAsTheApiReadsItAndARefusalIsShownOnThePageFieldByField() {
        Page page = browser.get("/alerts/" + ID);
        SERVICES.on("POST", "/api/v1/alerts/" + ID + "/responses", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"detail\":\"x\",\"errors\":[{\"field\":\"actions[0].dueDate\",\"message\":\"the action plan's actions "
                + "are due within 7 calendar days: by 2026-04-06, not 2026-04-07\"}]}");
        Map<String, String> form = new LinkedHashMap<>();
        form.put("response", "Plan agreed.");
        form.put("contact.madeAt", "2026-03-30T09:30:00Z");
        form.put("contact.withPersonId", "");
        form.put("actions[0].description", "Core group");
        form.put("actions[0].ownerId", "tm-north");
        form.put("actions[0].dueDate", "2026-04-07");

        Page refused = browser.post("/alerts/" + ID + "/responses", page, form);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#actions-0-dueDate\">Actions 1 due date: the action plan",
                "id=\"actions-0-dueDate-error\"", "value=\"Core group\"");
        FakeServices.Sent sent = SERVICES.sent().stream().filter(s -> s.method().equals("POST")
                && s.path().endsWith("/responses")).findFirst().orElseThrow();
        assertThat(sent.body()).isEqualTo("{\"response\":\"Plan agreed.\",\"contact\":{\"madeAt\":\"2026-03-30T09:30:00Z\"},"
                + "\"actions\":[{\"description\":\"Core group\",\"ownerId\":\"tm-north\",\"dueDate\":\"2026-04-07\"}]}");
    }

    @Test
    void aCommandThatSucceedsReturnsToTheAlertWithASuccessBanner() {
        Page page = browser.get("/alerts/" + ID);
        SERVICES.on("POST", "/api/v1/alerts/" + ID + "/acknowledgement", 200, "{\"id\":\"" + ID + "\"}");

        Page done = browser.post("/alerts/" + ID + "/acknowledgement", page, Map.of());

        assertThat(done.status()).isEqualTo(303);
        assertThat(done.header("Location")).isEqualTo("/alerts/" + ID + "?done=acknowledgement");
        assertThat(browser.get("/alerts/" + ID + "?done=acknowledgement").body()).contains("govuk-notification-banner--success");
    }

    @Test
    void anAlertThisPersonMayNotSeeIsPageNotFoundAsIsOneThatDoesNotExist() {
        Page missing = browser.get("/alerts/0b8d3c2e-1111-4000-8000-00000000dead");

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
    }

    @Test
    void aRefusedWithdrawalShowsItsReasonsErrorOnceBesideTheWithdrawalNotTheEscalationOrReassignment() {
        SERVICES.on("GET", "/api/v1/alerts/" + ID, 200, ALERT.replace("\"raisedBy\":\"iro-1\"", "\"raisedBy\":\"tm-north\""));
        Page page = browser.get("/alerts/" + ID);
        SERVICES.on("POST", "/api/v1/alerts/" + ID + "/withdrawal", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"errors\":[{\"field\":\"reason\",\"message\":\"must not be blank\"}]}");

        Page refused = browser.post("/alerts/" + ID + "/withdrawal", page, Map.of("reason", " "));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#withdrawal-reason\">Withdrawal reason: must not be blank",
                "id=\"withdrawal-reason-error\"");
        assertThat(refused.body().split("must not be blank", -1)).as("the summary and the field, once each").hasSize(3);
    }
}
