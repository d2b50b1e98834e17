package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.MongoSocketOpenException;
import com.mongodb.ServerAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxEntry.State;
import org.practicealerts.notification.outbox.OutboxStore;

/**
 * A message sent just as MongoDB goes away is recorded as sent once the database is back, while its claim holds:
 * never left to lapse and be sent a second time (found by the fault suite: a Teams card arrived twice, first behind an
 * outage shorter than the claim's lease, then behind one of five and a half minutes, longer than it).
 */
class SentThroughADatabaseOutageTest {

    DeliveryRig rig = new DeliveryRig();

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
        Dispatcher dispatcher = rig.dispatcher(flaky, "outage", Duration.ofMillis(800), 100);
        flaky.insertNew(java.util.List.of(rig.email("ev-outage", "tm-north")));

        assertThat(dispatcher.drain()).isEqualTo(1);
        rig.clock.advance(Duration.ofDays(1)); // every lease long over: nothing is left to take over
        assertThat(dispatcher.drain()).isZero();

        assertThat(flaky.count(State.SENT)).isEqualTo(1);
        assertThat(rig.mailsById()).hasSize(1).allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void aTeamsCardSentJustBeforeAnOutageLongerThanItsLeaseIsRecordedWhenTheDatabaseIsBackAndPostedOnce() {
        rig.close();
        rig = new DeliveryRig(Duration.ofSeconds(1), 8, Duration.ofMillis(800), 1000);
        long[] downUntil = {0};
        AtomicInteger refused = new AtomicInteger();
        OutboxStore flaky = new OutboxStore(rig.db) {
            @Override
            public boolean markSent(OutboxEntry e, Instant at) {
                if (downUntil[0] == 0) {
                    downUntil[0] = System.nanoTime() + Duration.ofMillis(2_500).toNanos(); // the lease is 1 s
                }
                if (System.nanoTime() < downUntil[0]) {
                    refused.incrementAndGet();
                    throw new MongoSocketOpenException("MongoDB is down", new ServerAddress("mongo"));
                }
                return super.markSent(e, at);
            }
        };
        Dispatcher dispatcher = rig.dispatcher(flaky, "outage", Duration.ofMillis(800), 100);
        flaky.insertNew(java.util.List.of(rig.card("ev-long-outage", "tm-north")));

        assertThat(dispatcher.drain()).isEqualTo(1);
        assertThat(refused).as("the record was refused for longer than the lease").hasValueGreaterThan(3);
        rig.clock.advance(Duration.ofDays(1));
        assertThat(dispatcher.drain()).as("nothing left claimed to take over").isZero();

        assertThat(flaky.count(State.SENT)).isEqualTo(1);
        assertThat(rig.cardsReceived).hasSize(1);
        dispatcher.close();
    }
}
