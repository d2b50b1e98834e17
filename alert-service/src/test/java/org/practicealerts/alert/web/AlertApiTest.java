package org.practicealerts.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicealerts.support.DevSigningKey;
import org.springframework.http.MediaType;

/** The REST API end to end: authentication, roles, validation, the alert's life, the competence restriction. */
class AlertApiTest extends ApiTestBase {

    @Test
    void raisingReturnsTheReferenceStageResponderAndDeadline() {
        Map<?, ?> body = post("iro-1", "/api/v1/alerts", raiseBody("MOSAIC-1001")).expectStatus().isCreated()
                .expectHeader().exists("Location").expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("reference").toString()).matches("PA-\\d{4}-\\d{6}");
        assertThat(body.get("stage")).isEqualTo(1);
        assertThat(body.get("status")).isEqualTo("AWAITING_RESPONSE");
        assertThat(((Map<?, ?>) body.get("responder")).get("personId")).isEqualTo("tm-north");
        assertThat(body.get("responseDueAt")).isNotNull();
    }

    @Test
    void healthNeedsNoToken() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }

    @Test
    void everyOtherEndpointNeedsATokenAndSaysSoAsAProblem() {
        web.get().uri("/api/v1/alerts").exchange().expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(401);
    }

    @Test
    void anExpiredTokenIsRefused() {
        String expired = DevSigningKey.issue(key(), "iro-1", List.of("IRO"), Duration.ofSeconds(-120));
        web.get().uri("/api/v1/alerts").headers(h -> h.setBearerAuth(expired)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String forged = DevSigningKey.issue(DevSigningKey.loadOrCreate(java.nio.file.Path.of(
                        System.getProperty("java.io.tmpdir"), "forged-" + System.nanoTime() + ".json")),
                "admin-1", List.of("ADMIN"), Duration.ofMinutes(5));
        web.get().uri("/api/v1/alerts").headers(h -> h.setBearerAuth(forged)).exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void aManagerCannotRaiseAnAlert() {
        post("tm-north", "/api/v1/alerts", raiseBody("MOSAIC-1002")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.status").isEqualTo(403);
    }

    @Test
    void missingAndOversizedFieldsAreNamedOneByOne() {
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-1003"));
        body.remove("childsVoice");
        body.remove("planType");
        body.put("summary", "x".repeat(4001));
        post("iro-1", "/api/v1/alerts", body).expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[?(@.field == 'childsVoice')]").exists()
                .jsonPath("$.errors[?(@.field == 'planType')]").exists()
                .jsonPath("$.errors[?(@.field == 'summary')]").exists();
    }

    @Test
    void anUnknownEnumValueIsRefusedNamingTheField() {
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-1004"));
        body.put("planType", "ADOPTED");
        post("iro-1", "/api/v1/alerts", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("planType");
    }

    @Test
    void malformedJsonIsRefusedAsABadRequest() {
        web.post().uri("/api/v1/alerts").headers(h -> h.setBearerAuth(token("iro-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"childRef\": ").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.title").isEqualTo("Invalid request");
    }

    @Test
    void anUnknownFieldIsRefusedNamingIt() {
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-1005"));
        body.put("childName", "should never be sent");
        post("iro-1", "/api/v1/alerts", body).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("childName")
                .jsonPath("$.errors[0].message").isEqualTo("is not a known field");
    }

    @Test
    void aRefusedTransitionIsAConflictAndChangesNothing() {
        String id = raise("MOSAIC-1006");
        post("iro-1", "/api/v1/alerts/{id}/escalations", Map.of("reason", "RESPONSE_INADEQUATE"), id)
                .expectStatus().isEqualTo(409).expectBody().jsonPath("$.detail").value(d ->
                        assertThat(d.toString()).contains("must be recorded"));
        get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo(1).jsonPath("$.history.length()").isEqualTo(1);
    }

    @Test
    void theResponderRespondsTheRaiserEscalatesThenResolves() {
        String id = raise("MOSAIC-1007");
        post("tm-north", "/api/v1/alerts/{id}/responses", Map.of("response", "Visit booked",
                "actions", List.of(Map.of("description", "Visit", "ownerId", "sw-north", "dueDate", "2030-01-10"))), id)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AWAITING_JUDGEMENT");
        post("iro-1", "/api/v1/alerts/{id}/escalations", Map.of("reason", "RESPONSE_INADEQUATE",
                "note", "No date"), id).expectStatus().isOk().expectBody()
                .jsonPath("$.stage").isEqualTo(2).jsonPath("$.responder.personId").isEqualTo("sm-north");
        post("iro-1", "/api/v1/alerts/{id}/resolution", Map.of("outcome", "Visits now weekly"), id)
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("RESOLVED");
        get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.stages.length()").isEqualTo(2)
                .jsonPath("$.stages[0].onTime").isEqualTo(true)
                .jsonPath("$.history[*].type").value(types -> assertThat((List<Object>) types)
                        .containsExactly("AlertRaised", "ResponseRecorded", "StageEscalated", "AlertResolved"));
    }

    @Test
    void aListPageBeyondTheTenThousandthRowIsRefusedNamingPageRatherThanSkippedTo() {
        get("admin-1", "/api/v1/alerts?page=49&size=200").exchange().expectStatus().isOk();
        get("admin-1", "/api/v1/alerts?page=50&size=200").exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("page");
    }

    @Test
    void aCompetenceConcernShowsOnlyThatItExistsToAReportViewer() {
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-1008"));
        body.put("competenceConcern", true);
        String id = raise("MOSAIC-1008", body);
        get("viewer-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.restricted").isEqualTo(true).jsonPath("$.summary").doesNotExist()
                .jsonPath("$.history[0].event").doesNotExist().jsonPath("$.stage").isEqualTo(1);
        get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.restricted").isEqualTo(false)
                .jsonPath("$.summary").isEqualTo("Statutory visits overdue by three weeks.");
        get("sm-north", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.restricted").isEqualTo(false);
    }

    @Test
    void aManagerAboveTheResponderReadsACompetenceConcernsDetailInTheAlertAndTheChronologyAndAnAdminDoesNot() {
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-1018"));
        body.put("competenceConcern", true);
        String id = raise("MOSAIC-1018", body);

        get("hos-children", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.restricted").isEqualTo(false)
                .jsonPath("$.summary").isEqualTo("Statutory visits overdue by three weeks.");
        // The chronology lists from the read model, which follows the event store within a second or so.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                get("hos-children", "/api/v1/children/{c}/alerts", "MOSAIC-1018").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$[0].restricted").isEqualTo(false)
                        .jsonPath("$[0].summary").isEqualTo("Statutory visits overdue by three weeks."));
        get("admin-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.restricted").isEqualTo(true).jsonPath("$.summary").doesNotExist();
        get("admin-1", "/api/v1/children/{c}/alerts", "MOSAIC-1018").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].restricted").isEqualTo(true).jsonPath("$[0].summary").doesNotExist();
    }

    @Test
    void aListShowsTheAlertsOfTheCallersLineAndNotAnotherTeamsManager() {
        String id = raise("MOSAIC-1019");

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                get("sm-north", "/api/v1/alerts?childRef={c}", "MOSAIC-1019").exchange().expectStatus().isOk()
                        .expectBody().jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids)
                                .containsExactly(id)));
        get("tm-south", "/api/v1/alerts?childRef={c}", "MOSAIC-1019").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(0);
    }

    @Test
    void someoneOutsideTheAlertsLinesCannotSeeIt() {
        String id = raise("MOSAIC-1009");
        get("tm-south", "/api/v1/alerts/{id}", id).exchange().expectStatus().isNotFound();
    }

    @Test
    void aCommandFromSomeoneWhoCannotSeeTheAlertIsAnsweredAsIfItDidNotExist() {
        String id = raise("MOSAIC-1010");
        String missing = "00000000-0000-0000-0000-000000000000";

        String unseen = post("tm-south", "/api/v1/alerts/" + id + "/notes", Map.of("text", "not mine"))
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();
        String absent = post("tm-south", "/api/v1/alerts/" + missing + "/notes", Map.of("text", "not mine"))
                .expectStatus().isNotFound().expectBody(String.class).returnResult().getResponseBody();

        assertThat(unseen.replace(id, "ID")).isEqualTo(absent.replace(missing, "ID"));
        post("iro-1", "/api/v1/alerts/" + id + "/responses", Map.of("response", "only the responder answers"))
                .expectStatus().isForbidden();
    }

    @Test
    void everyReadIsRecordedAndOnlyAdminsCanSeeTheRecord() {
        String id = raise("MOSAIC-1010");
        get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk();
        get("admin-1", "/api/v1/admin/reads?alertId={id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1).jsonPath("$[0].personId").isEqualTo("iro-1")
                .jsonPath("$[0].restricted").isEqualTo(false).jsonPath("$[0].via").isEqualTo("alert");
        get("iro-1", "/api/v1/admin/reads?alertId={id}", id).exchange().expectStatus().isForbidden();
    }

    @Test
    void anIdempotencyKeyMakesARetriedRaiseReturnTheSameAlert() {
        Map<String, Object> body = raiseBody("MOSAIC-1011");
        String first = (String) web.post().uri("/api/v1/alerts").headers(h -> {
                    h.setBearerAuth(token("iro-1"));
                    h.set("Idempotency-Key", "retry-key-0001");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        String second = (String) web.post().uri("/api/v1/alerts").headers(h -> {
                    h.setBearerAuth(token("iro-1"));
                    h.set("Idempotency-Key", "retry-key-0001");
                }).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void theAssignedTeamManagerFindsTheAlertInTheirList() {
        String id = raise("MOSAIC-1012");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                get("tm-north", "/api/v1/alerts?assignedTo=me").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$[?(@.id == '" + id + "')].responderId").isEqualTo("tm-north"));
    }

    @Test
    void openTrueListsOnlyAlertsStillOpenAndOpenFalseOnlyClosedOnes() {
        String open = raise("MOSAIC-1014");
        String closed = raise("MOSAIC-1014");
        post("iro-1", "/api/v1/alerts/{id}/withdrawal", Map.of("reason", "Raised twice"), closed).expectStatus().isOk();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            get("sm-north", "/api/v1/alerts?childRef=MOSAIC-1014&open=true").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[*].id").isEqualTo(List.of(open));
            get("sm-north", "/api/v1/alerts?childRef=MOSAIC-1014&open=false").exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[*].id").isEqualTo(List.of(closed));
        });
    }

    @Test
    void theChildsChronologyListsTheirAlertsOldestFirst() {
        String first = raise("MOSAIC-1013");
        String second = raise("MOSAIC-1013");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                get("iro-1", "/api/v1/children/MOSAIC-1013/alerts").exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$[*].id").value(ids -> assertThat((List<Object>) ids).containsExactly(first, second)));
    }

    @Test
    void thePolicyTimelineGivesEveryStagesDeadline() {
        get("tm-north", "/api/v1/policy/timeline?raisedAt=2026-01-05T09:30:00Z&procedure=seed-002-cro-practice-alert").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.stages.length()").isEqualTo(4)
                .jsonPath("$.stages[0].responseDueAt").isEqualTo("2026-01-12T17:00:00Z")
                .jsonPath("$.stages[3].responseDueAt").isEqualTo("2026-02-02T17:00:00Z")
                .jsonPath("$.statutoryDueAt").isEqualTo("2026-02-02T17:00:00Z")
                .jsonPath("$.exceedsStatutoryTotal").isEqualTo(false);
    }

    @Test
    void theCalendarAnswersWorkingDaysAcrossChristmas() {
        get("iro-1", "/api/v1/calendar/working-days?from=2026-12-23&add=3").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.result").isEqualTo("2026-12-30");
    }

    @Test
    void onlyAnAdminChangesTheDirectory() {
        Map<String, Object> team = Map.of("name", "Leaving Care", "managerId", "tm-north");
        web.put().uri("/api/v1/directory/teams/team-lc").headers(h -> h.setBearerAuth(token("iro-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(team).exchange().expectStatus().isForbidden();
        web.put().uri("/api/v1/directory/teams/team-lc").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(team).exchange().expectStatus().isOk();
        get("iro-1", "/api/v1/directory/teams").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == 'team-lc')].name").isEqualTo("Leaving Care");
    }

    @Test
    void aTeamChannelWebhookMustBeAnHttpsUrlAndIsKeptWithTheTeam() {
        web.put().uri("/api/v1/directory/teams/team-ch").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Channel Team", "teamsWebhook", "http://plain.example/hook"))
                .exchange().expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[?(@.field == 'teamsWebhook')]").exists();
        web.put().uri("/api/v1/directory/teams/team-ch").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("name", "Channel Team", "teamsWebhook", "https://flows.example/hook"))
                .exchange().expectStatus().isOk();
        get("admin-1", "/api/v1/directory/teams").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == 'team-ch')].teamsWebhook").isEqualTo("https://flows.example/hook");
    }

    @Test
    void aWebhookOffTheWorkflowsAllowListOrOnAnInternalAddressIsRefusedFieldByFieldAndNothingIsSaved() {
        for (String hook : List.of("https://collector.attacker.test/hook", "https://127.0.0.1/hook",
                "https://169.254.169.254/latest/meta-data")) {
            web.put().uri("/api/v1/directory/people/sw-hook").headers(h -> h.setBearerAuth(token("admin-1")))
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("displayName", "Hooked", "roles", List.of("SOCIAL_WORKER"), "teamsWebhook", hook))
                    .exchange().expectStatus().isBadRequest().expectBody()
                    .jsonPath("$.errors[0].field").isEqualTo("teamsWebhook")
                    .jsonPath("$.errors[0].message").value(m -> assertThat((String) m).contains("not an allowed"));
        }
        get("admin-1", "/api/v1/directory/people/sw-hook").exchange().expectStatus().isNotFound();
    }

    @Test
    void onlyAnAdminSeesEmailAddressesAndWebhooks() {
        web.put().uri("/api/v1/directory/people/sw-contact").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("displayName", "Contactable", "email", "contact@council.example",
                        "roles", List.of("SOCIAL_WORKER"), "teamsWebhook", "https://flows.example/secret-sig"))
                .exchange().expectStatus().isOk();

        get("iro-1", "/api/v1/directory/people/sw-contact").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Contactable")
                .jsonPath("$.email").isEmpty().jsonPath("$.teamsWebhook").isEmpty();
        String everyone = get("tm-north", "/api/v1/directory/people").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(everyone).contains("Contactable").doesNotContain("contact@council.example", "secret-sig", "@");
        get("admin-1", "/api/v1/directory/people/sw-contact").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.email").isEqualTo("contact@council.example")
                .jsonPath("$.teamsWebhook").isEqualTo("https://flows.example/secret-sig");
    }

    @Test
    void theDevTokenEndpointIssuesATokenForASeededPerson() {
        Map<?, ?> t = web.post().uri("/dev/token?personId=iro-1").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        web.get().uri("/api/v1/alerts?raisedBy=me").headers(h -> h.setBearerAuth((String) t.get("access_token")))
                .exchange().expectStatus().isOk();
    }
}
