package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.notification.delivery.DeliveryRig.Reply;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxEntry.State;

/** Teams cards to a local HTTP server scripted as a throttling, failing or slow Workflows webhook. */
class TeamsDeliveryTest {

    DeliveryRig rig = new DeliveryRig();

    @AfterEach
    void close() {
        rig.close();
    }

    private void runUntilAllSent(int expected) {
        for (int i = 0; i < 40 && rig.store.count(State.SENT) < expected; i++) {
            rig.clock.advance(Duration.ofMinutes(1));
            rig.dispatcher.drain();
        }
    }

    @Test
    void honoursRetryAfterWhenTheWebhookThrottles() {
        rig.script.set(n -> n == 1 ? new Reply(429, 120, Duration.ZERO) : Reply.ok());
        List<OutboxEntry> cards = IntStream.range(0, 3).mapToObj(i -> rig.card("ev-" + i, "tm-" + i)).toList();
        rig.store.insertNew(cards);
        Instant throttledAt = rig.clock.instant();

        rig.dispatcher.drain();
        rig.clock.advance(Duration.ofSeconds(119));
        rig.dispatcher.drain();
        assertThat(rig.webhookHits).hasSize(1);

        rig.clock.advance(Duration.ofSeconds(2));
        rig.dispatcher.drain();

        assertThat(rig.webhookHits).hasSize(4);
        assertThat(rig.webhookHits.stream().skip(1))
                .allSatisfy(at -> assertThat(at).isAfterOrEqualTo(throttledAt.plusSeconds(120)));
        assertThat(rig.cardsById()).hasSize(3).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(rig.counter("notifications.retried", "teams")).isEqualTo(1);
    }

    @Test
    void retriesServerErrorsUntilTheCardIsAccepted() {
        rig.script.set(n -> n <= 3 ? new Reply(500, null, Duration.ZERO) : Reply.ok());
        OutboxEntry card = rig.card("ev-500", "tm-north");
        rig.store.insertNew(List.of(card));

        rig.dispatcher.drain();
        runUntilAllSent(1);

        assertThat(rig.store.get(card.id()).orElseThrow().attempts()).isEqualTo(4);
        assertThat(rig.cardsById()).containsExactly(java.util.Map.entry(card.id(), 1));
    }

    @Test
    void aSlowWebhookTimesOutAndIsTriedAgain() {
        rig.script.set(n -> n == 1 ? new Reply(504, null, Duration.ofMillis(1500)) : Reply.ok());
        OutboxEntry card = rig.card("ev-slow", "tm-south");
        rig.store.insertNew(List.of(card));

        rig.dispatcher.drain();
        OutboxEntry afterTimeout = rig.store.get(card.id()).orElseThrow();
        assertThat(afterTimeout.state()).isEqualTo(State.PENDING);
        assertThat(afterTimeout.lastError()).startsWith("timeout");

        runUntilAllSent(1);
        assertThat(rig.cardsById()).containsExactly(java.util.Map.entry(card.id(), 1));
    }

    @Test
    void aRefusedCardIsKeptFailedForAnAdminWhoCanRetryIt() {
        rig.script.set(n -> n == 1 ? new Reply(404, null, Duration.ZERO) : Reply.ok());
        OutboxEntry card = rig.card("ev-404", "sm-north");
        rig.store.insertNew(List.of(card));

        rig.dispatcher.drain();
        rig.clock.advance(Duration.ofHours(2));
        rig.dispatcher.drain();

        assertThat(rig.store.failed(10)).extracting(OutboxEntry::id).containsExactly(card.id());
        assertThat(rig.webhookHits).hasSize(1);
        assertThat(rig.counter("notifications.failed", "teams")).isEqualTo(1);

        assertThat(rig.store.retryFailed(card.id(), rig.clock.instant())).isTrue();
        rig.dispatcher.drain();

        assertThat(rig.store.get(card.id()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(rig.cardsById()).containsExactly(java.util.Map.entry(card.id(), 1));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        rig.close();
        rig = new DeliveryRig(Duration.ofSeconds(30), 3, Duration.ofMillis(800), 1000);
        rig.script.set(n -> new Reply(503, null, Duration.ZERO));
        OutboxEntry card = rig.card("ev-down", "hos-children");
        rig.store.insertNew(List.of(card));

        rig.dispatcher.drain();
        for (int i = 0; i < 10; i++) {
            rig.clock.advance(Duration.ofMinutes(5));
            rig.dispatcher.drain();
        }

        OutboxEntry e = rig.store.get(card.id()).orElseThrow();
        assertThat(e.state()).isEqualTo(State.FAILED);
        assertThat(e.attempts()).isEqualTo(3);
        assertThat(rig.webhookHits).hasSize(3);
    }

    @Test
    void limitsTheRateToOneWebhook() {
        rig.close();
        rig = new DeliveryRig(Duration.ofSeconds(30), 8, Duration.ofMillis(800), 2);
        List<OutboxEntry> cards = IntStream.range(0, 6).mapToObj(i -> rig.card("ev-rate-" + i, "tm-north")).toList();
        rig.store.insertNew(cards);

        rig.dispatcher.drain();
        assertThat(rig.webhookHits).hasSize(2);
        rig.clock.advance(Duration.ofSeconds(1));
        rig.dispatcher.drain();
        assertThat(rig.webhookHits).hasSize(4);
        rig.clock.advance(Duration.ofSeconds(1));
        rig.dispatcher.drain();

        assertThat(rig.cardsById()).hasSize(6).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
        assertThat(rig.counter("notifications.retried", "teams")).isZero();
    }
}
