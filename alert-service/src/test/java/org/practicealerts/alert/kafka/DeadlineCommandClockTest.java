package org.practicealerts.alert.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.MutableClock;

/**
 * A deadline command that arrives while this service's clock is still short of its deadline (the escalation-service's
 * clock a little ahead, or the simulated clock's jump not read here yet) waits for the clock instead of being refused
 * as early and lost.
 */
class DeadlineCommandClockTest {

    static final Instant DUE = Instant.parse("2026-03-02T17:00:00Z");

    @Test
    void aCommandWaitsUntilThisServicesClockReachesItsDeadline() throws Exception {
        MutableClock clock = new MutableClock(DUE.minusMillis(300));
        CompletableFuture<Boolean> waited = CompletableFuture.supplyAsync(
                () -> DeadlineCommandListener.awaitDue(clock, DUE, Duration.ofSeconds(10)));
        Thread.sleep(200);
        assertThat(waited).isNotDone();

        clock.set(DUE.plus(Duration.ofDays(3))); // e.g. the simulated clock's jump, read at last
        assertThat(waited.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aCommandWhoseDeadlineTheClockNeverReachesGoesOnAfterThePatienceToBeRefusedAsEarly() {
        MutableClock clock = new MutableClock(DUE.minusSeconds(3600));
        long start = System.nanoTime();
        assertThat(DeadlineCommandListener.awaitDue(clock, DUE, Duration.ofMillis(300))).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aCommandForADeadlineAlreadyPassedDoesNotWait() {
        assertThat(DeadlineCommandListener.awaitDue(new MutableClock(DUE), DUE, Duration.ZERO)).isTrue();
    }
}
