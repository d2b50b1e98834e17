package org.practicealerts.escalation.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.escalation.sweep.DeadlineSweeper;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.support.DevSigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The escalation service as an operator sees it: health open, the due-next view and metrics for admins only. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("embedded")
class OperationsTest {

    static final Path DATA = tempDir();

    @Autowired
    WebTestClient web;
    @Autowired
    DeadlineStore store;
    @Autowired
    DeadlineSweeper sweeper;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry r) {
        r.add("spring.kafka.bootstrap-servers", org.practicealerts.escalation.sweep.TestInfra::bootstrap);
        r.add("spring.mongodb.uri", () -> org.practicealerts.escalation.sweep.TestInfra.mongoUri() + "/ops_test");
        r.add("practice-alerts.mongo-database", () -> "ops_test");
        r.add("EMBEDDED_DATA_DIR", DATA::toString);
    }

    static String token(String subject, String... roles) {
        return DevSigningKey.issue(DevSigningKey.loadOrCreate(DATA.resolve("dev-jwt-key.json")), subject,
                List.of(roles), Duration.ofMinutes(5));
    }

    @Test
    void healthIsOpenAndEverythingElseNeedsAToken() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
        web.get().uri("/api/v1/admin/deadlines").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/admin/deadlines").headers(h -> h.setBearerAuth(token("iro-1", "IRO"))).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void anAdminSeesWhatIsDueNext() {
        Instant far = Instant.parse("2099-01-05T17:00:00Z");
        store.schedule(new Deadline("0b8d3c2e-1111-4000-8000-00000000abcd", DeadlineKind.RESPONSE, 1, far, null));
        web.get().uri("/api/v1/admin/deadlines?alertId=0b8d3c2e-1111-4000-8000-00000000abcd")
                .headers(h -> h.setBearerAuth(token("admin-1", "ADMIN"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[0].kind").isEqualTo("RESPONSE").jsonPath("$[0].status").isEqualTo("PENDING")
                .jsonPath("$[0].dueAt").isEqualTo("2099-01-05T17:00:00Z");
    }

    @Test
    void aBadLimitOrAlertIdIsAProblemDetailNamingTheParameter() {
        for (String query : new String[] {"limit=0", "limit=1001", "alertId=%27%20or%201%3D1"}) {
            web.get().uri("/api/v1/admin/deadlines?" + query).headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                    .exchange().expectStatus().isBadRequest()
                    .expectHeader().contentTypeCompatibleWith("application/problem+json")
                    .expectBody().jsonPath("$.errors[0].field").isEqualTo(query.substring(0, query.indexOf('=')));
        }
        web.get().uri("/api/v1/admin/deadlines?limit=abc").headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("limit");
    }

    @Test
    void prometheusShowsPendingFiredLatenessAndConflicts() {
        sweeper.countPending();
        String metrics = web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("escalation_deadlines_pending{", "kind=\"RESPONSE\"",
                "escalation_deadline_lateness_seconds_bucket", "escalation_claim_conflicts_total",
                "escalation_fire_failures_total");
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("escalation-ops");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
