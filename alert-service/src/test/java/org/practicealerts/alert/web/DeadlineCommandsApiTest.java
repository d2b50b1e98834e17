package org.practicealerts.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.embedded.FailOnce;
import org.practicealerts.embedded.TopicProbe;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.DeadLetters;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.EventJson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The escalation service's commands arrive on a Kafka topic: a missed deadline escalates once however often the
 * command is delivered. A council closure day re-plans the open alert's deadline.
 */
class DeadlineCommandsApiTest extends ApiTestBase {

    /** The first {@code sendAndWait} about the armed alert fails as a MongoDB outage would. */
    static final FailOnce FAIL = new FailOnce(CommandGateway.class, "sendAndWait", (call, id) -> call.getArgument(0) instanceof Commands.EscalateMissedDeadline c && c.alertId().equals(id));

    @TestConfiguration
    static class FailingOnce {
        @Bean
        static BeanPostProcessor failOnce() {
            return FAIL.postProcessor();
        }
    }

    @Autowired
    KafkaTemplate<String, byte[]> kafka;
    @Autowired
    PlatformProperties props;
    @Autowired
    CommandGateway gateway;

    @Test
    void aGarbageCommandIsDeadLetteredAndACommandMeetingAnOutageIsRetriedUntilItEscalates() throws Exception {
        String id = raise("MOSAIC-4003");
        Instant due = Instant.parse(get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectBody(Map.class)
                .returnResult().getResponseBody().get("responseDueAt").toString());
        post("admin-1", "/api/v1/admin/clock", Map.of("setTo", due.plusSeconds(1).toString())).expectStatus().isOk();
        FAIL.arm(id);
        String garbageKey = "garbage-" + UUID.randomUUID();

        kafka.send(new ProducerRecord<>(props.topics().commands(), garbageKey,
                "{\"type\":\"NoSuchCommand\"}".getBytes(StandardCharsets.UTF_8))).get();
        kafka.send(new ProducerRecord<>(props.topics().commands(), id, EventJson.writeBytes(
                new DeadlineCommand.EscalateMissedDeadline(UUID.randomUUID().toString(), id, due.plusSeconds(1), 1,
                        due)))).get();

        Awaitility.await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectBody().jsonPath("$.stage").isEqualTo(2));
        assertThat(FAIL.failed()).isTrue();
        assertThat(new TopicProbe(SharedInfrastructure.kafka().bootstrapServers())
                .readAll(new ConsumerGroup("alert-service-deadline-commands").deadLetterTopic()))
                .filteredOn(r -> garbageKey.equals(r.key())).singleElement()
                .satisfies(r -> assertThat(TopicProbe.header(r, DeadLetters.FAULT)).endsWith("UnreadableRecord"));
    }

    @Test
    void aMissedDeadlineCommandDeliveredTwiceEscalatesOnce() throws Exception {
        String id = raise("MOSAIC-4001");
        Instant due = Instant.parse(get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectBody(Map.class)
                .returnResult().getResponseBody().get("responseDueAt").toString());
        post("admin-1", "/api/v1/admin/clock", Map.of("setTo", due.plusSeconds(1).toString())).expectStatus().isOk();

        DeadlineCommand command = new DeadlineCommand.EscalateMissedDeadline(UUID.randomUUID().toString(), id,
                due.plusSeconds(1), 1, due);
        for (int i = 0; i < 2; i++) {
            kafka.send(new ProducerRecord<>(props.topics().commands(), id, EventJson.writeBytes(command))).get();
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectBody()
                        .jsonPath("$.stage").isEqualTo(2)
                        .jsonPath("$.responder.personId").isEqualTo("sm-north")
                        .jsonPath("$.stages[1].reason").isEqualTo("DEADLINE_MISSED"));
        // Let the duplicate be consumed too, then check it changed nothing.
        kafka.send(new ProducerRecord<>(props.topics().commands(), id, EventJson.writeBytes(command))).get();
        Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectBody()
                        .jsonPath("$.history[*].type").value(types -> assertThat((List<Object>) types)
                                .containsExactly("AlertRaised", "StageEscalated")));
    }

    @Test
    void aClosureDayOnTheDueDateMovesTheOpenAlertsDeadline() {
        String id = raise("MOSAIC-4002");
        Instant due = Instant.parse(get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectBody(Map.class)
                .returnResult().getResponseBody().get("responseDueAt").toString());
        LocalDate dueDate = LocalDate.ofInstant(due, ZoneId.of("Europe/London"));
        post("admin-1", "/api/v1/calendar/days", Map.of("date", dueDate.toString(), "name", "Office move",
                "source", "CLOSURE")).expectStatus().isCreated();
        try {
            Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    get("iro-1", "/api/v1/alerts/{id}", id).exchange().expectBody()
                            .jsonPath("$.history[?(@.type == 'DeadlineRescheduled')].event.kind").value(kinds ->
                                    assertThat((List<Object>) kinds).contains("RESPONSE"))
                            .jsonPath("$.responseDueAt").value(d -> assertThat(Instant.parse(d.toString()))
                                    .isAfter(due)));
        } finally {
            web.delete().uri("/api/v1/calendar/days/{d}", dueDate).headers(h -> h.setBearerAuth(token("admin-1")))
                    .exchange().expectStatus().isNoContent();
        }
    }
}
