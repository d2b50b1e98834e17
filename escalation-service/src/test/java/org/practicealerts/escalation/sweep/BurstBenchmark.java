package org.practicealerts.escalation.sweep;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.events.DeadlineKind;

/**
 * Benchmark (not part of the test suite): a schedule of {@code benchmark.pending} future deadlines (default
 * 100,000) and a burst of {@code benchmark.burst} (default 2,000) falling due at the same instant; reports fired/s
 * and lateness p50 / p99 / max for the burst (each deadline's own, from its instant to the broker's acknowledgement of its
 * command), and the duplicates and missing commands read back from the topic. Bounded: it stops after {@code benchmark.timeout} seconds.
 * Run: {@code ./mvnw -B -ntp -q -pl escalation-service -am -Pbenchmark test -Dtest=BurstBenchmark
 * -Dsurefire.failIfNoSpecifiedTests=false} (see docs/performance.md).
 */
@Tag("benchmark")
class BurstBenchmark {

    @Test
    void burstOfDeadlinesFallingDueTogetherOverALargeSchedule() {
        int pending = Integer.getInteger("benchmark.pending", 100_000);
        int burst = Integer.getInteger("benchmark.burst", 2_000);
        int instances = Integer.getInteger("benchmark.instances", 1);
        int workers = Integer.getInteger("benchmark.workers", 1);
        Duration timeout = Duration.ofSeconds(Integer.getInteger("benchmark.timeout", 300));
        String db = "bench_" + System.nanoTime();
        String topic = "bench-commands-" + System.nanoTime();

        List<SweepRig.Instance> running = new ArrayList<>();
        // Each burst deadline's own lateness: from its instant to the broker's acknowledgement of its command.
        List<Duration> acknowledged = java.util.Collections.synchronizedList(new ArrayList<>());
        try {
            SweepRig.createTopic(topic, 3);
            for (int i = 0; i < instances; i++) {
                running.add(SweepRig.instance(db, topic, "bench-" + i, workers, Duration.ofSeconds(30),
                        SweepRig.timing(db, topic, acknowledged)));
            }
            SweepRig.Instance first = running.get(0);
            Instant base = Instant.now();
            long loadStart = System.nanoTime();
            List<Deadline> batch = new ArrayList<>();
            for (int i = 0; i < pending; i++) {
                // the backlog: spread over the coming four weeks
                batch.add(new Deadline("backlog-" + i, DeadlineKind.RESPONSE, 1,
                        base.plus(Duration.ofDays(1)).plusSeconds((long) i * 24), null));
                if (batch.size() == 5_000) {
                    first.store().scheduleNew(batch);
                    batch.clear();
                }
            }
            // The burst falls due five seconds and a look-ahead after it is loaded (its loading time estimated from
            // the backlog's, twice over): a deadline of the burst is never overdue because the benchmark was still
            // writing it, and the sweepers claim it ahead as they would in service.
            double perSecond = pending / Math.max(0.001, (System.nanoTime() - loadStart) / 1e9);
            Instant burstAt = Instant.now().plusSeconds(5).plus(SweepRig.LOOK_AHEAD)
                    .plusMillis((long) (2_000 * burst / perSecond));
            for (int i = 0; i < burst; i++) {
                batch.add(new Deadline("burst-" + i, DeadlineKind.RESPONSE, 1, burstAt, null));
                if (batch.size() == 5_000) {
                    first.store().scheduleNew(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                first.store().scheduleNew(batch);
            }
            System.out.printf("loaded %d pending + %d burst deadlines in %.1f s, %.1f s before the burst's instant%n",
                    pending, burst, (System.nanoTime() - loadStart) / 1e9,
                    Duration.between(Instant.now(), burstAt).toMillis() / 1000.0);
            running.forEach(r -> r.sweeper().start());

            Awaitility.await().atMost(timeout).pollInterval(Duration.ofSeconds(2))
                    .until(() -> first.store().lateness("burst-").size() >= burst);
            List<Duration> lateness = new ArrayList<>(acknowledged);
            lateness.sort(null);
            Duration max = lateness.get(lateness.size() - 1);
            double seconds = Math.max(0.001, max.toMillis() / 1000.0);
            // Every command on the topic, read back from the broker: a deadline fired twice, or never, shows here.
            java.util.Map<String, Integer> published = SweepRig.commandsOn(topic, burst, Duration.ofSeconds(60));
            long duplicates = published.values().stream().filter(n -> n > 1).count();
            long missing = Math.max(0, burst - published.size());
            System.out.printf("BENCHMARK escalation burst: pending=%d burst=%d instances=%d workers=%d "
                            + "fired/s=%.0f lateness min=%d ms p50=%d ms p99=%d ms max=%d ms duplicates=%d missing=%d%n",
                    pending, burst, instances, workers, burst / seconds, lateness.get(0).toMillis(),
                    pct(lateness, 50).toMillis(),
                    pct(lateness, 99).toMillis(), max.toMillis(), duplicates, missing);
        } finally {
            running.forEach(SweepRig.Instance::close);
        }
    }

    private static Duration pct(List<Duration> sorted, int p) {
        int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
