package org.practicealerts.alert.web;

import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.config.CoverRefresh;
import org.practicealerts.alert.directory.DemoDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * Cover that follows the absence, over HTTP: an absence entered in the directory after the alert reached its team
 * manager hands the stage to the cover, who can then open the alert and answer it (before, they were told it does
 * not exist), and the answer records for whom they acted. The cover rules run every 30 s; the test runs them at once.
 */
class CoverApiTest extends ApiTestBase {

    private static final String COVER = "cover-api-test-mid-stage";

    @Autowired
    private CoverRefresh coverRefresh;

    @Autowired
    private Clock clock;

    @Test
    void anAbsenceEnteredMidStageLetsTheCoverOpenAndAnswerTheAlertAndTheAnswerSaysForWhom() {
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-COVER-1"));
        body.put("teamId", DemoDirectory.SOUTH);
        String id = raise("MOSAIC-COVER-1", body);
        get("tm-south", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.responder.personId").isEqualTo("tm-south");
        get("tm-duty", "/api/v1/alerts/{id}", id).exchange().expectStatus().isNotFound();

        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneId.of("Europe/London"));
        web.put().uri("/api/v1/directory/covers/{id}", COVER).headers(h -> h.setBearerAuth(token("admin-1")))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("absentPersonId", "tm-south", "coverPersonId", "tm-duty", "from", today.toString(),
                        "to", today.toString(), "reason", "Sick leave"))
                .exchange().expectStatus().isOk();
        try {
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                coverRefresh.followCovers();
                get("tm-duty", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                        .jsonPath("$.responder.personId").isEqualTo("tm-duty")
                        .jsonPath("$.responder.coverFor").isEqualTo("tm-south");
            });
            post("tm-duty", "/api/v1/alerts/" + id + "/responses", Map.of("response", "Visit booked for Friday."))
                    .expectStatus().isOk();
            get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$.responses[0].respondedBy").isEqualTo("tm-duty")
                    .jsonPath("$.responses[0].onBehalfOf").isEqualTo("tm-south")
                    .jsonPath("$.history[?(@.type == 'AlertReassigned')]").exists();
        } finally {
            web.delete().uri("/api/v1/directory/covers/{id}", COVER).headers(h -> h.setBearerAuth(token("admin-1")))
                    .exchange().expectStatus().is2xxSuccessful();
        }
    }
}
