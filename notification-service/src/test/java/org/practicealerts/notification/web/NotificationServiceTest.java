package org.practicealerts.notification.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.FailOnce;
import org.practicealerts.embedded.TopicProbe;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.TestInfra;
import org.practicealerts.notification.outbox.InboxStore;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxStore;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.DeadLetters;
import org.practicealerts.support.DevSigningKey;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole service in its embedded default, on the test JVM's broker and MongoDB: directory records and an alert
 * event on Kafka become a mail in the in-JVM SMTP server, a card in the local sink and inbox entries; the REST
 * views (inbox, acknowledge, delivery log, failures), the dev viewers, health and metrics, each with its roles.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ActiveProfiles("embedded")
class NotificationServiceTest {

    /** The first {@code insertNew} about the armed alert fails as a MongoDB outage would. */
    static final FailOnce FAIL = new FailOnce(OutboxStore.class, "insertNew", (call, id) -> ((List<?>) call.getArgument(0)).stream()
            .anyMatch(e -> ((OutboxEntry) e).alertId().equals(id)));

    @TestConfiguration
    static class FailingOnce {
        @Bean
        static BeanPostProcessor failOnce() {
            return FAIL.postProcessor();
        }
    }

    static final Path DATA = tempDir();
    static final int SMTP_PORT = freePort();
    static final String EVENTS = "nst.alert-events";
    static final String DIRECTORY = "nst.directory";
    static KafkaTemplate<String, byte[]> kafka;

    @Autowired
    WebTestClient web;
    @Autowired
    OutboxStore outbox;
    @Autowired
    InboxStore inbox;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry r) {
        r.add("spring.kafka.bootstrap-servers", TestInfra::bootstrap);
        r.add("spring.mongodb.uri", () -> TestInfra.mongoUri() + "/notify_service_test");
        r.add("practice-alerts.mongo-database", () -> "notify_service_test");
        r.add("practice-alerts.topics.events", () -> EVENTS);
        r.add("practice-alerts.topics.directory", () -> DIRECTORY);
        r.add("practice-alerts.topics.partitions", () -> "2");
        r.add("practice-alerts.notification.embedded.smtp-port", () -> SMTP_PORT);
        r.add("EMBEDDED_DATA_DIR", DATA::toString);
    }

    @BeforeAll
    static void directoryAndEvent() throws Exception {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfra.bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(p, new StringSerializer(), new ByteArraySerializer()));
        person("tm-north", "EMAIL", null, "sm-north");
        person("sm-north", "EMAIL", null, null);
        person("tm-south", "EMAIL", null, null);
        person("tm-duty", "EMAIL", null, "sm-north");
        person("iro-1", "TEAMS", null, null);
        person("irs-sm", "DIGEST", null, null);
        kafka.send(DIRECTORY, "TEAM:team-north", json("{\"id\":\"team-north\",\"name\":\"North\",\"managerId\":\"tm-north\",\"version\":1}")).get();
        kafka.send(new ProducerRecord<>(EVENTS, CONCERN, EventJson.writeBytes(raised("ev-nst-concern", CONCERN, "tm-duty", true))))
                .get();
        kafka.send(new ProducerRecord<>(EVENTS, ALERT, EventJson.writeBytes(raised()))).get();
        // At-least-once: the same event again (a producer retry, a replay) must tell nobody twice.
        kafka.send(new ProducerRecord<>(EVENTS, ALERT, EventJson.writeBytes(raised()))).get();
        kafka.send(new ProducerRecord<>(EVENTS, IMMEDIATE_RISK, EventJson.writeBytes(immediateRisk()))).get();
    }

    @AfterAll
    static void closeKafka() {
        kafka.destroy();
    }

    static final String ALERT = "7a1b2c3d-0000-4000-8000-000000000007";
    /** A competence concern about the same team, answered by the duty manager (who also reports to sm-north). */
    static final String CONCERN = "7a1b2c3d-0000-4000-8000-000000000008";
    /** An immediate risk of harm raised under seed 000. */
    static final String IMMEDIATE_RISK = "7a1b2c3d-0000-4000-8000-000000000009";
    static final String URGENT = "URGENT \u2013 immediate risk: ";

    @Test
    void anAlertRaisedOnKafkaIsMailedCardedAndInTheInbox() {
        String admin = token("admin-1", "ADMIN");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(outbox.forAlert(ALERT))
                .extracting(OutboxEntry::state).containsOnly(OutboxEntry.State.SENT).hasSize(2));

        List<Map<String, Object>> mail = web.get().uri("/dev/mail").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(mail).filteredOn(m -> "tm-north@demo-council.example".equals(m.get("to"))).hasSize(1);
        assertThat(mail).anySatisfy(m -> {
            assertThat(m.get("to")).isEqualTo("tm-north@demo-council.example");
            assertThat(m.get("subject")).isEqualTo("New practice alert PA-2026-000007 at stage 1");
            assertThat((String) m.get("id")).as("the outbox id, to recognise duplicates").endsWith(":tm-north:EMAIL");
            assertThat((String) m.get("text")).contains("record your response");
        });
        assertThat(sink(admin)).filteredOn(c -> ((String) c.get("id")).startsWith("ev-nst-raised:"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("name")).isEqualTo("iro-1");
                    assertThat((String) c.get("id")).endsWith(":iro-1:TEAMS");
                    assertThat((String) c.get("body")).contains("\"type\":\"message\"",
                            "application/vnd.microsoft.card.adaptive", "PA-2026-000007");
                });

        web.get().uri("/api/v1/alerts/" + ALERT + "/notifications").headers(h -> h.setBearerAuth(token("sm-north", "SERVICE_MANAGER")))
                .exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].state").isEqualTo("SENT").jsonPath("$[0].attempts").isEqualTo(1)
                .jsonPath("$[0].destination").doesNotExist();
        web.get().uri("/api/v1/alerts/" + ALERT + "/notifications").headers(h -> h.setBearerAuth(token("sw-north", "SOCIAL_WORKER")))
                .exchange().expectStatus().isForbidden();
    }

    /**
     * Seed 000's immediate risk: the child's service manager (sm-north, who answers stage 2) and the chair service's
     * service manager (irs-sm, who chose the morning digest) are each told once, at once, marked urgent, with every
     * reason they are named for, the immediate risk first.
     */
    @Test
    void anImmediateRiskUnderSeed000TellsEachServiceManagerOnceUrgentlyWithEveryReasonAndNobodyWaitsForADigest() {
        String admin = token("admin-1", "ADMIN");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(outbox.forAlert(IMMEDIATE_RISK))
                .extracting(OutboxEntry::state).containsOnly(OutboxEntry.State.SENT).hasSize(3));

        assertThat(outbox.forAlert(IMMEDIATE_RISK)).extracting(o -> o.recipient() + ":" + o.channel())
                .containsExactlyInAnyOrder("sm-north:EMAIL", "irs-sm:EMAIL", "irs-sm:TEAMS");
        assertThat(outbox.forAlert(IMMEDIATE_RISK)).allSatisfy(o -> {
            assertThat(o.told().urgent()).isTrue();
            assertThat(o.told().urgency()).isEqualTo(Urgency.IMMEDIATE_RISK);
            assertThat(o.told().reasons()).hasSize(2).first().asString().startsWith("IMMEDIATE_RISK_");
        });

        List<Map<String, Object>> mail = web.get().uri("/dev/mail").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();
        assertThat(mail).filteredOn(m -> ((String) m.get("id")).startsWith("ev-nst-immediate:"))
                .extracting(m -> (String) m.get("to"))
                .containsExactlyInAnyOrder("sm-north@demo-council.example", "irs-sm@demo-council.example");
        assertThat(mail).filteredOn(m -> "sm-north@demo-council.example".equals(m.get("to"))).singleElement()
                .satisfies(m -> {
                    assertThat(m.get("subject")).isEqualTo(URGENT + "New practice alert PA-2026-000009 at stage 2");
                    assertThat((String) m.get("text")).containsSubsequence("Urgency: Immediate risk of harm",
                            "For your information", "as the service manager for the team involved.",
                            "You are the service manager for the team involved.");
                });
        // irs-sm chose the daily digest; the immediate risk reaches them at once all the same.
        assertThat(mail).filteredOn(m -> "irs-sm@demo-council.example".equals(m.get("to"))
                        && ((String) m.get("subject")).startsWith(URGENT)).singleElement()
                .satisfies(m -> assertThat((String) m.get("text")).containsSubsequence("record your response",
                        "as the raiser's service manager.", "You are the responder at this stage."));
        assertThat(sink(admin)).filteredOn(c -> ((String) c.get("id")).startsWith("ev-nst-immediate:"))
                .singleElement().satisfies(c -> {
                    assertThat(c.get("name")).isEqualTo("irs-sm");
                    assertThat((String) c.get("body")).contains("\"style\":\"attention\"", URGENT);
                });

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> web.get().uri("/api/v1/notifications")
                .headers(h -> h.setBearerAuth(token("sm-north", "SERVICE_MANAGER"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].urgent").isEqualTo(true)
                .jsonPath("$[0].urgency").isEqualTo("IMMEDIATE_RISK")
                .jsonPath("$[0].reasons[0]").isEqualTo("IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER")
                .jsonPath("$[0].reasons[1]").isEqualTo("CHILDS_SERVICE_MANAGER")
                .jsonPath("$[0].title").value(t -> assertThat((String) t).startsWith(URGENT)));
        assertThat(inbox.forRecipient("irs-sm", true, 10)).singleElement().satisfies(i -> {
            assertThat(i.told().urgent()).isTrue();
            assertThat(i.told().reasons()).containsExactly("IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER", "RESPONDER");
        });
    }

    @Test
    void aManagerAboveTheResponderSeesWhoWasToldOfACompetenceConcernAndAnAdminOnlyHowDeliveryWent() {
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(outbox.forAlert(CONCERN))
                .extracting(OutboxEntry::state).containsOnly(OutboxEntry.State.SENT).hasSize(2));

        web.get().uri("/api/v1/alerts/" + CONCERN + "/notifications")
                .headers(h -> h.setBearerAuth(token("sm-north", "SERVICE_MANAGER"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$[*].recipient").value(r -> assertThat((List<Object>) r)
                        .containsExactlyInAnyOrder("tm-duty", "iro-1"));
        web.get().uri("/api/v1/alerts/" + CONCERN + "/notifications")
                .headers(h -> h.setBearerAuth(token("admin-1", "ADMIN"))).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].state").isEqualTo("SENT").jsonPath("$[0].recipient").doesNotExist()
                .jsonPath("$[0].reason").doesNotExist();
    }

    @Test
    void anotherTeamsManagerIsToldTheAlertDoesNotExist() {
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(outbox.forAlert(ALERT)).isNotEmpty());

        web.get().uri("/api/v1/alerts/" + ALERT + "/notifications")
                .headers(h -> h.setBearerAuth(token("tm-south", "TEAM_MANAGER"))).exchange().expectStatus().isNotFound();
    }

    @Test
    void aPersonReadsAndAcknowledgesTheirOwnInbox() {
        String tm = token("tm-north", "TEAM_MANAGER");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> web.get().uri("/api/v1/notifications?recipient=me")
                .headers(h -> h.setBearerAuth(tm)).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(1));
        String id = "ev-nst-raised:tm-north";
        web.post().uri("/api/v1/notifications/" + id + "/acknowledge").headers(h -> h.setBearerAuth(token("iro-1", "IRO")))
                .exchange().expectStatus().isNotFound();
        web.post().uri("/api/v1/notifications/" + id + "/acknowledge").headers(h -> h.setBearerAuth(tm))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.acknowledgedAt").isNotEmpty();
        web.get().uri("/api/v1/notifications?recipient=me").headers(h -> h.setBearerAuth(tm)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        web.get().uri("/api/v1/notifications?recipient=iro-1").headers(h -> h.setBearerAuth(tm)).exchange()
                .expectStatus().isForbidden();
    }

    @Test
    void failuresAreForAdminsAndEverythingButHealthNeedsAToken() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("UP");
        web.get().uri("/api/v1/notifications").exchange().expectStatus().isUnauthorized();
        web.get().uri("/dev/mail").exchange().expectStatus().isUnauthorized();
        web.get().uri("/api/v1/admin/notifications/failed").headers(h -> h.setBearerAuth(token("tm-north", "TEAM_MANAGER")))
                .exchange().expectStatus().isForbidden();
        web.get().uri("/api/v1/admin/notifications/failed").headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(0);
        web.post().uri("/api/v1/admin/notifications/nope/retry").headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void prometheusShowsSentFailedRetriedAndQueueAgeByChannel() {
        String metrics = web.get().uri("/actuator/prometheus").headers(h -> h.setBearerAuth(token("admin-1", "ADMIN")))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("notifications_sent_total{", "notifications_failed_total{",
                "notifications_retried_total{", "notifications_queue_age_seconds{", "channel=\"email\"",
                "channel=\"teams\"");
    }

    static void person(String id, String preference, String webhook, String managerId) throws Exception {
        String json = "{\"id\":\"" + id + "\",\"displayName\":\"Staff " + id + "\",\"email\":\"" + id
                + "@demo-council.example\",\"teamsWebhook\":" + (webhook == null ? "null" : "\"" + webhook + "\"")
                + ",\"roles\":[\"TEAM_MANAGER\"],\"teamId\":\"team-north\",\"managerId\":"
                + (managerId == null ? "null" : "\"" + managerId + "\"") + ",\"active\":true,"
                + "\"preference\":\"" + preference + "\",\"version\":1}";
        kafka.send(DIRECTORY, "PERSON:" + id, json(json)).get();
    }

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void garbageOnEitherTopicIsDeadLetteredAnEventMeetingAnOutageIsRetriedAndTheNextEventIsStillDelivered()
            throws Exception {
        String failing = "7a1b2c3d-0000-4000-8000-0000000000f1";
        String next = "7a1b2c3d-0000-4000-8000-0000000000f2";
        FAIL.arm(failing);
        TopicProbe probe = new TopicProbe(TestInfra.bootstrap());

        probe.publish(EVENTS, "garbage-event", "\u0000\u0001 not JSON".getBytes(StandardCharsets.UTF_8));
        probe.publish(DIRECTORY, "PERSON:garbage", "[1,2".getBytes(StandardCharsets.UTF_8));
        probe.publish(EVENTS, failing, EventJson.writeBytes(raised("ev-nst-f1", failing, "tm-south", false)));
        probe.publish(EVENTS, next, EventJson.writeBytes(raised("ev-nst-f2", next, "tm-south", false)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(outbox.forAlert(failing)).as("stored once MongoDB answered again").isNotEmpty();
            assertThat(outbox.forAlert(next)).isNotEmpty();
        });
        assertThat(FAIL.failed()).isTrue();
        assertThat(probe.readAll(new ConsumerGroup("notification-service").deadLetterTopic()))
                .filteredOn(r -> "garbage-event".equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, DeadLetters.FAULT)).endsWith("UnreadableRecord"));
        assertThat(probe.readAll(new ConsumerGroup("notification-directory").deadLetterTopic()))
                .filteredOn(r -> "PERSON:garbage".equals(r.key())).singleElement()
                .satisfies(r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).isEqualTo("[1,2"));
    }

    static AlertRaised raised() {
        return raised("ev-nst-raised", ALERT, "tm-north", false);
    }

    /**
     * As the alert-service raises it under seed 000 (version 3) with an immediate risk: at stage 2, where the chair
     * service's service manager (irs-sm, the raiser's) makes the 24-hour contact with the child's service manager
     * (sm-north), and both are told of the risk at once (RaisingAnAlertTest has the same recipients from the aggregate).
     */
    static AlertRaised immediateRisk() {
        return new AlertRaised("ev-nst-immediate", IMMEDIATE_RISK, java.time.Instant.parse("2026-11-24T09:00:00Z"), 1,
                "PA-2026-000009", new PolicyRef("seed-000-cpc-urgent-practice", 3), "MOSAIC-123456", List.of(),
                PlanType.CHILD_PROTECTION, "team-north", "cpc-1", "CPC", "CP_CONCERNS_NOT_RESPONDED",
                List.of("CP_CONCERNS_NOT_RESPONDED"), "summary", "impact", "voice", List.of(), Urgency.IMMEDIATE_RISK,
                false, null, null, 2, null, new Assignment("irs-sm", "SERVICE_MANAGER", null),
                new StageDeadlines(java.time.Instant.parse("2026-11-25T09:00:00Z"), null), null,
                List.of(Recipient.of("irs-sm", List.of(RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER,
                                RecipientReason.RESPONDER)),
                        Recipient.of("sm-north", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER,
                                RecipientReason.CHILDS_SERVICE_MANAGER))), AlertStatus.AWAITING_RESPONSE);
    }

    List<Map<String, Object>> sink(String admin) {
        return web.get().uri("/dev/teams-sink").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { }).returnResult()
                .getResponseBody();
    }

    static AlertRaised raised(String eventId, String alertId, String responder, boolean competenceConcern) {
        return new AlertRaised(eventId, alertId, java.time.Instant.parse("2026-11-24T09:00:00Z"), 1,
                "PA-2026-000007", new PolicyRef("default", 1), "MOSAIC-123456", List.of(), PlanType.CHILD_PROTECTION,
                "team-north", "iro-1", "IRO", "DRIFT", List.of("DRIFT"), "summary", "impact", "voice", List.of(),
                Urgency.ROUTINE, competenceConcern, null, null, 1, null, new Assignment(responder, "TEAM_MANAGER", null),
                new StageDeadlines(java.time.Instant.parse("2026-12-01T17:00:00Z"), null), null,
                List.of(new Recipient(responder, RecipientReason.RESPONDER),
                        new Recipient("iro-1", RecipientReason.RAISER)), AlertStatus.AWAITING_RESPONSE);
    }

    static String token(String subject, String... roles) {
        return DevSigningKey.issue(DevSigningKey.loadOrCreate(DATA.resolve("dev-jwt-key.json")), subject,
                List.of(roles), Duration.ofMinutes(5));
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("notification-ops");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aDeliveryLogForSomethingThatIsNotAnAlertIdIsABadRequestNamingIt() {
        web.get().uri("/api/v1/alerts/{id}/notifications", "<script>")
                .headers(h -> h.setBearerAuth(token("admin-1", "ADMIN"))).exchange().expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("alertId");
    }

    @Test
    void theFaultSwitchTakesSmtpDownAndFailsTheSinkAndTheMailViewerKeepsWhatArrivedBefore() {
        String admin = token("admin-1", "ADMIN");
        await().atMost(Duration.ofSeconds(40)).untilAsserted(() -> assertThat(outbox.forAlert(ALERT))
                .extracting(OutboxEntry::state).containsOnly(OutboxEntry.State.SENT));
        web.post().uri("/dev/faults").headers(h -> h.setBearerAuth(token("tm-north", "TEAM_MANAGER")))
                .bodyValue(Map.of("smtpDown", true)).exchange().expectStatus().isForbidden();
        try {
            web.post().uri("/dev/faults").headers(h -> h.setBearerAuth(admin))
                    .bodyValue(Map.of("smtpDown", true, "teamsStatus", 503)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.smtpDown").isEqualTo(true).jsonPath("$.teamsStatus").isEqualTo(503);
            web.post().uri("/dev/teams-sink/anyone").bodyValue("{}").exchange().expectStatus().isEqualTo(503);
            web.get().uri("/dev/mail").headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$[?(@.to == 'tm-north@demo-council.example')]").exists();
        } finally {
            web.post().uri("/dev/faults").headers(h -> h.setBearerAuth(admin))
                    .bodyValue(Map.of("smtpDown", false, "teamsStatus", 202)).exchange().expectStatus().isOk()
                    .expectBody().jsonPath("$.smtpDown").isEqualTo(false).jsonPath("$.teamsStatus").isEqualTo(202);
        }
    }
}
