package org.practicealerts.escalation.sweep;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import org.practicealerts.escalation.config.EscalationProperties;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.DeadlineKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fires deadlines the moment they pass. A worker claims every due deadline in one atomic update (with a lease and a
 * batch token), sends the alert-service their commands together, then marks fired those the broker acknowledged. With nothing due, a worker sleeps until the next
 * deadline (at most {@code maxIdleWait}), so an idle service asks MongoDB a couple of questions a second, not more.
 * If sending fails the claim is kept until its lease expires and the deadline is tried again, by any instance.
 */
@Component
public class DeadlineSweeper implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DeadlineSweeper.class);

    private final DeadlineStore store;
    private final DeadlineCommandSender publisher;
    private final Clock clock;
    private final EscalationProperties.Sweep settings;
    private final String owner;
    private final MeterRegistry meters;
    private final Timer lateness;
    private final Counter conflicts;
    private final Counter failures;
    private final Map<DeadlineKind, AtomicLong> pending = new EnumMap<>(DeadlineKind.class);
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    public DeadlineSweeper(DeadlineStore store, DeadlineCommandSender publisher, Clock clock, EscalationProperties props,
                           MeterRegistry meters) {
        this.store = store;
        this.publisher = publisher;
        this.clock = clock;
        this.settings = props.sweep();
        this.owner = settings.instanceId() == null || settings.instanceId().isBlank()
                ? ManagementFactory.getRuntimeMXBean().getName() : settings.instanceId();
        this.meters = meters;
        this.lateness = Timer.builder("escalation.deadline.lateness")
                .description("How long after its instant a deadline was fired").publishPercentileHistogram()
                .register(meters);
        this.conflicts = Counter.builder("escalation.claim.conflicts")
                .description("Claims lost to a newer schedule or another instance").register(meters);
        this.failures = Counter.builder("escalation.fire.failures")
                .description("Commands that could not be sent; retried when the lease expires").register(meters);
        for (DeadlineKind kind : DeadlineKind.values()) {
            AtomicLong gauge = new AtomicLong();
            pending.put(kind, gauge);
            meters.gauge("escalation.deadlines.pending", List.of(io.micrometer.core.instrument.Tag.of("kind",
                    kind.name())), gauge);
        }
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < settings.workers(); i++) {
            Thread t = new Thread(this::work, "deadline-sweeper-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        log.info("deadline sweeper started: {} workers as {}", settings.workers(), owner);
    }

    @Override
    public void stop() {
        running = false;
        wakeUp();
        for (Thread t : workers) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A deadline was added or moved: re-check now instead of sleeping out the wait. */
    public void wakeUp() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        while (running) {
            try {
                Instant now = clock.instant();
                List<DeadlineStore.Claim> claims = store.claimDue(now, now.plus(settings.lookAhead()), owner,
                        settings.lease());
                if (claims.isEmpty()) {
                    idle(now);
                } else {
                    fire(claims, now);
                }
            } catch (RuntimeException e) {
                log.warn("sweep failed, retrying: {}", e.toString());
                sleep(settings.maxIdleWait());
            }
        }
    }

    /**
     * Sends the commands of a claimed batch together, then marks fired (in one update) those the broker acknowledged.
     * Each deadline's lateness is timed to its own command's acknowledgement, not to the batch's last: in a burst of
     * thousands the first is not as late as the last, and the metric says so.
     */
    private void fire(List<DeadlineStore.Claim> claims, Instant now) {
        // Timed on the producer's thread with System.nanoTime (never the clock, which may read MongoDB), then placed
        // on the service's clock from one reading taken here.
        Instant base = clock.instant();
        long baseNanos = System.nanoTime();
        List<CompletableFuture<Instant>> sends = new ArrayList<>();
        Instant known = base;
        long knownNanos = baseNanos;
        // A clock that stands still or lags (a test's, or a simulated one set back by hand) must not hold the batch:
        // past the look ahead in real time, what is still not due is handed back.
        long giveUpNanos = baseNanos + settings.lookAhead().plusSeconds(1).toNanos();
        int ready = 0;
        for (DeadlineStore.Claim c : claims) {
            // Claimed ahead (the look ahead): sent at its instant by the clock, never before it. The claims come in
            // instant order, so a burst waits once and the clock is read again only while waiting.
            Instant due = c.deadline().dueAt();
            while (due.isAfter(known) && running && System.nanoTime() < giveUpNanos) {
                long left = Duration.between(known, due).toNanos() - (System.nanoTime() - knownNanos);
                if (left > 0) {
                    LockSupport.parkNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
                }
                known = clock.instant();
                knownNanos = System.nanoTime();
            }
            if (due.isAfter(known)) {
                break; // stopping, or the clock did not get there: the rest are handed back below
            }
            sends.add(send(c.deadline(), known.isAfter(now) ? known : now)
                    .thenApply(acknowledged -> base.plusNanos(System.nanoTime() - baseNanos)));
            ready++;
        }
        List<DeadlineStore.Claim> sent = new ArrayList<>();
        List<Instant> acknowledgedAt = new ArrayList<>();
        List<String> unsent = new ArrayList<>();
        for (int i = 0; i < sends.size(); i++) {
            DeadlineStore.Claim claim = claims.get(i);
            try {
                acknowledgedAt.add(sends.get(i).get(10, TimeUnit.SECONDS));
                sent.add(claim);
            } catch (Exception e) {
                failures.increment();
                unsent.add(claim.deadline().id());
                log.warn("could not send {} for alert {} (attempt {}); retried after the lease: {}",
                        claim.deadline().kind(), claim.deadline().alertId(), claim.attempts(), e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
        List<DeadlineStore.Claim> unreached = claims.subList(ready, claims.size());
        unreached.forEach(c -> unsent.add(c.deadline().id()));
        long marked = store.markFiredExcept(claims.get(0).token(), unsent, clock.instant());
        store.release(unreached);
        conflicts.increment(sent.size() - marked); // moved or re-claimed while in flight: the newer state wins
        for (int i = 0; i < sent.size(); i++) {
            Deadline d = sent.get(i).deadline();
            Duration late = Duration.between(d.dueAt(), acknowledgedAt.get(i));
            lateness.record(late.isNegative() ? Duration.ZERO : late);
            meters.counter("escalation.deadlines.fired", "kind", d.kind().name()).increment();
        }
    }

    private CompletableFuture<?> send(Deadline d, Instant now) {
        // The same command id for every attempt at this deadline: the alert fences repeats anyway.
        String commandId = d.id() + "@" + d.dueAt();
        DeadlineCommand command = d.kind() == DeadlineKind.RESPONSE
                ? new DeadlineCommand.EscalateMissedDeadline(commandId, d.alertId(), now, d.stage(), d.dueAt())
                : new DeadlineCommand.RecordDeadlineReached(commandId, d.alertId(), now, d.kind(), d.stage(),
                        d.dueAt(), d.actionId());
        try {
            return publisher.sendAsync(command);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void idle(Instant now) {
        Duration wait = settings.maxIdleWait();
        Optional<Instant> next = store.nextClaimableAt(settings.lookAhead());
        if (next.isPresent()) {
            Duration untilNext = Duration.between(now, next.get());
            if (untilNext.compareTo(wait) < 0) {
                wait = untilNext.isNegative() ? Duration.ZERO : untilNext;
            }
        }
        if (!wait.isZero()) {
            sleep(wait);
        }
    }

    private void sleep(Duration wait) {
        lock.lock();
        try {
            changed.awaitNanos(wait.toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Pending deadlines by kind, for the gauge (counted, not kept in memory). */
    @Scheduled(fixedDelayString = "${practice-alerts.escalation.metrics-interval:15s}")
    public void countPending() {
        store.pendingByKind().forEach((kind, n) -> pending.get(kind).set(n));
    }
}
