package org.practicealerts.load;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * Measures event-to-projection lag through the system, from outside: raises one alert at a time through the
 * alert-service API and polls the reporting-service's central log (filtered by the alert's child reference) until
 * the alert appears. The lag is from the raise's 201 to the first poll that shows it: the event store, the Kafka
 * publisher, the broker and the reporting projection, plus up to one poll interval (10 ms).
 *
 * <pre>
 * java -cp load-driver/target/load-driver.jar org.practicealerts.load.ProjectionLagProbe \
 *     [--alerts 200] [--alert-service http://localhost:8081] [--reporting-service http://localhost:8084]
 * </pre>
 *
 * Bounded: loopback only, at most 2,000 alerts, each waited for at most 30 s.
 */
public final class ProjectionLagProbe {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private ProjectionLagProbe() {
    }

    public static void main(String[] args) throws Exception {
        int alerts = 200;
        String alertService = "http://localhost:8081";
        String reporting = "http://localhost:8084";
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--alerts" -> alerts = Integer.parseInt(args[i + 1]);
                case "--alert-service" -> alertService = args[i + 1];
                case "--reporting-service" -> reporting = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (alerts < 1 || alerts > 2000) {
            throw new IllegalArgumentException("--alerts must be 1..2000");
        }
        System.exit(run(alerts, LoopbackGuard.requireLoopback(alertService).toString(),
                LoopbackGuard.requireLoopback(reporting).toString(), System.out));
    }

    static int run(int alerts, String alertService, String reporting, PrintStream out) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        String raiser = token(http, alertService, "iro-1");
        String viewer = token(http, alertService, "viewer-1");
        String run = Long.toString(System.currentTimeMillis(), 36).toUpperCase(Locale.ROOT);
        long[] lags = new long[alerts];
        int missing = 0;
        for (int n = 0; n < alerts; n++) {
            String child = "LAG-" + run + "-" + n;
            String body = "{\"childRef\":\"" + child + "\",\"planType\":\"" + RaiseAlertsLoad.PLAN_TYPE
                    + "\",\"teamId\":\"" + RaiseAlertsLoad.TEAM + "\",\"primaryCategory\":\""
                    + RaiseAlertsLoad.CATEGORY + "\",\"summary\":\"s\",\"impactOnChild\":\"i\",\"childsVoice\":\"v\"}";
            HttpResponse<String> raised = http.send(HttpRequest.newBuilder(URI.create(alertService + "/api/v1/alerts"))
                    .header("Authorization", "Bearer " + raiser).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (raised.statusCode() != 201) {
                out.println("raise answered " + raised.statusCode() + ": " + raised.body());
                return 1;
            }
            long accepted = System.nanoTime();
            HttpRequest poll = HttpRequest.newBuilder(URI.create(reporting + "/api/v1/reports/central-log?childRef="
                    + child)).header("Authorization", "Bearer " + viewer).build();
            long seen = -1;
            while (System.nanoTime() - accepted < PATIENCE.toNanos()) {
                JsonNode rows = JSON.readTree(http.send(poll, HttpResponse.BodyHandlers.ofString()).body());
                if (rows.isArray() && !rows.isEmpty()) {
                    seen = System.nanoTime();
                    break;
                }
                Thread.sleep(POLL.toMillis()); // paced polling of an external system, bounded by PATIENCE
            }
            if (seen < 0) {
                missing++;
                lags[n] = PATIENCE.toNanos();
            } else {
                lags[n] = seen - accepted;
            }
        }
        LatencyStats stats = LatencyStats.of(lags);
        out.printf(Locale.ROOT, "event-to-projection lag over %d alerts: %s%s%n", alerts, stats.format(),
                missing == 0 ? "" : " (" + missing + " never appeared within " + PATIENCE.toSeconds() + " s)");
        return missing == 0 ? 0 : 1;
    }

    private static String token(HttpClient http, String alertService, String person)
            throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(alertService + "/dev/token?personId="
                + person)).POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body()).get("access_token").asString();
    }
}
