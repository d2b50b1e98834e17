package org.practicealerts.alert.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.TestTokens;
import org.practicealerts.alert.kafka.EventHeaders;
import org.practicealerts.alert.kafka.EventTopicReader;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One scenario, two infrastructures: it runs on the embedded stand-ins everywhere and on real MongoDB (a replica
 * set) and Kafka wherever Docker exists. Raise → respond → escalate → resolve through the API, then every event of
 * the alert is on the topic in order.
 */
public interface AlertLifecycleScenario {

    WebTestClient web();

    String bootstrapServers();

    @Test
    default void anAlertAnsweredEscalatedAndResolvedIsOnTheTopicInOrder() {
        Map<?, ?> raised = post("iro-1", "/api/v1/alerts", Map.of("childRef", "SCENARIO-1",
                "planType", "CHILD_PROTECTION", "teamId", "team-north", "primaryCategory", "REPORT_NOT_COMPLETED",
                "summary", "No report for conference", "impactOnChild", "Conference delayed",
                "childsVoice", "Did not want to go to conference twice"), 201);
        String id = (String) raised.get("id");
        post("tm-north", "/api/v1/alerts/" + id + "/responses", Map.of("response", "Report by Friday"), 200);
        Map<?, ?> escalated = post("iro-1", "/api/v1/alerts/" + id + "/escalations",
                Map.of("reason", "RESPONSE_INADEQUATE", "note", "Friday is after conference"), 200);
        assertThat(escalated.get("stage")).isEqualTo(2);
        Map<?, ?> resolved = post("iro-1", "/api/v1/alerts/" + id + "/resolution",
                Map.of("outcome", "Report shared with parents"), 200);
        assertThat(resolved.get("status")).isEqualTo("RESOLVED");

        try (EventTopicReader reader = new EventTopicReader(bootstrapServers(), "practice-alerts.alert-events")) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    reader.poll().stream().filter(r -> r.key().equals(id))
                            .map(r -> new String(r.headers().lastHeader(EventHeaders.EVENT_TYPE).value(),
                                    StandardCharsets.UTF_8)).distinct().toList())
                    .containsExactly("AlertRaised", "ResponseRecorded", "StageEscalated", "AlertResolved"));
        }
    }

    @Test
    default void aRefusedCommandChangesNothing() {
        Map<?, ?> raised = post("iro-1", "/api/v1/alerts", Map.of("childRef", "SCENARIO-2",
                "planType", "CHILD_PROTECTION", "teamId", "team-north", "primaryCategory", "STATUTORY_VISIT",
                "summary", "s", "impactOnChild", "i", "childsVoice", "v"), 201);
        String id = (String) raised.get("id");
        web().post().uri("/api/v1/alerts/{id}/cafcass-referral", id)
                .headers(h -> h.setBearerAuth(TestTokens.token("iro-1"))).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange().expectStatus().isEqualTo(409);
        web().get().uri("/api/v1/alerts/{id}", id).headers(h -> h.setBearerAuth(TestTokens.token("iro-1")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.history.length()").isEqualTo(1)
                .jsonPath("$.cafcassReferredOn").doesNotExist();
    }

    private Map<?, ?> post(String person, String uri, Map<String, ?> body, int status) {
        return web().post().uri(uri).headers(h -> h.setBearerAuth(TestTokens.token(person)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange().expectStatus().isEqualTo(status)
                .expectBody(Map.class).returnResult().getResponseBody();
    }
}
