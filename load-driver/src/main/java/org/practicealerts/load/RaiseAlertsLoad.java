package org.practicealerts.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raises practice alerts against a running alert-service (the embedded stack by default) and reports throughput
 * and latency.
 *
 * <p>The run: get a dev token for the raiser and the responder ({@code POST /dev/token}); raise {@code --warmup}
 * alerts that are not measured; then raise {@code --alerts} alerts, each about its own child
 * ({@code LOAD-<run>-<n>}), with {@code --concurrency} worker threads each sending one request at a time, and
 * respond to {@code --respond-fraction} of them as the responder right after raising. Every request's latency
 * (send to full response body) is recorded; successes feed the percentiles, failures are counted by status.
 *
 * <p>Bounded on purpose: loopback addresses only, at most 100,000 alerts and 64 in flight, and no request starts
 * after {@code --duration-limit} seconds (a request in flight then gets at most its own timeout).
 */
public final class RaiseAlertsLoad {

    static final String PLAN_TYPE = "CHILD_WE_CARE_FOR";
    static final String TEAM = "team-north";
    static final String CATEGORY = "STATUTORY_VISIT";

    private static final int PROGRESS_SECONDS = 5;
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final LoadOptions options;
    private final PrintStream out;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final String runId = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final Map<String, String> firstErrorBody = new ConcurrentHashMap<>();
    private String raiserToken;
    private String responderToken;

    RaiseAlertsLoad(LoadOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.requestTimeout = Duration.ofSeconds(options.requestTimeoutSeconds);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public static void main(String[] args) {
        LoadOptions options;
        try {
            options = LoadOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(LoadOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(LoadOptions.USAGE);
            return;
        }
        System.exit(new RaiseAlertsLoad(options, System.out).run());
    }

    /** Runs the load; returns the exit status. */
    int run() {
        long start = System.nanoTime();
        long deadline = start + TimeUnit.SECONDS.toNanos(options.durationLimitSeconds);
        out.println("== RaiseAlertsLoad ==");
        out.println(options.describe());
        try {
            raiserToken = token(options.raiser);
            responderToken = options.respondFraction > 0 ? token(options.responder) : null;
        } catch (IOException | RuntimeException e) {
            out.println("FAILED to get a dev token from " + options.baseUrl + "/dev/token: " + e);
            return 3;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 3;
        }

        if (options.warmup > 0) {
            Phase warm = runPhase("W", options.warmup, 0.0, deadline);
            out.printf(Locale.ROOT, "warm-up: %d of %d raises in %.1f s, %d errors%n", warm.raised.get(),
                    options.warmup, warm.seconds(), warm.errorCount.sum());
        }
        Phase measured = runPhase("M", options.alerts, options.respondFraction, deadline);
        report(measured);
        long errorTotal = errors.values().stream().mapToLong(LongAdder::sum).sum();
        out.println(errorTotal == 0 ? "RESULT OK" : "RESULT FAILED: " + errorTotal + " request(s) failed");
        return errorTotal == 0 ? 0 : 1;
    }

    /** One batch of raises (and responses) spread over the worker threads. */
    private final class Phase {
        final String tag;
        final int total;
        final double respondFraction;
        final long deadline;
        final long[] raiseNanos;
        final long[] respondNanos;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger raised = new AtomicInteger();
        final AtomicInteger responded = new AtomicInteger();
        final LongAdder requests = new LongAdder();
        final LongAdder errorCount = new LongAdder();
        final AtomicBoolean cutShort = new AtomicBoolean();
        long startNanos;
        long endNanos;

        Phase(String tag, int total, double respondFraction, long deadline) {
            this.tag = tag;
            this.total = total;
            this.respondFraction = respondFraction;
            this.deadline = deadline;
            this.raiseNanos = new long[total];
            this.respondNanos = new long[total];
            Arrays.fill(raiseNanos, -1);
            Arrays.fill(respondNanos, -1);
        }

        double seconds() {
            return (endNanos - startNanos) / 1e9;
        }

        void work() {
            while (true) {
                if (System.nanoTime() - deadline >= 0) {
                    cutShort.set(true);
                    return;
                }
                int i = next.getAndIncrement();
                if (i >= total) {
                    return;
                }
                String id = raise(this, i);
                if (id != null && respondFraction > 0 && LoadOptions.respondsTo(i, respondFraction)) {
                    if (System.nanoTime() - deadline >= 0) {
                        cutShort.set(true);
                        return;
                    }
                    respond(this, i, id);
                }
            }
        }
    }

    private Phase runPhase(String tag, int total, double respondFraction, long deadline) {
        Phase phase = new Phase(tag, total, respondFraction, deadline);
        int threads = Math.min(options.concurrency, total);
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "load-" + tag);
            t.setDaemon(true);
            return t;
        });
        phase.startNanos = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            pool.execute(phase::work);
        }
        pool.shutdown();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "load-progress");
            t.setDaemon(true);
            return t;
        });
        if (tag.equals("M")) {
            long[] last = {0};
            ticker.scheduleAtFixedRate(() -> {
                long done = phase.raised.get() + phase.responded.get();
                out.printf(Locale.ROOT, "  t=%4.0f s  %6d commands ok  %6.1f/s in the last %d s%n",
                        (System.nanoTime() - phase.startNanos) / 1e9, done,
                        (done - last[0]) / (double) PROGRESS_SECONDS, PROGRESS_SECONDS);
                last[0] = done;
            }, PROGRESS_SECONDS, PROGRESS_SECONDS, TimeUnit.SECONDS);
        }
        try {
            long waitNanos = Math.max(0, deadline - System.nanoTime()) + requestTimeout.toNanos()
                    + TimeUnit.SECONDS.toNanos(5);
            if (!pool.awaitTermination(waitNanos, TimeUnit.NANOSECONDS)) {
                phase.cutShort.set(true);
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            pool.shutdownNow();
        }
        phase.endNanos = System.nanoTime();
        ticker.shutdownNow();
        return phase;
    }

    /** Raises measured alert {@code i}; returns its id on 201, else null (the failure is counted). */
    private String raise(Phase phase, int i) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("childRef", "LOAD-" + runId + "-" + phase.tag + i);
        body.put("planType", PLAN_TYPE);
        body.put("teamId", TEAM);
        body.put("primaryCategory", CATEGORY);
        body.put("summary", "Load test alert " + phase.tag + i + ": the statutory visit was not recorded in time.");
        body.put("impactOnChild", "The child has not been seen within the statutory timescale.");
        body.put("childsVoice", "The child said they would like to see their social worker more often.");
        Result r = post("/api/v1/alerts", raiserToken, body, "raise", 201);
        phase.requests.increment();
        if (r.ok) {
            phase.raiseNanos[i] = r.nanos;
            phase.raised.incrementAndGet();
            JsonNode id = r.json == null ? null : r.json.get("id");
            return id == null ? null : id.asString();
        }
        phase.errorCount.increment();
        return null;
    }

    private void respond(Phase phase, int i, String alertId) {
        Map<String, Object> body = Map.of("response", "Visit booked for this week; the record will be updated.");
        Result r = post("/api/v1/alerts/" + alertId + "/responses", responderToken, body, "respond", 200);
        phase.requests.increment();
        if (r.ok) {
            phase.respondNanos[i] = r.nanos;
            phase.responded.incrementAndGet();
        } else {
            phase.errorCount.increment();
        }
    }

    private record Result(boolean ok, long nanos, JsonNode json) {
    }

    private Result post(String path, String token, Object body, String kind, int expectedStatus) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.baseUrl + path))
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)))
                .build();
        long t0 = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            long nanos = System.nanoTime() - t0;
            if (response.statusCode() == expectedStatus) {
                return new Result(true, nanos, JSON.readTree(response.body()));
            }
            error(kind + " " + response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            error(kind + " " + e.getClass().getSimpleName(), String.valueOf(e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error(kind + " interrupted", "");
        }
        return new Result(false, System.nanoTime() - t0, null);
    }

    private void error(String key, String detail) {
        errors.computeIfAbsent(key, k -> new LongAdder()).increment();
        firstErrorBody.putIfAbsent(key, detail.length() > 300 ? detail.substring(0, 300) + "..." : detail);
    }

    private String token(String personId) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(options.baseUrl + "/dev/token?personId="
                        + URLEncoder.encode(personId, StandardCharsets.UTF_8)))
                .timeout(requestTimeout)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + " for " + personId + ": " + response.body());
        }
        JsonNode token = JSON.readTree(response.body()).get("access_token");
        if (token == null || token.asString().isBlank()) {
            throw new IOException("no access_token for " + personId + ": " + response.body());
        }
        return token.asString();
    }

    private void report(Phase p) {
        LatencyStats raise = LatencyStats.of(recorded(p.raiseNanos));
        LatencyStats respond = LatencyStats.of(recorded(p.respondNanos));
        double seconds = p.seconds();
        long ok = (long) p.raised.get() + p.responded.get();
        long requests = p.requests.sum();
        out.printf(Locale.ROOT, "requests: %d (raise %d ok, respond %d ok, %d failed)%n", requests, p.raised.get(),
                p.responded.get(), p.errorCount.sum());
        if (p.cutShort.get()) {
            out.printf(Locale.ROOT, "STOPPED BY --duration-limit %d s: %d of %d alerts attempted%n",
                    options.durationLimitSeconds, Math.min(p.next.get(), p.total), p.total);
        }
        if (errors.isEmpty()) {
            out.println("errors by status: none");
        } else {
            out.println("errors by status (warm-up included):");
            new TreeMap<>(errors).forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %d   first: %s%n", k, v.sum(),
                    firstErrorBody.get(k).replaceAll("\\s+", " ")));
        }
        out.printf(Locale.ROOT, "elapsed: %.2f s (measured phase)%n", seconds);
        out.printf(Locale.ROOT, "commands/s: %.1f  (raise %.1f/s, respond %.1f/s; successful commands only)%n",
                ok / seconds, p.raised.get() / seconds, p.responded.get() / seconds);
        out.println("raise latency:   " + raise.format());
        if (p.respondFraction > 0) {
            out.println("respond latency: " + respond.format());
        }
        ProcessHandle.current().info().totalCpuDuration().ifPresent(cpu -> out.printf(Locale.ROOT,
                "driver CPU: %.1f s (this JVM, whole run; it shares the machine with the service)%n",
                cpu.toMillis() / 1000.0));
    }

    /** The recorded samples (-1 marks "not recorded"). */
    static long[] recorded(long[] slots) {
        List<Long> values = new ArrayList<>();
        for (long v : slots) {
            if (v >= 0) {
                values.add(v);
            }
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }
}
