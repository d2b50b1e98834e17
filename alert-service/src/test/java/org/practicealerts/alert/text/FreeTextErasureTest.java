package org.practicealerts.alert.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.kafka.EventTopicReader;
import org.practicealerts.alert.web.ApiTestBase;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.text.SealedText;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Free text is sealed with the alert's key before it is stored or published, and erasing the key erases it everywhere:
 * raise, respond, erase; the event store, every other MongoDB collection and the topic's raw bytes never hold the
 * text, the API shows it to an entitled reader until the erasure and "[text erased]" after it, and the alert's
 * figures (stage, status, who, when) are unchanged.
 */
class FreeTextErasureTest extends ApiTestBase {

    @Autowired
    MongoClient mongo;
    @Autowired
    PlatformProperties props;

    @Test
    void raisedAndAnsweredTextIsSealedEverywhereAndUnreadableEverywhereOnceErased() {
        String marker = "Zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        Map<String, Object> body = new HashMap<>(raiseBody("MOSAIC-ERASE-1"));
        body.put("summary", "Summary " + marker + " visits missed");
        body.put("childsVoice", "Voice " + marker);
        String id = raise("MOSAIC-ERASE-1", body);
        post("tm-north", "/api/v1/alerts/{id}/responses", Map.of("response", "Response " + marker,
                "actions", List.of(Map.of("description", "Action " + marker, "ownerId", "sw-north",
                        "dueDate", "2030-01-10"))), id).expectStatus().isOk();
        post("iro-1", "/api/v1/alerts/{id}/notes", Map.of("text", "Note " + marker), id).expectStatus().isOk();

        Map<?, ?> before = detail(id);
        assertThat(before.get("summary")).isEqualTo("Summary " + marker + " visits missed");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(published(id)).hasSizeGreaterThanOrEqualTo(3));
        assertThat(String.join("\n", published(id))).contains("sealed:v1:" + id).doesNotContain(marker);
        assertThat(everyStoredDocument()).contains("sealed:v1:" + id).doesNotContain(marker);

        post("admin-1", "/api/v1/admin/erasures", Map.of("recordId", id,
                "reason", "Request REQ-77: entered on the wrong case")).expectStatus().isCreated()
                .expectBody().jsonPath("$.erasedBy").isEqualTo("admin-1");

        Map<?, ?> after = detail(id);
        assertThat(after.get("summary")).isEqualTo(SealedText.ERASED);
        assertThat(after.toString()).doesNotContain(marker).contains(SealedText.ERASED);
        assertThat(after.get("stage")).isEqualTo(before.get("stage"));
        assertThat(after.get("status")).isEqualTo(before.get("status"));
        assertThat(after.get("raisedBy")).isEqualTo(before.get("raisedBy"));
        assertThat(((List<?>) after.get("history"))).hasSameSizeAs((List<?>) before.get("history"));
        post("iro-1", "/api/v1/alerts/{id}/notes", Map.of("text", "After erasure"), id)
                .expectStatus().isEqualTo(409);
        post("admin-1", "/api/v1/admin/erasures", Map.of("recordId", id, "reason", "asked again by mistake"))
                .expectStatus().isOk().expectBody().jsonPath("$.reason")
                .isEqualTo("Request REQ-77: entered on the wrong case");
    }

    @Test
    void anErasureNeedsAnAdministratorAReasonAndARecordThatHoldsText() {
        String id = raise("MOSAIC-ERASE-2");
        post("iro-1", "/api/v1/admin/erasures", Map.of("recordId", id, "reason", "I would like it gone"))
                .expectStatus().isForbidden();
        post("admin-1", "/api/v1/admin/erasures", Map.of("recordId", id, "reason", "short"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
        post("admin-1", "/api/v1/admin/erasures", Map.of("recordId", UUID.randomUUID().toString(),
                "reason", "Request REQ-78: no such alert")).expectStatus().isNotFound();
        assertThat(detail(id).get("summary")).isEqualTo(raiseBody("x").get("summary"));
    }

    private Map<?, ?> detail(String id) {
        return get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
    }

    private List<String> published(String alertId) {
        try (EventTopicReader reader = new EventTopicReader(SharedInfrastructure.kafka().bootstrapServers(),
                props.topics().events())) {
            List<String> out = new ArrayList<>();
            List<ConsumerRecord<String, byte[]>> records = List.of();
            for (int i = 0; i < 6; i++) {
                records = reader.poll();
            }
            for (ConsumerRecord<String, byte[]> r : records) {
                if (alertId.equals(r.key())) {
                    out.add(new String(r.value(), StandardCharsets.UTF_8));
                }
            }
            return out;
        }
    }

    /** Every document of every collection of every database on the server, as JSON. */
    private String everyStoredDocument() {
        StringBuilder all = new StringBuilder();
        for (String db : mongo.listDatabaseNames()) {
            for (String collection : mongo.getDatabase(db).listCollectionNames()) {
                for (Document d : mongo.getDatabase(db).getCollection(collection).find()) {
                    all.append(d.toJson()).append('\n');
                }
            }
        }
        return all.toString();
    }
}
