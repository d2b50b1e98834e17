package org.practicealerts.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.practicealerts.notification.NotificationProperties;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Sends what the outbox holds. One cycle ({@link #dispatchOnce()}) claims the due entries (PENDING and due, or
 * SENDING with an expired lease: a crashed sender's), sends them (each webhook, and each person's email, by one
 * worker at a time, in order), and marks each SENT, back to PENDING with an exponential backoff plus jitter, or FAILED. "Now" is always
 * the injected clock's, so tests move time and run cycles explicitly. In service a background thread runs cycles
 * whenever something is due, or at the latest every poll interval.
 */
public class Dispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

    private final OutboxStore store;
    private final Map<Channel, Sender> senders;
    private final RateLimits limits;
    private final Clock clock;
    private final NotificationProperties.Delivery cfg;
    private final String owner;
    private final Random random;
    private final ExecutorService workers;
    private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> retried = new EnumMap<>(Channel.class);
    private final Map<Channel, AtomicLong> queueAgeSeconds = new EnumMap<>(Channel.class);
    private final Object wake = new Object();
    private volatile boolean running;
    private volatile boolean woken;
    private volatile boolean closing;
    private Thread loop;
    private long queueAgeMeasuredAt;

    public Dispatcher(OutboxStore store, Map<Channel, Sender> senders, RateLimits limits, Clock clock,
                      NotificationProperties.Delivery cfg, String owner, MeterRegistry meters, Random random) {
        this.store = store;
        this.senders = senders;
        this.limits = limits;
        this.clock = clock;
        this.cfg = cfg;
        this.owner = owner;
        this.random = random;
        this.workers = Executors.newFixedThreadPool(cfg.workers(), r -> {
            Thread t = new Thread(r, "notification-sender");
            t.setDaemon(true);
            return t;
        });
        for (Channel c : Channel.values()) {
            String ch = c.name().toLowerCase();
            sent.put(c, Counter.builder("notifications.sent").tag("channel", ch)
                    .description("Messages delivered").register(meters));
            failed.put(c, Counter.builder("notifications.failed").tag("channel", ch)
                    .description("Messages given up on (permanent failure or attempts exhausted)").register(meters));
            retried.put(c, Counter.builder("notifications.retried").tag("channel", ch)
                    .description("Failed attempts scheduled for a retry").register(meters));
            AtomicLong age = new AtomicLong();
            queueAgeSeconds.put(c, age);
            Gauge.builder("notifications.queue.age", age, AtomicLong::get).tag("channel", ch).baseUnit("seconds")
                    .description("Age of the oldest undelivered message").register(meters);
        }
    }

    /** One cycle: claim a batch of due entries and send them. Returns how many were claimed. */
    public int dispatchOnce() {
        Instant now = clock.instant();
        List<OutboxEntry> batch = store.claimDue(now, owner, cfg.lease(), cfg.batchSize());
        if (batch.isEmpty()) {
            return 0;
        }
        Map<String, List<OutboxEntry>> byDestination = new LinkedHashMap<>();
        for (OutboxEntry e : batch) {
            // One webhook (a Teams chat or channel) is posted to in order by one worker; emails share one SMTP
            // server, so they are ordered per recipient only and go out in parallel.
            String lane = e.channel() == Channel.EMAIL ? "mail|" + e.recipient() : "hook|" + sender(e).rateKey(e);
            byDestination.computeIfAbsent(lane, k -> new ArrayList<>()).add(e);
        }
        // Past this instant the claim may soon be taken over: entries not yet started are handed back rather
        // than risk a second instance sending them too.
        Instant startBy = now.plus(cfg.lease().dividedBy(2));
        List<Future<?>> running = new ArrayList<>();
        for (List<OutboxEntry> entries : byDestination.values()) {
            running.add(workers.submit(() -> entries.forEach(e -> deliver(e, startBy))));
        }
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                log.warn("sender failed: {}", e.getCause().toString());
            }
        }
        return batch.size();
    }

    /** Runs cycles until nothing is due at the clock's current time. */
    public int drain() {
        int total = 0;
        int n;
        while ((n = dispatchOnce()) > 0) {
            total += n;
        }
        return total;
    }

    private Sender sender(OutboxEntry e) {
        return senders.get(e.channel());
    }

    private void deliver(OutboxEntry e, Instant startBy) {
        Sender sender = sender(e);
        String key = sender.rateKey(e);
        Instant now = clock.instant();
        if (now.isAfter(startBy)) {
            store.release(e, now);
            return;
        }
        Duration wait = limits.acquire(key, now);
        if (!wait.isZero()) {
            store.release(e, now.plus(wait));
            return;
        }
        // How long this claim holds: recording a sent message may wait for the database that long, no longer.
        Duration holdFor = Duration.between(now, startBy.plus(cfg.lease().dividedBy(2)));
        try {
            sender.send(e);
        } catch (DeliveryFailure f) {
            Instant at = clock.instant();
            int attempt = e.attempts() + 1;
            if (f.permanent() || attempt >= cfg.maxAttempts()) {
                store.markFailed(e, at, f.getMessage());
                failed.get(e.channel()).increment();
                log.warn("outbox entry {} FAILED after {} attempt(s): {}", e.id(), attempt, f.getMessage());
                return;
            }
            Duration delay = backoff(attempt);
            if (f.retryAfter() != null) {
                limits.pauseUntil(key, at.plus(f.retryAfter()));
                if (f.retryAfter().compareTo(delay) > 0) {
                    delay = f.retryAfter();
                }
            }
            store.markRetry(e, at.plus(delay), f.getMessage());
            retried.get(e.channel()).increment();
            log.info("outbox entry {} attempt {} failed ({}); next try in {}", e.id(), attempt, f.getMessage(), delay);
            return;
        } catch (RuntimeException bug) {
            Instant at = clock.instant();
            store.markRetry(e, at.plus(backoff(e.attempts() + 1)), bug.getClass().getSimpleName());
            retried.get(e.channel()).increment();
            log.warn("outbox entry {} send error", e.id(), bug);
            return;
        }
        recordSent(e, now, holdFor);
    }

    /**
     * The message went out: record it, waiting through a database outage however long it lasts. Given up on, the
     * entry would stay claimed, its lease would lapse and the next cycle would send it again (a Teams card has no
     * Message-ID to collapse a copy; the fault suite saw one arrive twice after a five-minute MongoDB outage). While
     * the database is down no instance can claim anything, so waiting costs nothing; this worker holds its cycle, so
     * this instance claims nothing either until the record is made. Past the claim's lease another instance could, in
     * the moment the database is back, take the entry over first: that race, under a second, is the one duplicate
     * left, and is logged.
     */
    private void recordSent(OutboxEntry e, Instant claimedAt, Duration holdFor) {
        long leaseLapsesAt = System.nanoTime() + holdFor.toNanos();
        boolean toldLapsed = false;
        long waitMillis = 100;
        while (true) {
            try {
                if (!store.markSent(e, instantOr(claimedAt))) {
                    // Our lease ran out mid-send and another sender took the entry over: it may be delivered twice.
                    log.warn("outbox entry {} delivered after its lease was lost", e.id());
                }
                sent.get(e.channel()).increment();
                return;
            } catch (RuntimeException databaseDown) {
                if (!toldLapsed && System.nanoTime() >= leaseLapsesAt) {
                    toldLapsed = true;
                    log.warn("outbox entry {} was sent but cannot be recorded yet ({}): still trying, its claim has "
                            + "lapsed", e.id(), databaseDown.getClass().getSimpleName());
                }
                if (closing) {
                    log.warn("outbox entry {} was sent but not recorded before shutdown: it may be sent again", e.id());
                    return;
                }
                try {
                    Thread.sleep(waitMillis);
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
                waitMillis = Math.min(waitMillis * 2, 500);
            }
        }
    }

    /** The clock, or {@code fallback} when it cannot be read (the embedded default's clock lives in MongoDB). */
    private Instant instantOr(Instant fallback) {
        try {
            return clock.instant();
        } catch (RuntimeException unreadable) {
            return fallback;
        }
    }

    /** initial × 2^(attempt-1), capped, then "equal jitter": half fixed, half random, so retries spread out. */
    Duration backoff(int attempt) {
        long initial = cfg.initialBackoff().toMillis();
        long cap = cfg.maxBackoff().toMillis();
        long exp = attempt >= 31 ? cap : Math.min(cap, initial * (1L << Math.max(0, attempt - 1)));
        long half = exp / 2;
        long jitter;
        synchronized (random) {
            jitter = half == 0 ? 0 : (long) (random.nextDouble() * (half + 1));
        }
        return Duration.ofMillis(half + jitter);
    }

    /** Refreshes the queue-age gauges (a scan of the outbox: done at most every few seconds). */
    public void measureQueueAge() {
        Map<Channel, Duration> ages = store.oldestUndeliveredAge(clock.instant());
        ages.forEach((c, d) -> queueAgeSeconds.get(c).set(d.toSeconds()));
    }

    /** Something new is in the outbox: run a cycle now rather than at the next poll. */
    public void wakeUp() {
        synchronized (wake) {
            woken = true;
            wake.notifyAll();
        }
    }

    private void run() {
        while (running) {
            int n = 0;
            try {
                n = dispatchOnce();
                long t = System.nanoTime();
                if (t - queueAgeMeasuredAt > TimeUnit.SECONDS.toNanos(5)) {
                    queueAgeMeasuredAt = t;
                    measureQueueAge();
                }
            } catch (RuntimeException e) {
                log.warn("dispatch cycle failed: {}", e.toString());
            }
            if (n == 0) {
                synchronized (wake) {
                    if (!woken && running) {
                        try {
                            wake.wait(cfg.pollInterval().toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    woken = false;
                }
            }
        }
    }

    @Override
    public synchronized void start() {
        running = true;
        closing = false;
        loop = new Thread(this::run, "notification-dispatcher");
        loop.setDaemon(true);
        loop.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        closing = true;
        wakeUp();
        if (loop != null) {
            try {
                loop.join(cfg.lease().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops the worker pool; for tests that build dispatchers by hand. */
    public void close() {
        stop();
        workers.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
