package org.practicealerts.escalation.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.escalation.kafka.CommandPublisher;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.DeadlineKind;

/**
 * Deadlines are claimed up to the look ahead before their instant, but each command goes out at its deadline's instant,
 * never before it: the alert-service refuses to escalate a deadline that has not passed.
 */
class ClaimedAheadTest {

    record Sent(DeadlineCommand.EscalateMissedDeadline command, Instant at) {
    }

    /** One instance on its own database and topic, noting each command and the moment it went to the producer. */
    static SweepRig.Instance recording(List<Sent> sent, Clock clock) {
        String db = "ahead_" + System.nanoTime();
        String topic = "commands-" + System.nanoTime();
        CommandPublisher recording = new CommandPublisher(SweepRig.template(), SweepRig.platform(db, topic)) {
            @Override
            public CompletableFuture<?> sendAsync(DeadlineCommand command) {
                sent.add(new Sent((DeadlineCommand.EscalateMissedDeadline) command, Instant.now()));
                return super.sendAsync(command);
            }
        };
        return SweepRig.instance(db, topic, "a", 1, Duration.ofSeconds(30), recording, clock);
    }

    @Test
    void deadlinesClaimedAheadOfTheirInstantAreEachSentAtOrAfterItAndStampedSo() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        try (SweepRig.Instance instance = recording(sent, Clock.systemUTC())) {
            Instant start = Instant.now();
            List<Deadline> due = new ArrayList<>();
            for (int i = 0; i < 20; i++) { // spread over 1.9 s, all inside the first look ahead
                due.add(new Deadline("ahead-" + i, DeadlineKind.RESPONSE, 1, start.plusMillis(500 + 70L * i), null));
            }
            instance.store().scheduleNew(due);

            instance.sweeper().start();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> instance.store().lateness("ahead-").size() == 20);

            assertThat(sent).hasSize(20).allSatisfy(s -> {
                assertThat(s.at()).isAfterOrEqualTo(s.command().expectedDueAt());
                assertThat(s.command().issuedAt()).isAfterOrEqualTo(s.command().expectedDueAt());
            });
        }
    }

    @Test
    void aDeadlineClaimedAheadOfAClockThatStandsStillIsHandedBackSoOthersFireAndItFiresWhenTheClockGetsThere() {
        List<Sent> sent = new CopyOnWriteArrayList<>();
        Instant start = Instant.parse("2026-03-02T09:00:00Z");
        MutableClock clock = new MutableClock(start);
        try (SweepRig.Instance instance = recording(sent, clock)) {
            instance.store().scheduleNew(List.of(
                    new Deadline("still", DeadlineKind.RESPONSE, 1, start.plusSeconds(1), null)));

            instance.sweeper().start();
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> instance.store().forAlert("still").get(0)
                    .status() == DeadlineStore.Status.CLAIMED); // claimed within the look ahead, waited for
            // Due already: fired once the wait for "still" runs out in real time and the claim is handed back.
            instance.store().scheduleNew(List.of(new Deadline("due-now", DeadlineKind.RESPONSE, 1, start, null)));
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> sent.size() == 1);
            assertThat(sent.get(0).command().alertId()).isEqualTo("due-now");
            Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> sent.size() == 1);

            clock.advance(Duration.ofSeconds(1));
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> sent.size() == 2);
            assertThat(sent.get(1).command().alertId()).isEqualTo("still");
            assertThat(sent.get(1).command().issuedAt()).isEqualTo(start.plusSeconds(1));
        }
    }
}
