package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxEntry.State;
import org.practicealerts.notification.outbox.OutboxStore;

/**
 * A message sent just as MongoDB goes away is recorded as sent once the database is back, while its claim holds:
 * never left to lapse and be sent a second time (found by the fault suite: a Teams card arrived twice).
 */
class SentThroughADatabaseOutageTest {

    final DeliveryRig rig = new DeliveryRig();

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aMessageSentWhileTheOutboxCannotBeWrittenIsRecordedWhenItCanAndNeverSentAgain() {
        AtomicInteger outage = new AtomicInteger(3);
        OutboxStore flaky = new OutboxStore(rig.db) {
            @Override
            public boolean markSent(OutboxEntry e, Instant at) {
                if (outage.getAndDecrement() > 0) {
                    throw new MongoSocketOpenException("MongoDB is down", new ServerAddress("mongo"));
                }
                return super.markSent(e, at);
            }
        };
        Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
        senders.put(Channel.EMAIL, new EmailSender(rig.mailSender(), "alerts@test.example", "smtp"));
        Dispatcher dispatcher = new Dispatcher(flaky, senders, new RateLimits(100, 100, 100, 100), rig.clock,
                rig.delivery, "outage", new SimpleMeterRegistry(), new Random(7));
        flaky.insertNew(java.util.List.of(rig.email("ev-outage", "tm-north")));

        assertThat(dispatcher.drain()).isEqualTo(1);
        rig.clock.advance(Duration.ofDays(1)); // every lease long over: nothing is left to take over
        assertThat(dispatcher.drain()).isZero();

        assertThat(flaky.count(State.SENT)).isEqualTo(1);
        assertThat(rig.mailsById()).hasSize(1).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }
}
