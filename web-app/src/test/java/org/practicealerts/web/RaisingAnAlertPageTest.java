package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The raise form: what it sends the alert-service, and how a refusal comes back as the GOV.UK error summary. */
class RaisingAnAlertPageTest extends PageTestBase {

    @BeforeEach
    void signedInWithOneProcedureInForce() {
        oneProcedureInForce(SERVICES);
        signInAs("iro-1");
    }

    /** The CRO procedure for IROs and CROs, with two headings, and one team: what the raise form is tested with. */
    static void oneProcedureInForce(FakeServices services) {
        services.on("GET", "/api/v1/policy/procedures", 200,
                "[{\"id\":\"seed-002-cro-practice-alert\",\"name\":\"CRO practice alert\",\"raisers\":[\"IRO\",\"CRO\"],\"planTypes\":[]}]");
        services.on("GET", "/api/v1/policy", 200, "{\"id\":\"seed-002-cro-practice-alert\",\"name\":\"CRO practice alert\","
                + "\"stages\":[{\"number\":1,\"name\":\"Team manager\"}],"
                + "\"categories\":[{\"code\":\"STATUTORY_VISIT\",\"label\":\"Statutory visits\"},"
                + "{\"code\":\"CHILDS_VOICE\",\"label\":\"The child's voice\"}]}");
        services.on("GET", "/api/v1/directory/teams", 200, "[{\"id\":\"team-north\",\"name\":\"North\"}]");
    }

    private Map<String, String> filledIn() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("procedure", "seed-002-cro-practice-alert");
        f.put("childRef", "MOSAIC-1");
        f.put("planType", "CHILD_WE_CARE_FOR");
        f.put("teamId", "team-north");
        f.put("primaryCategory", "STATUTORY_VISIT");
        f.put("categories", "CHILDS_VOICE");
        f.put("summary", "Visits overdue.");
        f.put("impactOnChild", "Unseen.");
        f.put("childsVoice", "Wants a visit.");
        f.put("recommendedActions[0].description", "Visit this week");
        f.put("recommendedActions[0].timescale", "5 working days");
        f.put("recommendedActions[1].description", "");
        f.put("informalResolution.discussedOn", "");
        f.put("action", "raise");
        return f;
    }

    @Test
    void theFormShowsTheProceduresHeadingsAndSendsTheRaiseAsTheApiReadsIt() {
        Page form = browser.get("/alerts/new");
        assertThat(form.body()).contains("Statutory visits", "The child&#39;s voice", "North");
        SERVICES.on("POST", "/api/v1/alerts", 201, "{\"id\":\"0b8d3c2e-1111-4000-8000-000000000009\"}");

        Page raised = browser.post("/alerts/new", form, filledIn());

        assertThat(raised.status()).isEqualTo(303);
        assertThat(raised.header("Location")).isEqualTo("/alerts/0b8d3c2e-1111-4000-8000-000000000009?done=raised");
        FakeServices.Sent sent = SERVICES.sent().stream()
                .filter(s -> s.method().equals("POST") && s.path().equals("/api/v1/alerts")).findFirst().orElseThrow();
        assertThat(sent.token()).isEqualTo("tok-iro-1");
        assertThat(sent.body()).contains("\"childRef\":\"MOSAIC-1\"", "\"categories\":[\"CHILDS_VOICE\"]",
                        "\"recommendedActions\":[{\"description\":\"Visit this week\",\"timescale\":\"5 working days\",\"priority\":1}]")
                .doesNotContain("_csrf", "\"action\"", "informalResolution");
    }

    @Test
    void aRefusalIsShownAsTheErrorSummaryFieldByFieldLinkingToEachFieldAndKeepsWhatWasTyped() {
        Page form = browser.get("/alerts/new");
        SERVICES.on("POST", "/api/v1/alerts", 400, "{\"status\":400,\"title\":\"Invalid request\","
                + "\"errors\":[{\"field\":\"summary\",\"message\":\"must not be blank\"},"
                + "{\"field\":\"recommendedActions[0].timescale\",\"message\":\"must be like 5 working days\"}]}");
        Map<String, String> mistaken = filledIn();
        mistaken.put("summary", "");

        Page refused = browser.post("/alerts/new", form, mistaken);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("govuk-error-summary", "There is a problem",
                "href=\"#summary\">Summary: must not be blank",
                "href=\"#recommendedActions-0-timescale\">Recommended actions 1 timescale: must be like 5 working days",
                "id=\"summary-error\"", "value=\"MOSAIC-1\"");
    }

    @Test
    void previewShowsTheDeadlinesTheAlertWouldGetWithoutRaisingIt() {
        Page form = browser.get("/alerts/new");
        SERVICES.on("GET", "/api/v1/policy/timeline", 200, "{\"stages\":[{\"stage\":1,\"name\":\"Team manager\","
                + "\"timescale\":\"5 working days\",\"entersAt\":\"2026-01-05T09:30:00Z\",\"responseDueAt\":\"2026-01-12T17:00:00Z\"}]}");
        Map<String, String> preview = filledIn();
        preview.put("action", "preview");

        Page shown = browser.post("/alerts/new", form, preview);

        assertThat(shown.status()).isEqualTo(200);
        // 17:00Z in January is 5pm London time
        assertThat(shown.body()).contains("1: Team manager (5 working days)", "Mon 12 Jan 2026, 5:00pm");
        assertThat(shown.body()).as("what was typed is kept").contains(">Visits overdue.</textarea>",
                ">Wants a visit.</textarea>", "value=\"Visit this week\"");
        assertThat(SERVICES.sent()).noneMatch(s -> s.method().equals("POST") && s.path().equals("/api/v1/alerts"));
    }
}
