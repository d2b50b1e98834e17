package org.practicealerts.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.directory.DemoDirectory;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Case milestones through the API: the case system's facts in, the child's milestones and the chairs' prompts out. */
class MilestoneApiTest extends ApiTestBase {

    static Map<String, Object> fact(String recordId, String child, String kind, Instant at) {
        Map<String, Object> f = new HashMap<>();
        f.put("recordId", recordId);
        f.put("childRef", child);
        f.put("teamId", DemoDirectory.NORTH);
        f.put("kind", kind);
        f.put("at", at.toString());
        return f;
    }

    /** A decision 40 days ago whose initial conference was never held: the milestone is missed. */
    private String childWithAMissedInitialConference(String child) {
        Instant decided = Instant.now().minus(Duration.ofDays(40)).truncatedTo(ChronoUnit.MILLIS);
        post("admin-1", "/api/v1/case-facts", fact("MOSAIC-S47-" + child, child, "S47_DECISION", decided))
                .expectStatus().isCreated();
        return "MOSAIC-S47-" + child;
    }

    @Test
    void theDemoCouncilStartsWithAChildWhoseInitialConferenceWasMissed() {
        assertThat(queue("cpc-1")).contains("\"childRef\":\"DEMO-CP-1001\"", "INITIAL_CONFERENCE");
        get("tm-north", "/api/v1/children/{c}/milestones", "DEMO-CP-1002").exchange().expectStatus().isNotFound();
        get("tm-south", "/api/v1/children/{c}/milestones", "DEMO-CP-1002").exchange().expectStatus().isOk();
    }

    @Test
    void aFactIsRecordedOnceASameResendChangesNothingAndADifferentOneUnderTheSameRecordIdIsRefused() {
        Instant at = Instant.now().minus(Duration.ofDays(2));
        Map<String, Object> visit = fact("MOSAIC-V-1", "MS-1001", "VISIT_MADE", at);
        visit.put("childSeen", true);
        post("admin-1", "/api/v1/case-facts", visit).expectStatus().isCreated();
        post("admin-1", "/api/v1/case-facts", visit).expectStatus().isOk();
        visit.put("childSeen", false);
        post("admin-1", "/api/v1/case-facts", visit).expectStatus().isEqualTo(409)
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aFactWhoseFieldsDoNotFitItsKindIsRefusedFieldByFieldAndNothingIsRecorded() {
        Map<String, Object> held = fact("MOSAIC-C-1", "MS-1002", "CONFERENCE_HELD", Instant.now());
        held.put("childSeen", true);
        post("admin-1", "/api/v1/case-facts", held).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'conference')]").exists()
                .jsonPath("$.errors[?(@.field == 'planMade')]").exists()
                .jsonPath("$.errors[?(@.field == 'childSeen')]").exists();
        Map<String, Object> nameless = fact("MOSAIC-C-2", "Jane Smith", "NOT_A_KIND", Instant.now());
        post("admin-1", "/api/v1/case-facts", nameless).expectStatus().isBadRequest();
        get("iro-1", "/api/v1/children/{c}/milestones", "MS-1002").exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAnAdminSendsFactsAndOnlyAChairDismissesAPrompt() {
        post("sw-north", "/api/v1/case-facts", fact("MOSAIC-X-1", "MS-1003", "S47_DECISION", Instant.now()))
                .expectStatus().isForbidden();
        dismiss("tm-north", "MS-1003", "INITIAL_CONFERENCE", "MOSAIC-X-1", "r")
                .expectStatus().isForbidden();
    }

    @Test
    void aMissedInitialConferenceIsInTheChildsMilestonesAndTheChairsQueueUntilAChairDismissesIt() {
        String opened = childWithAMissedInitialConference("MS-1004");

        Map<?, ?> child = get("iro-1", "/api/v1/children/{c}/milestones", "MS-1004").exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(child.get("policyId")).isEqualTo("seed-004-child-protection");
        List<?> ms = (List<?>) child.get("milestones");
        assertThat(ms).hasSize(1);
        Map<?, ?> icpc = (Map<?, ?>) ms.get(0);
        assertThat(icpc.get("ruleId")).isEqualTo("INITIAL_CONFERENCE");
        assertThat(icpc.get("state")).isEqualTo("MISSED");
        assertThat(icpc.get("openedBy")).isEqualTo(opened);

        assertThat(queue("cpc-1")).contains("MS-1004");
        assertThat(queue("tm-north")).as("the child's team").contains("MS-1004");
        assertThat(queue("tm-south")).as("another team").doesNotContain("MS-1004");
        assertThat(queue("sw-north")).as("the child's team's social worker").contains("MS-1004");
        assertThat(queue("sw-south")).as("another team's social worker").doesNotContain("MS-1004");
        get("tm-south", "/api/v1/children/{c}/milestones", "MS-1004").exchange().expectStatus().isNotFound();

        dismiss("cpc-1", "MS-1004", "INITIAL_CONFERENCE", opened, "Conference held in another authority")
                .expectStatus().isCreated();
        dismiss("cpc-1", "MS-1004", "INITIAL_CONFERENCE", opened, "again")
                .expectStatus().isOk();
        assertThat(queue("cpc-1")).doesNotContain("MS-1004");
        String after = get("iro-1", "/api/v1/children/{c}/milestones", "MS-1004").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(after).contains("\"dismissed\":true").doesNotContain("another authority");
    }

    @Test
    void aDismissalOfAMilestoneThatIsNotMissedIsNotFound() {
        post("admin-1", "/api/v1/case-facts", fact("MOSAIC-S47-MS-1005", "MS-1005", "S47_DECISION", Instant.now()))
                .expectStatus().isCreated();
        dismiss("cpc-1", "MS-1005", "INITIAL_CONFERENCE", "MOSAIC-S47-MS-1005", "r")
                .expectStatus().isNotFound();
    }

    @Test
    void complianceCountsTheMilestonesDueInThePeriodByTeamMetOnTimeLateOrMissed() {
        Instant decided = Instant.parse("2025-01-06T10:00:00Z"); // Monday: the conference is due by Friday 24 January
        for (String child : List.of("MS-1010", "MS-1011", "MS-1012")) {
            post("admin-1", "/api/v1/case-facts", fact("S47-" + child, child, "S47_DECISION", decided))
                    .expectStatus().isCreated();
        }
        Map<String, Object> onTime = fact("ICPC-MS-1010", "MS-1010", "CONFERENCE_HELD",
                Instant.parse("2025-01-24T15:00:00Z"));
        onTime.put("conference", "INITIAL");
        onTime.put("planMade", false);
        post("admin-1", "/api/v1/case-facts", onTime).expectStatus().isCreated();
        Map<String, Object> late = fact("ICPC-MS-1011", "MS-1011", "CONFERENCE_HELD",
                Instant.parse("2025-01-27T10:00:00Z"));
        late.put("conference", "INITIAL");
        late.put("planMade", false);
        post("admin-1", "/api/v1/case-facts", late).expectStatus().isCreated();

        get("iro-1", "/api/v1/milestones/compliance?from=2025-01-01&to=2025-01-31").exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$[?(@.teamId == 'team-north' && @.ruleId == 'INITIAL_CONFERENCE')].due").isEqualTo(3)
                .jsonPath("$[?(@.teamId == 'team-north' && @.ruleId == 'INITIAL_CONFERENCE')].metOnTime").isEqualTo(1)
                .jsonPath("$[?(@.teamId == 'team-north' && @.ruleId == 'INITIAL_CONFERENCE')].metLate").isEqualTo(1)
                .jsonPath("$[?(@.teamId == 'team-north' && @.ruleId == 'INITIAL_CONFERENCE')].missed").isEqualTo(1)
                .jsonPath("$[?(@.teamId == 'team-north' && @.ruleId == 'INITIAL_CONFERENCE')].percentOnTime")
                .isEqualTo(33);
        get("tm-south", "/api/v1/milestones/compliance?from=2025-01-01&to=2025-01-31").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[?(@.teamId == 'team-north')]").doesNotExist();
        get("iro-1", "/api/v1/milestones/compliance?from=2025-02-01&to=2025-01-01").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    private WebTestClient.ResponseSpec dismiss(String person, String child, String ruleId, String openedBy,
                                               String reason) {
        return post(person, "/api/v1/children/{c}/milestones/dismissals",
                Map.of("ruleId", ruleId, "openedBy", openedBy, "reason", reason), child);
    }

    private String queue(String person) {
        return get(person, "/api/v1/milestones?state=MISSED").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    @Test
    void aChairTurnsAMissedVisitsPromptIntoAnAlertFromItsDraftAndThePromptLeavesTheQueue() {
        String child = "MS-1006";
        // A plan started 35 days ago and no visit since: the four-weekly visit was missed a week ago.
        post("admin-1", "/api/v1/case-facts", fact("MOSAIC-P-" + child, child, "PLAN_STARTED",
                Instant.now().minus(Duration.ofDays(35)))).expectStatus().isCreated();
        String opened = "MOSAIC-P-" + child;
        get("tm-north", "/api/v1/children/{c}/milestones/draft?ruleId=VISIT&openedBy={o}", child, opened).exchange()
                .expectStatus().isForbidden();

        Map<?, ?> draft = get("cpc-1", "/api/v1/children/{c}/milestones/draft?ruleId=VISIT&openedBy={o}", child, opened)
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(draft.get("planType")).isEqualTo("CHILD_PROTECTION");
        assertThat(draft.get("teamId")).isEqualTo(DemoDirectory.NORTH);
        assertThat(draft.get("primaryCategory")).as("the procedure's heading").isEqualTo("STATUTORY_VISIT");
        assertThat((String) draft.get("summary")).startsWith("Child seen by the social worker: due by ");

        Map<String, Object> raise = new HashMap<>();
        for (String field : List.of("childRef", "planType", "teamId", "primaryCategory", "summary", "procedure")) {
            raise.put(field, draft.get(field));
        }
        raise.put("impactOnChild", "Nobody has seen the child for five weeks.");
        raise.put("childsVoice", "Not known: not seen.");
        String alertId = (String) post("cpc-1", "/api/v1/alerts", raise).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");

        String otherChildsAlert = raise("MS-1007");
        post("cpc-1", "/api/v1/children/{c}/milestones/raisings",
                Map.of("ruleId", "VISIT", "openedBy", opened, "alertId", otherChildsAlert), child)
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("alertId");
        post("cpc-1", "/api/v1/children/{c}/milestones/raisings",
                Map.of("ruleId", "VISIT", "openedBy", opened, "alertId", alertId), child).expectStatus().isCreated();
        post("cpc-1", "/api/v1/children/{c}/milestones/raisings",
                Map.of("ruleId", "VISIT", "openedBy", opened, "alertId", alertId), child).expectStatus().isOk();

        assertThat(queue("cpc-1")).doesNotContain(child);
        Map<?, ?> after = get("cpc-1", "/api/v1/children/{c}/milestones", child).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> visit = (Map<?, ?>) ((List<?>) after.get("milestones")).get(0);
        assertThat(visit.get("state")).isEqualTo("MISSED");
        assertThat(visit.get("alertId")).isEqualTo(alertId);
        get("cpc-1", "/api/v1/children/{c}/milestones/draft?ruleId=VISIT&openedBy={o}", child, opened).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void aSpreadsheetOfFactsIsImportedWholeOrNotAtAllEachBadRowNamed() {
        String good = "\uFEFFkind,at,recordId,childRef,teamId,planMade,conference\n"
                + "S47_DECISION,2026-01-05 10:00,MOSAIC-CSV-1,MS-1008,team-north,,\n"
                + "conference_held,2026-01-22T15:00:00Z,MOSAIC-CSV-2,MS-1008,team-north,yes,initial\n";
        csv(good).expectStatus().isOk().expectBody()
                .jsonPath("$.recorded").isEqualTo(2).jsonPath("$.alreadyRecorded").isEqualTo(0);
        csv(good).expectStatus().isOk().expectBody()
                .jsonPath("$.recorded").isEqualTo(0).jsonPath("$.alreadyRecorded").isEqualTo(2);
        Map<?, ?> child = get("iro-1", "/api/v1/children/{c}/milestones", "MS-1008").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(child.get("milestones").toString()).contains("INITIAL_CONFERENCE", "state=MET");

        String bad = "recordId,childRef,teamId,kind,at,conference\n"
                + "MOSAIC-CSV-3,MS-1009,team-north,S47_DECISION,2026-02-02 09:00,\n"
                + "MOSAIC-CSV-4,MS-1009,team-north,DECISION,2026-02-03 09:00,\n"
                + "MOSAIC-CSV-5,MS-1009,team-north,CONFERENCE_HELD,yesterday,\n"
                + "MOSAIC-CSV-1,MS-1008,team-south,S47_DECISION,2026-01-05 10:00,\n";
        csv(bad).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'rows[3].kind')]").exists()
                .jsonPath("$.errors[?(@.field == 'rows[4].at')]").exists()
                .jsonPath("$.errors[?(@.field == 'rows[4].conference')]").exists()
                .jsonPath("$.errors[?(@.field == 'rows[4].planMade')]").exists();
        get("iro-1", "/api/v1/children/{c}/milestones", "MS-1009").exchange().expectStatus().isNotFound();

        String conflicting = "recordId,childRef,teamId,kind,at\n"
                + "MOSAIC-CSV-6,MS-1009,team-north,S47_DECISION,2026-02-02 09:00\n"
                + "MOSAIC-CSV-1,MS-1008,team-south,S47_DECISION,2026-01-05 10:00\n";
        csv(conflicting).expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("rows[3].recordId");
        get("iro-1", "/api/v1/children/{c}/milestones", "MS-1009").exchange().expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec csv(String body) {
        return web.post().uri("/api/v1/case-facts.csv").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.valueOf("text/csv")).bodyValue(body).exchange();
    }
}
