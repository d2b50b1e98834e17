package org.practicealerts.reporting.web;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.JollydayBankHolidays;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.DirectoryEntry;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.events.directory.NonWorkingDay;
import org.practicealerts.events.directory.Person;
import org.practicealerts.events.directory.Team;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.reporting.TestInfra;
import org.practicealerts.reporting.domain.Scenario;
import org.practicealerts.reporting.kafka.EventFeed;
import org.practicealerts.support.DevSigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The service on a real broker, shared by the end-to-end tests (one Spring context): the scenario's events and the
 * directory are published once to the topics, and the projection reads them from the beginning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("embedded")
@Import(ReportingServiceRig.ScenarioClock.class)
abstract class ReportingServiceRig {

    static final Path DATA = tempDir();
    static final String EVENTS = "practice-alerts.alert-events";
    static final String DIRECTORY = "practice-alerts.directory";
    static final List<PracticeEvent> SEEDED = Scenario.events("");
    /**
     * The service's "now" while the scenario is read: the Friday after its last week, so "now", "the seven days to
     * today", the scenario's month (within the last 13) and quarter (within the last 5) stay the same whatever the
     * day the suite runs. The clock ticks from there.
     */
    static final Instant TODAY = Instant.parse("2026-10-09T12:00:00Z");

    @TestConfiguration
    static class ScenarioClock {
        @Bean
        Clock clock() {
            return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), TODAY));
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    EventFeed feed;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry r) {
        r.add("spring.kafka.bootstrap-servers", TestInfra::bootstrap);
        r.add("spring.mongodb.uri", () -> TestInfra.mongoUri() + "/reporting_test");
        r.add("practice-alerts.mongo-database", () -> "reporting_test");
        r.add("practice-alerts.reporting.gauge-refresh", () -> "500ms");
        r.add("practice-alerts.reporting.month-refresh", () -> "1s");
        r.add("EMBEDDED_DATA_DIR", DATA::toString);
    }

    private static boolean published;

    @BeforeAll
    static synchronized void publishScenario() throws Exception {
        if (published) {
            return;
        }
        published = true;
        // Topics exist, with the service's layout, before anything is produced (no auto-creation races).
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrap()))) {
            try {
                admin.createTopics(List.of(new NewTopic(EVENTS, 6, (short) 1),
                        new NewTopic(DIRECTORY, 1, (short) 1).configs(Map.of("cleanup.policy", "compact"))))
                        .all().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                    throw e;
                }
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> admin.describeTopics(List.of(EVENTS, DIRECTORY))
                    .allTopicNames().get().values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null)));
        }
        try (KafkaProducer<String, byte[]> producer = producer()) {
            for (PracticeEvent e : SEEDED) {
                producer.send(new ProducerRecord<>(EVENTS, e.aggregateId(), EventJson.writeBytes(e))).get(10, TimeUnit.SECONDS);
            }
            publish(producer, new Team("team-north", "North", "tm-north"));
            publish(producer, new Team("team-south", "South", "tm-south"));
            publish(producer, person("tm-north", "team-north", "sm-north", Role.TEAM_MANAGER));
            publish(producer, person("tm-south", "team-south", "sm-south", Role.TEAM_MANAGER));
            publish(producer, person("sm-north", null, "hos-children", Role.SERVICE_MANAGER));
            publish(producer, person("sm-south", null, "hos-children", Role.SERVICE_MANAGER));
            publish(producer, person("hos-children", null, "ad-children", Role.HEAD_OF_SERVICE));
            publish(producer, person("ad-children", null, "sd-children", Role.ASSISTANT_DIRECTOR));
            // The council's calendar, as the alert-service publishes it: England and Wales bank holidays.
            for (Holiday h : JollydayBankHolidays.between(2026, 2026)) {
                publish(producer, new NonWorkingDay(h.date(), h.name(), NonWorkingDay.Source.BANK_HOLIDAY));
            }
            publish(producer, person("iro-1", "team-irs", "irs-tm", Role.IRO));
            publish(producer, person("cpc-1", "team-irs", "irs-tm", Role.CPC));
            producer.flush();
        }
    }

    /** Publishes a directory entry as the alert-service does; {@code null} value for a tombstone of {@code key}. */
    static void publish(KafkaProducer<String, byte[]> p, DirectoryEntry entry) throws Exception {
        p.send(new ProducerRecord<>(DIRECTORY, entry.key(), DirectoryJson.writeBytes(entry))).get(10, TimeUnit.SECONDS);
    }

    static void tombstone(KafkaProducer<String, byte[]> p, String key) throws Exception {
        p.send(new ProducerRecord<>(DIRECTORY, key, null)).get(10, TimeUnit.SECONDS);
    }

    static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
    }

    private static Person person(String id, String team, String manager, Role role) {
        // A name as a directory has it ("ad-children" → "Ad Children"), for the reports' "generated by" lines.
        String name = java.util.Arrays.stream(id.split("-")).map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1))
                .collect(java.util.stream.Collectors.joining(" "));
        return new Person(id, name, null, null, Set.of(role), team, manager, true, "EMAIL");
    }

    static String token(String subject, String... roles) {
        return DevSigningKey.issue(DevSigningKey.loadOrCreate(DATA.resolve("dev-jwt-key.json")), subject,
                List.of(roles), Duration.ofMinutes(10));
    }

    void awaitScenario() {
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            EventFeed.Status s = feed.status();
            return s.caughtUp() && !s.rebuilding() && s.applied() == SEEDED.size() - 1;
        });
    }

    String get(String uri, String subject, String... roles) {
        return web.get().uri(uri).headers(h -> h.setBearerAuth(token(subject, roles))).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("reporting-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
