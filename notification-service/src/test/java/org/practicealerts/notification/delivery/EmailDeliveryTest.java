package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxEntry.State;

/** Email through real SMTP (GreenMail), with the mail server away for several minutes of (test) time. */
class EmailDeliveryTest {

    final DeliveryRig rig = new DeliveryRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void deliversEveryEmailExactlyOnceThroughASeveralMinuteSmtpOutage() {
        List<OutboxEntry> entries = IntStream.range(0, 20).mapToObj(i -> rig.email("ev-" + i, "person-" + i)).toList();
        rig.store.insertNew(entries);
        rig.stopGreenMail();

        for (int minute = 0; minute < 6; minute++) {
            rig.dispatcher.drain();
            rig.clock.advance(Duration.ofMinutes(1));
        }
        assertThat(rig.store.count(State.SENT)).isZero();
        assertThat(rig.store.count(State.PENDING)).isEqualTo(20);
        assertThat(rig.counter("notifications.retried", "email")).isGreaterThanOrEqualTo(40);

        rig.startGreenMail();
        for (int minute = 0; minute < 30 && rig.store.count(State.SENT) < 20; minute++) {
            rig.clock.advance(Duration.ofMinutes(1));
            rig.dispatcher.drain();
        }

        assertThat(rig.store.count(State.SENT)).isEqualTo(20);
        assertThat(rig.mailsById()).hasSize(20).allSatisfy((id, n) -> assertThat(n).as(id).isEqualTo(1));
        assertThat(rig.counter("notifications.sent", "email")).isEqualTo(20);
        assertThat(rig.store.get(entries.get(0).id()).orElseThrow().attempts()).isGreaterThan(1);
    }

    @Test
    void aRedeliveredEventInsertsNothingNewAndSendsNothingTwice() {
        OutboxEntry e = rig.email("ev-dup", "tm-north");
        rig.store.insertNew(List.of(e));
        rig.dispatcher.drain();
        rig.store.insertNew(List.of(e));
        rig.clock.advance(Duration.ofHours(1));
        rig.dispatcher.drain();

        assertThat(rig.store.get(e.id()).orElseThrow().state()).isEqualTo(State.SENT);
        assertThat(rig.mailsById()).containsExactly(java.util.Map.entry(e.id(), 1));
    }

    @Test
    void retriesBackOffExponentiallyWithJitter() {
        Duration previousCap = Duration.ZERO;
        for (int attempt = 1; attempt <= 5; attempt++) {
            Duration cap = Duration.ofSeconds(30).multipliedBy(1L << (attempt - 1));
            Duration d = rig.dispatcher.backoff(attempt);
            assertThat(d).isBetween(cap.dividedBy(2), cap);
            assertThat(cap).isGreaterThan(previousCap);
            previousCap = cap;
        }
        assertThat(rig.dispatcher.backoff(6)).as("capped").isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
        assertThat(rig.dispatcher.backoff(40)).isBetween(Duration.ofMinutes(5), Duration.ofMinutes(10));
    }
}
