package org.practicealerts.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** Commendations, directory import, the embedded default's simulated clock and the overdue filter. */
class OperationsApiTest extends ApiTestBase {

    @Test
    void anOfficerRecordsACommendationForASocialWorker() {
        post("cpc-1", "/api/v1/commendations", Map.of("childRef", "MOSAIC-3001", "planType", "CHILD_PROTECTION",
                "teamId", "team-north", "commendedPersonIds", List.of("sw-north"), "category", "CHILDS_VOICE",
                "text", "Excellent direct work captured the child's wishes."))
                .expectStatus().isCreated().expectBody().jsonPath("$.id").exists();
    }

    @Test
    void aCommendationNamingSomeoneOutsideTheDirectoryIsRefused() {
        post("cpc-1", "/api/v1/commendations", Map.of("childRef", "MOSAIC-3002", "planType", "CHILD_PROTECTION",
                "teamId", "team-north", "commendedPersonIds", List.of("nobody"), "category", "CHILDS_VOICE",
                "text", "x")).expectStatus().isBadRequest().expectBody().jsonPath("$.detail").value(d ->
                assertThat(d.toString()).contains("nobody"));
    }

    @Test
    void anAdminImportsPeopleFromCsv() {
        String csv = "id,displayName,email,roles,teamId,managerId,preference\n"
                + "sw-csv-1,\"Worker, CSV\",sw-csv-1@demo-council.example,SOCIAL_WORKER,team-north,tm-north,EMAIL\n";
        web.post().uri("/api/v1/directory/import/people.csv").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.people").isEqualTo(1);
        get("admin-1", "/api/v1/directory/people/sw-csv-1").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.displayName").isEqualTo("Worker, CSV").jsonPath("$.managerId").isEqualTo("tm-north");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCsvImportWithABadRowReportsEachRowFieldByFieldAndWritesNothing() {
        String csv = "id,displayName,email,roles,teamId,managerId,preference\n"
                + "sw-csv-2,Worker Two,,SOCIAL_WORKER,team-north,tm-north,EMAIL\n"
                + "sw-csv-3,Worker Three,,WIZARD,team-north,tm-north,EMAIL\n"
                + "sw-csv-4,,,SOCIAL_WORKER,team-north,tm-north,FAX\n";
        web.post().uri("/api/v1/directory/import/people.csv").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue(csv).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").value(f -> assertThat((List<Object>) f).containsExactlyInAnyOrder(
                        "rows[3].roles", "rows[4].displayName", "rows[4].preference"))
                .jsonPath("$.errors[?(@.field == 'rows[3].roles')].message").value(m ->
                        assertThat(m.toString()).contains("row 3", "WIZARD"));
        get("admin-1", "/api/v1/directory/people/sw-csv-2").exchange().expectStatus().isNotFound();
    }

    @Test
    void anAdminImportsCoversAndTeamsFromCsv() {
        web.post().uri("/api/v1/directory/import/teams.csv").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.parseMediaType("text/csv")).bodyValue("id,name,managerId\nteam-csv,CSV Team,tm-north\n")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.teams").isEqualTo(1);
        web.post().uri("/api/v1/directory/import/covers.csv").headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.parseMediaType("text/csv"))
                .bodyValue("\uFEFFid,absentPersonId,coverPersonId,from,to,reason\r\n"
                        + "cover-csv,tm-north,tm-duty,2030-01-07,2030-01-11,Training\r\n")
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.covers").isEqualTo(1);
        get("admin-1", "/api/v1/directory/covers").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == 'cover-csv')].coverPersonId").isEqualTo(List.of("tm-duty"));
        get("admin-1", "/api/v1/directory/teams").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == 'team-csv')].name").isEqualTo(List.of("CSV Team"));
    }

    @Test
    void movingTheSimulatedClockMakesAnUnansweredAlertOverdue() {
        String id = raise("MOSAIC-3003");
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                get("tm-north", "/api/v1/alerts?assignedTo=me").exchange().expectBody()
                        .jsonPath("$[?(@.id == '" + id + "')]").exists());
        get("tm-north", "/api/v1/alerts?assignedTo=me").exchange().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].workingDaysLeft").value(left -> assertThat(
                        ((Number) ((List<?>) left).get(0)).intValue()).isPositive());
        Instant before = Instant.parse(get("admin-1", "/api/v1/admin/clock").exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("now").toString());
        // Three weeks: past the five working days whatever the weekday (8 days from a Friday ends on a Saturday, where
        // a deadline of the day before leaves 0 working days, not fewer) and whatever bank holidays fall between.
        post("admin-1", "/api/v1/admin/clock", Map.of("advanceBy", "P21D")).expectStatus().isOk();
        get("tm-north", "/api/v1/alerts?overdue=true").exchange().expectStatus().isOk().expectBody()
                .jsonPath("$[?(@.id == '" + id + "')].overdue").isEqualTo(List.of(true))
                .jsonPath("$[?(@.id == '" + id + "')].workingDaysLeft").value(left -> assertThat(
                        ((Number) ((List<?>) left).get(0)).intValue()).as("counted on the simulated clock").isNegative());
        Instant after = Instant.parse(get("admin-1", "/api/v1/admin/clock").exchange()
                .expectBody(Map.class).returnResult().getResponseBody().get("now").toString());
        assertThat(Duration.between(before, after)).isGreaterThanOrEqualTo(Duration.ofDays(21));
    }

    @Test
    void theSimulatedClockNeverGoesBack() {
        post("admin-1", "/api/v1/admin/clock", Map.of("setTo", "2020-01-01T00:00:00Z")).expectStatus().isBadRequest();
    }

    @Test
    void onlyAnAdminMovesTheClock() {
        post("iro-1", "/api/v1/admin/clock", Map.of("advanceBy", "P1D")).expectStatus().isForbidden();
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Test
    void aUrlTheFirewallRefusesIsAProblemDetailNotAnEmptyAnswer() {
        web.get().uri(java.net.URI.create("http://localhost:" + port + "/api/v1/alerts/..%2F..%2Fetc%2Fpasswd"))
                .headers(h -> h.setBearerAuth(token("admin-1"))).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.title").isEqualTo("Invalid request");
    }
}
