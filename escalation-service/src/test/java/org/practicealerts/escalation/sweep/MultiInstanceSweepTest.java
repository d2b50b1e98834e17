package org.practicealerts.escalation.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.escalation.kafka.CommandPublisher;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.DeadlineKind;

/**
 * Three instances against one MongoDB and one broker, thousands of deadlines falling due together: each is sent
 * once and none is lost, even though one instance dies in the middle of the sweep holding claims.
 */
class MultiInstanceSweepTest {

    @Test
    void threeInstancesFireEachOfThousandsOfDueDeadlinesOnceEvenWhenOneDiesMidSweep() throws Exception {
        String db = "sweep_" + System.nanoTime();
        String topic = "commands-" + System.nanoTime();
        int n = 2000;
        // Shorter than the service's 30 s so the dead instance's claims come back quickly, but longer than one
        // instance takes to send a claimed batch of ~2,000 on a loaded two-core CI machine: at 3 s a live
        // instance's batch was still in flight when another re-claimed it, and one command went out twice.
        Duration lease = Duration.ofSeconds(10);

        // The instance that dies: it sends 100 commands, then every send fails (its process is gone) and it stops.
        AtomicInteger sentByDoomed = new AtomicInteger();
        CommandPublisher dying = new CommandPublisher(SweepRig.template(), SweepRig.platform(db, topic)) {
            @Override
            public java.util.concurrent.CompletableFuture<?> sendAsync(DeadlineCommand command) {
                if (sentByDoomed.incrementAndGet() > 100) {
                    return java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("killed"));
                }
                return super.sendAsync(command);
            }
        };
        try (SweepRig.Instance doomed = SweepRig.instance(db, topic, "doomed", 2, lease, dying);
             SweepRig.Instance b = SweepRig.instance(db, topic, "b", 2, lease, null);
             SweepRig.Instance c = SweepRig.instance(db, topic, "c", 2, lease, null)) {
            List<Deadline> due = new ArrayList<>();
            Instant now = Instant.now();
            for (int i = 0; i < n; i++) {
                due.add(new Deadline("alert-" + i, DeadlineKind.RESPONSE, 1, now.minusMillis(i % 500), null));
            }
            b.store().scheduleNew(due);

            doomed.sweeper().start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> sentByDoomed.get() > 110);
            doomed.sweeper().stop(); // killed mid-sweep, still holding the claims it could not send
            b.sweeper().start();
            c.sweeper().start();

            Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> b.store().dueNext(1).isEmpty());
            Map<String, Integer> commands = SweepRig.commandsOn(topic, n, Duration.ofSeconds(60));
            assertThat(commands).hasSize(n);
            assertThat(commands.values()).allMatch(times -> times == 1);
        }
    }
}
