package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxEntry.State;

/** A dispatcher killed mid-batch: its claims expire and are taken over; what it marked SENT is never sent again. */
class LeaseRecoveryTest {

    final DeliveryRig rig = new DeliveryRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void rowsLeftSendingByACrashedDispatcherAreReclaimedAfterTheLeaseAndSentRowsAreNotResent() throws Exception {
        List<OutboxEntry> entries = IntStream.range(0, 10).mapToObj(i -> rig.email("ev-" + i, "person-" + i)).toList();
        rig.store.insertNew(entries);

        // The "crashed" instance claims all ten, delivers and marks four, then dies.
        List<OutboxEntry> claimed = rig.store.claimDue(rig.clock.instant(), "crashed", Duration.ofSeconds(30), 10);
        assertThat(claimed).hasSize(10);
        EmailSender sender = new EmailSender(rig.mailSender(), "alerts@test.example", "smtp");
        for (OutboxEntry e : claimed.subList(0, 4)) {
            sender.send(e);
            assertThat(rig.store.markSent(e, rig.clock.instant())).isTrue();
        }

        assertThat(rig.dispatcher.drain()).as("claims still held").isZero();
        rig.clock.advance(Duration.ofSeconds(29));
        assertThat(rig.dispatcher.drain()).as("lease not yet over").isZero();

        rig.clock.advance(Duration.ofSeconds(2));
        assertThat(rig.dispatcher.drain()).isEqualTo(6);
        rig.clock.advance(Duration.ofDays(1));
        assertThat(rig.dispatcher.drain()).isZero();

        assertThat(rig.store.count(State.SENT)).isEqualTo(10);
        assertThat(rig.mailsById()).hasSize(10).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
    }

    @Test
    void theCrashedOwnersLateMarkDoesNotTouchARowAnotherSenderTookOver() {
        OutboxEntry e = rig.email("ev-late", "tm-north");
        rig.store.insertNew(List.of(e));
        OutboxEntry stale = rig.store.claimDue(rig.clock.instant(), "slow", Duration.ofSeconds(30), 1).get(0);

        rig.clock.advance(Duration.ofSeconds(31));
        rig.dispatcher.drain();

        assertThat(rig.store.markSent(stale, rig.clock.instant())).isFalse();
        rig.store.markRetry(stale, rig.clock.instant(), "late");
        OutboxEntry now = rig.store.get(e.id()).orElseThrow();
        assertThat(now.state()).isEqualTo(State.SENT);
        assertThat(now.attempts()).isEqualTo(1);
    }

    @Test
    void twoDispatchersDrainingTheSameOutboxSendEachMessageOnce() throws Exception {
        List<OutboxEntry> entries = IntStream.range(0, 200).mapToObj(i -> rig.email("ev-" + i, "person-" + (i % 20))).toList();
        rig.store.insertNew(entries);
        Dispatcher other = rig.dispatcher("other", Duration.ofMillis(800), 1000);
        try {
            var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            var a = pool.submit(rig.dispatcher::drain);
            var b = pool.submit(other::drain);
            int claimed = a.get() + b.get();
            pool.shutdown();

            assertThat(claimed).isEqualTo(200);
            assertThat(rig.store.count(State.SENT)).isEqualTo(200);
            assertThat(rig.mailsById()).hasSize(200).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        } finally {
            other.close();
        }
    }

    @Test
    void aBatchThatOutlivesHalfItsLeaseHandsTheRestBackUnsent() {
        // One webhook, answered slowly while the clock runs: past half the 30 s lease the rest is released.
        rig.script.set(n -> {
            rig.clock.advance(Duration.ofSeconds(10));
            return DeliveryRig.Reply.ok();
        });
        List<OutboxEntry> cards = IntStream.range(0, 5).mapToObj(i -> rig.card("ev-slow-" + i, "tm-north")).toList();
        rig.store.insertNew(cards);

        assertThat(rig.dispatcher.dispatchOnce()).isEqualTo(5);

        assertThat(rig.webhookHits).hasSize(2);
        assertThat(rig.store.count(State.PENDING)).isEqualTo(3);
        assertThat(rig.store.count(State.SENDING)).isZero();
        rig.dispatcher.drain();
        assertThat(rig.cardsById()).hasSize(5).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void deliveredEntriesLeaveTheOutboxAfterTheRetentionButStayInTheDeliveryLogWithoutTheirContent() {
        rig.script.set(n -> new DeliveryRig.Reply(410, null, Duration.ZERO));
        OutboxEntry sent = rig.email("ev-old", "tm-north");
        OutboxEntry failed = rig.card("ev-gone", "tm-south");
        rig.store.insertNew(List.of(sent, failed));
        rig.dispatcher.drain();
        assertThat(rig.store.get(failed.id()).orElseThrow().state()).isEqualTo(State.FAILED);

        assertThat(rig.store.archiveSentBefore(rig.clock.instant().minus(Duration.ofDays(30)))).isZero();
        rig.clock.advance(Duration.ofDays(31));

        assertThat(rig.store.archiveSentBefore(rig.clock.instant().minus(Duration.ofDays(30)))).isEqualTo(1);
        assertThat(rig.store.get(sent.id())).as("out of the outbox").isEmpty();
        assertThat(rig.store.get(failed.id())).isPresent();
        OutboxEntry kept = rig.store.forAlert(sent.alertId()).stream().filter(e -> e.id().equals(sent.id()))
                .findFirst().orElseThrow();
        assertThat(kept.state()).isEqualTo(State.SENT);
        assertThat(kept.sentAt()).isNotNull();
        assertThat(kept.recipient()).isEqualTo("tm-north");
        assertThat(kept.subject()).isNull();
        assertThat(kept.text()).isNull();
        assertThat(kept.destination()).as("an address or a webhook: not evidence").isNull();
        assertThat(rig.store.archiveSentBefore(rig.clock.instant())).as("nothing moves twice").isZero();
    }
}
