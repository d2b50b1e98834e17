package org.practicealerts.reporting.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.EventJson;
import org.practicealerts.reporting.metrics.AlertMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Real Prometheus servers (Debian's /usr/bin/prometheus) scrape the running service with a METRICS bearer token, one
 * as a single replica and one as two; every panel query of both provisioned Grafana dashboards must be valid, return
 * data for the seeded scenario and give the same answer from both (no doubling with replicas).
 */
class DashboardQueriesTest extends ReportingServiceRig {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path DASHBOARDS = Path.of("..", "deploy", "grafana", "dashboards");

    @LocalServerPort
    int port;
    @Autowired
    AlertMetrics metrics;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyDashboardPanelGivesTheSameAnswerFromOneReplicaOrTwoAndTheOpenFiguresMatchTheWeeklyPack()
            throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS),
                "Prometheus is not installed at /usr/bin/prometheus (Debian package 'prometheus'): test skipped");
        awaitScenario();
        metrics.refreshGauges();
        // One Prometheus scrapes the service once; the other scrapes it as two replicas (two instances, the same
        // figures, as two reporting-service replicas each holding the whole projection would give).
        Process one = prometheus(List.of("127.0.0.1:" + port));
        Process two = prometheus(List.of("127.0.0.1:" + port, "localhost:" + port));
        try {
            String single = base(one);
            String replicas = base(two);
            awaitScrapes(single, 1);
            awaitScrapes(replicas, 2);
            List<String> exprs = new ArrayList<>();
            for (String file : List.of("weekly-performance.json", "monthly-management.json", "quarterly-themes.json")) {
                JsonNode dashboard = EventJson.mapper().readTree(Files.readString(DASHBOARDS.resolve(file)));
                List<DashboardPicture.Panel> picture = new ArrayList<>();
                for (JsonNode panel : dashboard.get("panels")) {
                    assertThat(panel.path("description").asString("")).as("%s explains itself", panel.get("title"))
                            .isNotBlank();
                    for (JsonNode target : panel.get("targets")) {
                        // As Grafana sends them with the whole range and every team chosen.
                        String expr = target.get("expr").asString().replace("$__range", "1h").replace("$team", ".*")
                                .replace("$month", MONTH).replace("$quarter", QUARTER);
                        exprs.add(expr);
                        picture.add(new DashboardPicture.Panel(panel.get("title").asString(),
                                panel.get("description").asString(), answer(query(replicas, expr))));
                    }
                }
                DashboardPicture.write(dashboard.get("title").asString(), picture);
            }
            assertThat(exprs).hasSizeGreaterThanOrEqualTo(25);
            List<String> failures = new ArrayList<>();
            for (String expr : exprs) {
                JsonNode r = query(single, expr);
                if (!"success".equals(r.get("status").asString())) {
                    failures.add(expr + " -> " + r);
                } else if (r.get("data").get("result").isEmpty()) {
                    failures.add(expr + " -> no data");
                } else if (!answer(r).equals(answer(query(replicas, expr)))) {
                    failures.add(expr + " -> " + answer(r) + " from one replica but "
                            + answer(query(replicas, expr)) + " from two");
                }
            }
            assertThat(failures).as("dashboard queries without data, or doubled by a second replica").isEmpty();

            // A service manager's area lists their teams (the team variable's query, chained on the area).
            JsonNode areas = query(single, "practice_alerts_team_info{area=\"Sm North\"}");
            assertThat(answer(areas)).as("sm-north's area").hasSize(1).allMatch(l -> l.contains("team=team-north"));

            // The operations dashboard reads the other services' metrics: its queries must at least be valid.
            JsonNode operations = EventJson.mapper().readTree(Files.readString(DASHBOARDS.resolve("operations.json")));
            for (JsonNode panel : operations.get("panels")) {
                String expr = panel.get("targets").get(0).get("expr").asString();
                assertThat(query(single, expr).get("status").asString()).as(expr).isEqualTo("success");
                assertThat(panel.path("description").asString("")).isNotBlank();
            }

            // The month-true panels are the monthly audit's figures for the month.
            JsonNode audit = EventJson.mapper().readTree(get("/api/v1/reports/monthly?month=" + MONTH, "viewer-1",
                    "REPORT_VIEWER"));
            List<String> perTeam = new ArrayList<>();
            for (JsonNode t : audit.get("perTeam")) {
                for (String[] m : new String[][] {{"raised", "raised"}, {"escalated", "escalated"},
                        {"resolved", "resolved"}, {"withdrawn", "withdrawn"}, {"open_at_end", "openAtEnd"}}) {
                    perTeam.add("{measure=" + m[0] + ", team=" + t.get("teamId").asString() + "} " + t.get(m[1]).asInt());
                }
            }
            List<String> stageOutcomes = new ArrayList<>();
            List<String> within = new ArrayList<>();
            for (JsonNode t : audit.get("timelinessByStage")) {
                String stage = t.get("key").asString();
                stageOutcomes.add("{outcome=late, stage=" + stage + "} " + t.get("late").asInt());
                stageOutcomes.add("{outcome=missed, stage=" + stage + "} " + t.get("missed").asInt());
                stageOutcomes.add("{outcome=on_time, stage=" + stage + "} " + t.get("onTime").asInt());
                if (!t.get("withinTimescalePercent").isNull()) {
                    within.add("{stage=" + stage + "} " + new java.math.BigDecimal(t.get("withinTimescalePercent")
                            .asString()).stripTrailingZeros().toPlainString());
                }
            }
            List<String> closed = new ArrayList<>();
            audit.get("outcomes").properties().forEach(e -> closed.add("{outcome=" + e.getKey() + "} "
                    + e.getValue().asInt()));
            assertThat(perTeam).as("the scenario has a month to compare").isNotEmpty();
            assertThat(panel(replicas, "The month: per team")).isEqualTo(sorted(perTeam));
            assertThat(panel(replicas, "The month: stage outcomes")).isEqualTo(sorted(stageOutcomes));
            assertThat(rounded(panel(replicas, "The month: within timescale by stage"))).isEqualTo(sorted(within));
            assertThat(panel(replicas, "The month: closed by outcome")).isEqualTo(sorted(closed));

            // The quarter-true panels are the quarterly themes' figures for the quarter.
            JsonNode themes = EventJson.mapper().readTree(get("/api/v1/reports/quarterly?quarter=" + QUARTER,
                    "viewer-1", "REPORT_VIEWER"));
            List<String> headline = new ArrayList<>();
            themes.get("current").properties().forEach(e -> {
                if (!e.getValue().isNull()) {
                    headline.add("{measure=" + e.getKey() + "} " + new java.math.BigDecimal(e.getValue().asString())
                            .stripTrailingZeros().toPlainString());
                }
            });
            assertThat(panel(replicas, "quarterly-themes.json", "The quarter: headline figures")).isEqualTo(sorted(headline));
            java.util.Map<String, Integer> byCategory = new java.util.TreeMap<>();
            themes.get("byCategoryTeamPlan").forEach(c -> byCategory.merge(c.get("category").asString(),
                    c.get("count").asInt(), Integer::sum));
            List<String> inQuarter = new ArrayList<>();
            for (String line : panel(replicas, "quarterly-themes.json", "Themes quarter on quarter")) {
                if (line.contains("quarter=" + QUARTER)) {
                    inQuarter.add(line);
                }
            }
            List<String> expected = new ArrayList<>();
            byCategory.forEach((c, n) -> expected.add("{category=" + c + ", quarter=" + QUARTER + "} " + n));
            assertThat(inQuarter).isNotEmpty().isEqualTo(sorted(expected));

            // The "now" figures are the weekly pack's as of today.
            JsonNode weekly = EventJson.mapper().readTree(get("/api/v1/reports/weekly", "viewer-1", "REPORT_VIEWER"));
            assertThat(answer(query(replicas, exprs.get(0)))).as("open alerts")
                    .isEqualTo(List.of("{} " + weekly.get("openTotal").asInt()));
            List<String> openByTeamAndStage = new ArrayList<>();
            for (JsonNode c : weekly.get("openByTeamAndStage")) {
                openByTeamAndStage.add("{stage=" + c.get("stage").asInt() + ", team_name="
                        + weekly.get("teamNames").get(c.get("teamId").asString()).asString() + "} " + c.get("count").asInt());
            }
            List<String> drawn = new ArrayList<>(panel(replicas, "weekly-performance.json",
                    "Open alerts by team and stage"));
            drawn.removeIf(l -> l.endsWith(" 0"));
            assertThat(drawn).as("open by team and stage").isNotEmpty().isEqualTo(sorted(openByTeamAndStage));
            assertThat(answer(query(replicas, exprs.get(1)))).as("overdue now")
                    .isEqualTo(List.of("{} " + weekly.get("overdueNow").size()));
        } finally {
            stop(one);
            stop(two);
        }
    }

    /** The month the month-true panels are compared for: the scenario's, within the last 13 months. */
    static final String MONTH = "2026-09";
    /** The quarter the quarter-true panels are compared for: the scenario's, within the last five. */
    static final String QUARTER = "2026-Q3";

    private List<String> panel(String base, String title) throws Exception {
        return panel(base, "monthly-management.json", title);
    }

    private List<String> panel(String base, String file, String title) throws Exception {
        JsonNode dashboard = EventJson.mapper().readTree(Files.readString(DASHBOARDS.resolve(file)));
        for (JsonNode panel : dashboard.get("panels")) {
            if (panel.get("title").asString().equals(title)) {
                return answer(query(base, panel.get("targets").get(0).get("expr").asString()
                        .replace("$team", ".*").replace("$month", MONTH).replace("$quarter", QUARTER)));
            }
        }
        throw new AssertionError("no panel " + title);
    }

    private static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(String::compareTo);
        return s;
    }

    /** Percentages to one decimal place, as the audit gives them. */
    private static List<String> rounded(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String line : lines) {
            int space = line.lastIndexOf(' ');
            out.add(line.substring(0, space + 1) + new java.math.BigDecimal(line.substring(space + 1))
                    .setScale(1, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString());
        }
        return sorted(out);
    }

    /** A Prometheus scraping these targets every second with a METRICS token. */
    private Process prometheus(List<String> targets) throws IOException {
        Path dir = Files.createTempDirectory("reporting-prometheus");
        int promPort = freePort();
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: reporting
                    metrics_path: /actuator/prometheus
                    authorization:
                      type: Bearer
                      credentials: %s
                    static_configs:
                      - targets: [%s]
                """.formatted(token("prometheus", "METRICS"),
                String.join(", ", targets.stream().map(t -> "'" + t + "'").toList())));
        Files.writeString(dir.resolve("port"), String.valueOf(promPort));
        Process p = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        ports.put(p, promPort);
        return p;
    }

    private final java.util.Map<Process, Integer> ports = new java.util.HashMap<>();

    private String base(Process p) {
        return "http://127.0.0.1:" + ports.get(p);
    }

    /** Until every target has been scraped at least three times, so increase() over a window has two samples. */
    private void awaitScrapes(String base, int targets) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> {
            JsonNode r = query(base, "sum_over_time(up{job=\"reporting\"}[5m]) >= 3");
            return r.get("data").get("result").size() == targets;
        });
    }

    /** A query's answer as sorted lines of labels (the scrape's own labels left out) and value. */
    private static List<String> answer(JsonNode r) {
        List<String> lines = new ArrayList<>();
        for (JsonNode series : r.get("data").get("result")) {
            java.util.Map<String, String> labels = new java.util.TreeMap<>();
            series.get("metric").properties().forEach(e -> labels.put(e.getKey(), e.getValue().asString()));
            labels.keySet().removeAll(java.util.Set.of("instance", "job"));
            String value = series.get("value").get(1).asString();
            lines.add(labels + " " + (value.matches("-?\\d+(\\.\\d+)?") ? String.valueOf(new java.math.BigDecimal(value)
                    .stripTrailingZeros().toPlainString()) : value));
        }
        lines.sort(String::compareTo);
        return lines;
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private JsonNode query(String base, String expr) throws IOException, InterruptedException {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8))).GET().build(), HttpResponse.BodyHandlers.ofString());
        return EventJson.mapper().readTree(res.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
