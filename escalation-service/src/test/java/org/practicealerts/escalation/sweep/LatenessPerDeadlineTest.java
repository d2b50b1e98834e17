package org.practicealerts.escalation.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.micrometer.core.instrument.Timer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.escalation.kafka.CommandPublisher;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.DeadlineKind;

/**
 * Each deadline's lateness is timed to the broker's acknowledgement of its own command, not to the last of its batch:
 * the metric tells a burst's first and last deadlines apart.
 */
class LatenessPerDeadlineTest {

    @Test
    void eachDeadlineOfABatchIsAsLateAsItsOwnCommandsAcknowledgement() throws Exception {
        String db = "lateness_" + System.nanoTime();
        String topic = "commands-" + System.nanoTime();
        // The broker acknowledges the batch's commands one after another, 300 ms apart.
        AtomicInteger sent = new AtomicInteger();
        CommandPublisher slowAcks = new CommandPublisher(SweepRig.template(), SweepRig.platform(db, topic)) {
            @Override
            public CompletableFuture<?> sendAsync(DeadlineCommand command) {
                long delay = 300L * sent.getAndIncrement();
                return super.sendAsync(command).thenCompose(r -> CompletableFuture.supplyAsync(() -> r,
                        CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)));
            }
        };
        try (SweepRig.Instance instance = SweepRig.instance(db, topic, "a", 1, Duration.ofSeconds(30), slowAcks)) {
            Instant due = Instant.now();
            List<Deadline> batch = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                batch.add(new Deadline("late-" + i, DeadlineKind.RESPONSE, 1, due, null));
            }
            instance.store().scheduleNew(batch);

            instance.sweeper().start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> instance.store().lateness("late-").size() == 3);

            Timer lateness = instance.meters().get("escalation.deadline.lateness").timer();
            assertThat(lateness.count()).isEqualTo(3);
            // acknowledged 0, 300 and 600 ms apart: the latest is some 300 ms later than the mean (a batch timed as
            // one would make them equal)
            assertThat(lateness.max(TimeUnit.MILLISECONDS) - lateness.mean(TimeUnit.MILLISECONDS))
                    .isGreaterThanOrEqualTo(200);
        }
    }
}
