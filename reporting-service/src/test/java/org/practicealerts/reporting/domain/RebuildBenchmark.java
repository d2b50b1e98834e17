package org.practicealerts.reporting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.Urgency;
import org.practicealerts.reporting.api.QuarterlyThemes;

/**
 * Ten events for each of {@code benchmark.alerts} alerts (default 100,000) over 2025-2026, rebuilt into a fresh
 * projection, then the reports over it and the heap the projection keeps. The apply part bypasses Kafka: each event is
 * decoded from its JSON bytes (as the feed does) and applied; the broker's read throughput is not measured here. The
 * events are generated and encoded a chunk of alerts at a time, outside the timed part, so that only the projection
 * stays in memory (issue 16's 1,000,000 alerts: run with {@code -Dbenchmark.alerts=1000000 -DargLine=-Xmx1g}).
 * Targets: rebuild within 120 s at 1,000,000 alerts (60 s at 100,000), heap within 1 GiB at 1,000,000 alerts,
 * quarterly within 1 s.
 * Run: {@code ./mvnw -B -ntp -pl reporting-service verify -Pbenchmark}.
 */
@Tag("benchmark")
class RebuildBenchmark {

    static final int ALERTS = Integer.getInteger("benchmark.alerts", 100_000);
    static final int CHUNK = 10_000;
    static final int TEXT_BYTES = Integer.getInteger("benchmark.text-bytes", 300);
    static final int EVENTS_PER_ALERT = 10;
    static final String[] TEAMS = {"team-north", "team-south", "team-east", "team-west", "team-cwcf", "team-leaving"};
    static final PlanType[] PLANS = PlanType.values();

    @Test
    void rebuildsAMillionEventsAndAnswersTheQuarterlyReportInTime() throws IOException {
        Random random = new Random(42);
        Projection p = new Projection();
        long generateNanos = 0;
        long rebuildNanos = 0;
        long events = 0;
        for (int from = 0; from < ALERTS; from += CHUNK) {
            long g0 = System.nanoTime();
            List<byte[]> wire = generate(random, from, Math.min(ALERTS, from + CHUNK));
            long r0 = System.nanoTime();
            for (byte[] bytes : wire) {
                p.apply(EventJson.read(bytes));
            }
            rebuildNanos += System.nanoTime() - r0;
            generateNanos += r0 - g0;
            events += wire.size();
        }
        long generateMs = generateNanos / 1_000_000;
        long rebuildMs = rebuildNanos / 1_000_000;
        assertThat(events).isEqualTo((long) ALERTS * EVENTS_PER_ALERT);
        assertThat(p.alerts()).hasSize(ALERTS);
        long retainedMb = retainedHeapMb();
        if (Boolean.getBoolean("benchmark.histogram")) {
            printHeapHistogram();
        }

        QuarterlyThemesReport quarterlyThemes = new QuarterlyThemesReport(Scenario.calendar());
        MonthlyAuditReport monthlyAudit = new MonthlyAuditReport(Scenario.calendar(), Scenario.directory());
        WeeklyPackReport weeklyPack = new WeeklyPackReport(Scenario.calendar());
        for (int i = 0; i < 3; i++) {
            quarterlyThemes.of(p, Quarter.parse("2026-Q2"), Viewer.system()); // warm-up
        }
        long[] runs = new long[5];
        QuarterlyThemes q = null;
        for (int i = 0; i < runs.length; i++) {
            long s = System.nanoTime();
            q = quarterlyThemes.of(p, Quarter.parse("2026-Q3"), Viewer.system());
            runs[i] = (System.nanoTime() - s) / 1_000_000;
        }
        Arrays.sort(runs);
        long m0 = System.nanoTime();
        monthlyAudit.of(p, YearMonth.of(2026, 9), Viewer.system());
        long monthlyMs = (System.nanoTime() - m0) / 1_000_000;
        long w0 = System.nanoTime();
        weeklyPack.asOf(p, java.time.LocalDate.of(2026, 9, 30), Viewer.system());
        long weeklyMs = (System.nanoTime() - w0) / 1_000_000;
        // The month-refresh's work (PeriodMetrics): 13 monthly audits and 5 quarterly themes, once a minute.
        long p0 = System.nanoTime();
        for (int back = 0; back < 13; back++) {
            monthlyAudit.of(p, YearMonth.of(2026, 12).minusMonths(back), Viewer.system());
        }
        Quarter quarter = Quarter.parse("2026-Q4");
        for (int back = 0; back < 5; back++) {
            quarterlyThemes.of(p, quarter, Viewer.system());
            quarter = quarter.previous();
        }
        long periodMs = (System.nanoTime() - p0) / 1_000_000;

        String result = String.format("""
                reporting-service rebuild benchmark (%s, %d cores, max heap %d MB)
                events: %d for %d alerts (generated and encoded in %d ms, not timed)
                rebuild (decode JSON + apply, no Kafka): %d ms  (%.0f events/s)  target <= %d ms
                heap kept after the rebuild (after a full GC): %d MB for %d alerts  target <= 1024 MB at 1000000 alerts
                free text kept out of the heap (the projection's text file): %d MB
                quarterly 2026-Q3: median %d ms, max %d ms over %d runs (raised in quarter: %d)  target <= 1000 ms
                monthly 2026-09: %d ms; weekly as of 2026-09-30: %d ms
                period-true dashboard gauges (13 monthly audits + 5 quarterly themes, once a minute): %d ms
                """, Instant.now(), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / (1024 * 1024), events, ALERTS, generateMs, rebuildMs,
                events * 1000.0 / Math.max(1, rebuildMs), rebuildTargetMs(events), retainedMb, ALERTS,
                p.textBytes() / (1024 * 1024),
                runs[runs.length / 2], runs[runs.length - 1],
                runs.length, q.current().raised(), monthlyMs, weeklyMs, periodMs);
        System.out.println(result);
        Files.writeString(Path.of("target", "benchmark-results.txt"), result);
        assertThat(rebuildMs).isLessThanOrEqualTo(rebuildTargetMs(events));
        assertThat(runs[runs.length / 2]).isLessThanOrEqualTo(1_000);
    }

    /** Issue 16's 120 s at 1,000,000 alerts; never less than the 60 s the 100,000-alert run has been held to. */
    private static long rebuildTargetMs(long events) {
        return Math.max(60_000, events / EVENTS_PER_ALERT * 120_000 / 1_000_000);
    }

    /** The heap still in use after full collections: what the projection keeps. */
    private static long retainedHeapMb() {
        java.lang.management.MemoryMXBean memory = java.lang.management.ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    /** The classes holding the heap, largest first (-Dbenchmark.histogram=true): where the projection's memory goes. */
    private static void printHeapHistogram() {
        try {
            Object histogram = java.lang.management.ManagementFactory.getPlatformMBeanServer().invoke(
                    new javax.management.ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            String[] lines = histogram.toString().split("\n");
            System.out.println(String.join("\n", Arrays.copyOf(lines, Math.min(lines.length, 40))));
        } catch (javax.management.JMException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Ten events for each alert of {@code [from, to)}: raised, acknowledged, reminded, answered, escalated or not, ...,
     * closed or left open.
     */
    private static List<byte[]> generate(Random random, int from, int to) {
        List<byte[]> out = new ArrayList<>((to - from) * EVENTS_PER_ALERT);
        Instant start = Instant.parse("2025-01-06T09:00:00Z");
        long spanMinutes = Duration.ofDays(700).toMinutes();
        for (int i = from; i < to; i++) {
            // As the alert-service makes them: a random UUID per alert.
            String alertId = new java.util.UUID(random.nextLong(), random.nextLong()).toString();
            String team = TEAMS[random.nextInt(TEAMS.length)];
            PlanType plan = PLANS[random.nextInt(PLANS.length)];
            String child = "child-" + random.nextInt(60_000);
            Instant raised = start.plus(Duration.ofMinutes((long) (random.nextDouble() * spanMinutes)));
            Instant due1 = raised.plus(Duration.ofDays(7));
            String category = String.valueOf(1 + random.nextInt(13));
            boolean bypass = random.nextInt(20) == 0;
            int entry = bypass ? 2 : 1;
            List<PracticeEvent> e = new ArrayList<>(EVENTS_PER_ALERT);
            e.add(Scenario.raised(alertId, child, plan, team, random.nextBoolean() ? "iro-1" : "cpc-1",
                    random.nextBoolean() ? "IRO" : "CPC", List.of(category), Urgency.ROUTINE, random.nextInt(30) == 0,
                    random.nextBoolean(), entry, bypass ? "urgent" : null, "tm-" + team, iso(raised), iso(due1)));
            e.add(new AlertAcknowledged(Scenario.id(), alertId, raised.plusSeconds(3600), 1, entry, "tm-" + team));
            e.add(new ReminderDue(Scenario.id(), alertId, due1.minus(Duration.ofDays(1)), 1, entry,
                    due1.minus(Duration.ofDays(1)), due1, List.of()));
            boolean late = random.nextInt(4) == 0;
            Instant escalatedAt = due1.plusSeconds(5);
            if (late) {
                e.add(new NoteAdded(Scenario.id(), alertId, raised.plus(Duration.ofDays(2)), 1, "n1", "iro-1", sealed(random, alertId)));
                e.add(Scenario.escalated(alertId, entry, entry + 1, EscalationReason.DEADLINE_MISSED, "sm-" + team,
                        iso(escalatedAt), iso(escalatedAt.plus(Duration.ofDays(7)))));
            } else {
                e.add(Scenario.response(alertId, entry, "tm-" + team, iso(raised.plus(Duration.ofDays(3))), iso(due1),
                        true));
                e.add(new NoteAdded(Scenario.id(), alertId, raised.plus(Duration.ofDays(4)), 1, "n1", "iro-1", sealed(random, alertId)));
            }
            int stage = late ? entry + 1 : entry;
            Instant t = late ? escalatedAt : raised.plus(Duration.ofDays(4));
            e.add(new AlertAcknowledged(Scenario.id(), alertId, t.plusSeconds(600), 1, stage, "x"));
            if (late) {
                e.add(Scenario.response(alertId, stage, "sm-" + team, iso(t.plus(Duration.ofDays(2))),
                        iso(t.plus(Duration.ofDays(7))), random.nextBoolean()));
            } else {
                e.add(new NoteAdded(Scenario.id(), alertId, t.plus(Duration.ofDays(1)), 1, "n2", "iro-1", sealed(random, alertId)));
            }
            e.add(new ActionReviewScheduled(Scenario.id(), alertId, t.plus(Duration.ofDays(3)), 1, stage, "iro-1",
                    t.plus(Duration.ofDays(20)).atZone(ReportBasis.LONDON).toLocalDate(), t.plus(Duration.ofDays(20)),
                    "review", org.practicealerts.events.AlertStatus.ACTION_REVIEW));
            e.add(new NoteAdded(Scenario.id(), alertId, t.plus(Duration.ofDays(10)), 1, "n3", "iro-1", sealed(random, alertId)));
            if (random.nextInt(5) == 0) {
                e.add(new NoteAdded(Scenario.id(), alertId, t.plus(Duration.ofDays(21)), 1, "n4", "iro-1", sealed(random, alertId)));
            } else {
                e.add(Scenario.resolved(alertId, stage, "iro-1", iso(t.plus(Duration.ofDays(21)))));
            }
            for (PracticeEvent x : e) {
                out.add(EventJson.writeBytes(x));
            }
        }
        return out;
    }

    /**
     * A note as the events carry it: sealed with the alert's key ({@code sealed:v1:<alert>:<base64 of the Tink
     * ciphertext>}), of a written note's length ({@code benchmark.text-bytes}, default 300, give or take half).
     */
    private static String sealed(Random random, String alertId) {
        byte[] ciphertext = new byte[TEXT_BYTES / 2 + random.nextInt(TEXT_BYTES + 1) + 33];
        random.nextBytes(ciphertext);
        return "sealed:v1:" + alertId + ":" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(ciphertext);
    }

    private static String iso(Instant i) {
        return i.toString();
    }
}
