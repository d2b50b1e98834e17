package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxEntry.State;

/**
 * Sustained delivery rate from the outbox (MongoDB wire stand-in) to GreenMail and to a local webhook sink, rate
 * limits set out of the way. Run: {@code ./mvnw -B -ntp -pl notification-service verify -Pbenchmark}.
 */
@Tag("benchmark")
class DeliveryBenchmark {

    static final int MESSAGES = Integer.getInteger("notification.benchmark.messages", 2000);

    final DeliveryRig rig = new DeliveryRig(Duration.ofSeconds(60), 8, Duration.ofSeconds(5), 1_000_000);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void emailsPerSecondToGreenMail() {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            entries.add(rig.email("bench-" + i, "person-" + (i % 50)));
        }
        double rate = run(entries);
        assertThat(rig.mailsById()).hasSize(MESSAGES);
        System.out.printf("BENCHMARK email: %d messages, %.0f messages/s%n", MESSAGES, rate);
    }

    @Test
    void cardsPerSecondToAWebhookSink() {
        List<OutboxEntry> entries = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            OutboxEntry c = rig.card("bench-" + i, "person-" + (i % 50));
            // 50 people, 50 webhooks: the dispatcher serves different destinations in parallel.
            entries.add(new OutboxEntry(c.id(), c.eventId(), c.alertId(), c.eventType(), c.recipient(), c.told(),
                    Channel.TEAMS, c.destination() + "/" + c.recipient(), null, null, null, c.card(), c.state(), 0,
                    c.createdAt(), c.nextAttemptAt(), null, null, null));
        }
        double rate = run(entries);
        assertThat(rig.cardsById()).hasSize(MESSAGES);
        System.out.printf("BENCHMARK teams: %d messages, %.0f messages/s%n", MESSAGES, rate);
    }

    private double run(List<OutboxEntry> entries) {
        for (int i = 0; i < entries.size(); i += 500) {
            rig.store.insertNew(entries.subList(i, Math.min(entries.size(), i + 500)));
        }
        long start = System.nanoTime();
        rig.dispatcher.drain();
        double seconds = (System.nanoTime() - start) / 1e9;
        assertThat(rig.store.count(State.SENT)).isEqualTo(entries.size());
        return entries.size() / seconds;
    }
}
