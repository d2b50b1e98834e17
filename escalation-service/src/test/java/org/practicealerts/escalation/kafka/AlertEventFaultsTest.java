package org.practicealerts.escalation.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.FailOnce;
import org.practicealerts.embedded.TopicProbe;
import org.practicealerts.escalation.domain.DeadlineChange;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.escalation.sweep.TestInfra;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.Urgency;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.DeadLetters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The escalation-service's event consumer facing a garbage record, then an event whose first try meets a MongoDB
 * failure: the garbage is kept in the dead letters, the failing event is tried again and scheduled, and the next
 * event is scheduled too. Nothing is lost, nothing blocks the partition.
 */
@SpringBootTest
@ActiveProfiles("embedded")
class AlertEventFaultsTest {

    /** The first {@code apply} about the armed alert fails as a MongoDB outage would. */
    static final FailOnce FAIL = new FailOnce(DeadlineStore.class, "apply",
            (call, id) -> call.getArgument(0).toString().contains(id));

    @TestConfiguration
    static class FailingOnce {
        @Bean
        static BeanPostProcessor failOnce() {
            return FAIL.postProcessor();
        }
    }

    private static final String EVENTS = "faults-test.escalation.alert-events";
    private static final Path DATA = tempDir();
    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    @Autowired
    DeadlineStore store;
    @Autowired
    MeterRegistry metrics;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry r) {
        r.add("spring.kafka.bootstrap-servers", TestInfra::bootstrap);
        r.add("spring.mongodb.uri", () -> TestInfra.mongoUri() + "/escalation_faults_test");
        r.add("practice-alerts.mongo-database", () -> "escalation_faults_test");
        r.add("practice-alerts.topics.events", () -> EVENTS);
        r.add("EMBEDDED_DATA_DIR", DATA::toString);
    }

    static AlertRaised raised(String alertId) {
        return new AlertRaised(UUID.randomUUID().toString(), alertId, T0, 1, "PA-2026-9", new PolicyRef("p", 1),
                "C-1", List.of(), PlanType.CHILD_WE_CARE_FOR, "team-north", "iro-1", "IRO", "X", List.of(), "s", "i",
                "v", List.of(), Urgency.ROUTINE, false, null, null, 1, null,
                new Assignment("tm-north", "TEAM_MANAGER", null),
                new StageDeadlines(Instant.parse("2026-03-09T17:00:00Z"), null), Instant.parse("2026-03-30T17:00:00Z"),
                List.of(), AlertStatus.AWAITING_RESPONSE);
    }

    @Test
    void aGarbageRecordIsDeadLetteredAnEventThatMeetsAnOutageIsRetriedAndTheNextEventIsScheduled() {
        String failing = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        FAIL.arm(failing);
        TopicProbe probe = new TopicProbe(TestInfra.bootstrap());
        String garbageKey = "garbage-" + UUID.randomUUID();

        probe.publish(EVENTS, garbageKey, "{not an event".getBytes(StandardCharsets.UTF_8));
        probe.publish(EVENTS, failing, EventJson.writeBytes(raised(failing)));
        probe.publish(EVENTS, next, EventJson.writeBytes(raised(next)));

        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(store.forAlert(failing)).as("retried after the outage").isNotEmpty();
            assertThat(store.forAlert(next)).isNotEmpty();
        });
        assertThat(FAIL.failed()).isTrue();
        List<ConsumerRecord<String, byte[]>> dead = probe
                .readAll(new ConsumerGroup(AlertEventListener.GROUP).deadLetterTopic()).stream()
                .filter(r -> garbageKey.equals(r.key())).toList();
        assertThat(dead).singleElement().satisfies(r -> {
            assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("{not an event");
            assertThat(TopicProbe.header(r, DeadLetters.ORIGINAL_TOPIC)).isEqualTo(EVENTS);
            assertThat(TopicProbe.header(r, DeadLetters.FAULT)).endsWith("UnreadableRecord");
        });
        assertThat(metrics.get("consumer.dead.letters").tag("group", AlertEventListener.GROUP).counter().count())
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.get("consumer.retries").tag("group", AlertEventListener.GROUP).tag("fault", "transient")
                .counter().count()).isGreaterThanOrEqualTo(1);
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("escalation-faults");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
