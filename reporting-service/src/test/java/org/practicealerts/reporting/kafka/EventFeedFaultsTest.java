package org.practicealerts.reporting.kafka;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.FailOnce;
import org.practicealerts.embedded.TopicProbe;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.Urgency;
import org.practicealerts.reporting.TestInfra;
import org.practicealerts.reporting.domain.AlertRecord;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.DeadLetters;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The reporting feed facing a garbage record, then a failure while applying an event: the garbage is kept in the
 * dead letters and passed over, the feed reconnects and carries on from where it was (no rebuild from the
 * beginning), and both good events are in the projection.
 */
@SpringBootTest
@ActiveProfiles("embedded")
class EventFeedFaultsTest {

    /** The first {@code apply} about the armed alert fails as a MongoDB outage would. */
    static final FailOnce FAIL = new FailOnce(LiveProjection.class, "apply", (call, id) -> call.getArguments().length == 2
            && ((List<?>) call.getArgument(0)).stream().anyMatch(e -> id.equals(((PracticeEvent) e).aggregateId())));

    @TestConfiguration
    static class FailingOnce {
        @Bean
        static BeanPostProcessor failOnce() {
            return FAIL.postProcessor();
        }
    }

    private static final String EVENTS = "feed-faults.alert-events";
    private static final Path DATA = tempDir();

    @Autowired
    LiveProjection live;
    @Autowired
    EventFeed feed;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry r) {
        r.add("spring.kafka.bootstrap-servers", TestInfra::bootstrap);
        r.add("spring.mongodb.uri", () -> TestInfra.mongoUri() + "/reporting_feed_faults_test");
        r.add("practice-alerts.mongo-database", () -> "reporting_feed_faults_test");
        r.add("practice-alerts.topics.events", () -> EVENTS);
        r.add("practice-alerts.topics.directory", () -> "feed-faults.directory");
        r.add("EMBEDDED_DATA_DIR", DATA::toString);
    }

    static AlertRaised raised(String alertId) {
        return new AlertRaised(UUID.randomUUID().toString(), alertId, Instant.parse("2026-03-02T10:00:00Z"), 1,
                "PA-2026-8", new PolicyRef("p", 1), "C-1", List.of(), PlanType.CHILD_WE_CARE_FOR, "team-north",
                "iro-1", "IRO", "X", List.of(), "s", "i", "v", List.of(), Urgency.ROUTINE, false, null, null, 1, null,
                new Assignment("tm-north", "TEAM_MANAGER", null),
                new StageDeadlines(Instant.parse("2026-03-09T17:00:00Z"), null), Instant.parse("2026-03-30T17:00:00Z"),
                List.of(), AlertStatus.AWAITING_RESPONSE);
    }

    @Test
    void aGarbageRecordIsDeadLetteredAndAFailureWhileApplyingResumesWhereTheFeedWasWithoutARebuild() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> feed.status().caughtUp());
        String failing = UUID.randomUUID().toString();
        String next = UUID.randomUUID().toString();
        FAIL.arm(failing);
        TopicProbe probe = new TopicProbe(TestInfra.bootstrap());
        String garbageKey = "garbage-" + UUID.randomUUID();

        probe.publish(EVENTS, garbageKey, "<xml/>".getBytes(StandardCharsets.UTF_8));
        probe.publish(EVENTS, failing, EventJson.writeBytes(raised(failing)));
        probe.publish(EVENTS, next, EventJson.writeBytes(raised(next)));

        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> {
            List<String> ids = live.read(p -> p.alerts().stream().map(AlertRecord::alertId).toList());
            assertThat(ids).contains(failing, next);
        });
        assertThat(FAIL.failed()).isTrue();
        assertThat(feed.status().lastRebuildAt()).as("carried on, not rebuilt").isNull();
        assertThat(probe.readAll(new ConsumerGroup(EventFeed.GROUP).deadLetterTopic()))
                .filteredOn(r -> garbageKey.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, DeadLetters.FAULT)).endsWith("UnreadableRecord"));
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("feed-faults");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
