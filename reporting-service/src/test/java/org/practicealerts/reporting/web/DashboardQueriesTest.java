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
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.EventJson;
import org.practicealerts.reporting.metrics.AlertMetrics;
import org.practicealerts.reporting.metrics.PeriodMetrics;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Real Prometheus servers (Debian's /usr/bin/prometheus) scrape the running service with a METRICS bearer token, one
 * as a single replica and one as two. Every panel of the three report dashboards (weekly, monthly, quarterly) is
 * asked as Grafana asks it (every team, the scenario's month and quarter) and must give the same answer from one
 * replica or two, and that answer must be the JSON report's for the same period: the weekly pack as of the service's
 * today, the monthly audit for the month, the quarterly themes for the quarter. A panel without an expectation here
 * fails the test, so a new panel cannot go unchecked.
 */
class DashboardQueriesTest extends ReportingServiceRig {

    static final Path PROMETHEUS = Path.of("/usr/bin/prometheus");
    static final Path DASHBOARDS = Path.of("..", "deploy", "grafana", "dashboards");
    static final List<String> REPORT_DASHBOARDS = List.of("weekly-performance.json", "monthly-management.json",
            "quarterly-themes.json");

    @LocalServerPort
    int port;
    @Autowired
    AlertMetrics metrics;
    @Autowired
    PeriodMetrics periods;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void everyReportDashboardPanelAnswersAsTheReportForItsPeriodWhetherOneReplicaOrTwoIsScraped() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS),
                "Prometheus is not installed at /usr/bin/prometheus (Debian package 'prometheus'): test skipped");
        awaitScenario();
        metrics.refreshGauges();
        periods.refresh();
        // One Prometheus scrapes the service once; the other scrapes it as two replicas (two instances, the same
        // figures, as two reporting-service replicas each holding the whole projection would give).
        Process one = prometheus(List.of("127.0.0.1:" + port));
        Process two = prometheus(List.of("127.0.0.1:" + port, "localhost:" + port));
        try {
            String single = base(one);
            String replicas = base(two);
            awaitScrapes(single, 1);
            awaitScrapes(replicas, 2);
            Map<String, List<String>> expected = new TreeMap<>();
            expected.putAll(weekly(report("/api/v1/reports/weekly")));
            expected.putAll(monthly(report("/api/v1/reports/monthly?month=" + MONTH),
                    report("/api/v1/reports/weekly")));
            Map<String, JsonNode> themes = new TreeMap<>();
            for (String quarter : QUARTERS) {
                themes.put(quarter, report("/api/v1/reports/quarterly?quarter=" + quarter));
            }
            expected.putAll(quarterly(themes));

            List<String> failures = new ArrayList<>();
            int withData = 0;
            for (String file : REPORT_DASHBOARDS) {
                JsonNode dashboard = EventJson.mapper().readTree(Files.readString(DASHBOARDS.resolve(file)));
                List<DashboardPicture.Panel> picture = new ArrayList<>();
                for (JsonNode panel : dashboard.get("panels")) {
                    String title = panel.get("title").asString();
                    assertThat(panel.path("description").asString("")).as("%s explains itself", title).isNotBlank();
                    String expr = asGrafanaSends(panel.get("targets").get(0).get("expr").asString());
                    JsonNode fromOne = query(single, expr);
                    List<String> answer = answer(query(replicas, expr));
                    picture.add(new DashboardPicture.Panel(title, panel.get("description").asString(), answer));
                    List<String> want = expected.get(file + " | " + title);
                    if (!"success".equals(fromOne.get("status").asString())) {
                        failures.add(title + ": " + expr + " -> " + fromOne);
                    } else if (!answer(fromOne).equals(answer)) {
                        failures.add(title + ": " + answer(fromOne) + " from one replica but " + answer + " from two");
                    } else if (want == null) {
                        failures.add(title + " (" + file + "): no expectation from a report; add one to this test");
                    } else if (!figures(panel, answer).equals(sorted(want))) {
                        failures.add(title + ": the dashboard says " + figures(panel, answer) + " but the report "
                                + sorted(want));
                    } else if (!want.isEmpty()) {
                        withData++;
                    }
                }
                DashboardPicture.write(dashboard.get("title").asString(), picture);
            }
            assertThat(failures).as("panels that disagree with their report, or double with a second replica")
                    .isEmpty();
            assertThat(withData).as("panels whose scenario answer is not empty").isGreaterThanOrEqualTo(25);

            // The team variable offers team names (the value stays the id the series carry), as Grafana reads
            // query_result with the variable's regex; a service manager's area lists their teams.
            JsonNode monthly = EventJson.mapper().readTree(Files.readString(DASHBOARDS.resolve(
                    "monthly-management.json")));
            JsonNode team = null;
            for (JsonNode v : monthly.get("templating").get("list")) {
                team = "team".equals(v.get("name").asString()) ? v : team;
            }
            assertThat(teamChoices(single, team, "Sm North")).containsExactly("North=team-north");
            assertThat(teamChoices(single, team, ".*")).containsExactly("North=team-north", "South=team-south");

            // The operations dashboard reads the other services' metrics: its queries must at least be valid.
            JsonNode operations = EventJson.mapper().readTree(Files.readString(DASHBOARDS.resolve("operations.json")));
            for (JsonNode panel : operations.get("panels")) {
                String expr = panel.get("targets").get(0).get("expr").asString();
                assertThat(query(single, expr).get("status").asString()).as(expr).isEqualTo("success");
                assertThat(panel.path("description").asString("")).isNotBlank();
            }
        } finally {
            stop(one);
            stop(two);
        }
    }

    /** The month the month-true panels are compared for: the scenario's, within the last 13 months. */
    static final String MONTH = "2026-09";
    /** The quarter the quarter-true panels are compared for: the scenario's, within the last five. */
    static final String QUARTER = "2026-Q3";

    private JsonNode report(String uri) {
        return EventJson.mapper().readTree(get(uri, "viewer-1", "REPORT_VIEWER"));
    }

    /** A panel's expression as Grafana sends it: the whole time range, every team and area, the chosen period. */
    private static String asGrafanaSends(String expr) {
        return expr.replace("$__range", "1h").replace("$team", ".*").replace("$area", ".*").replace("$month", MONTH)
                .replace("$quarter", QUARTER);
    }

    /**
     * The figures a panel draws: its answer with the zero series the gauges register for every team and stage left
     * out (a report lists only what happened), percentages to one decimal place and means to two as a report gives
     * them. A single figure ({@code {}}) is kept even when zero.
     */
    private static List<String> figures(JsonNode panel, List<String> answer) {
        String unit = panel.path("fieldConfig").path("defaults").path("unit").asString("");
        boolean mean = panel.get("title").asString().contains("mean");
        List<String> out = new ArrayList<>();
        for (String line : answer) {
            int space = line.lastIndexOf(' ');
            String labels = line.substring(0, space);
            String value = line.substring(space + 1);
            if (value.equals("0") && !labels.equals("{}")) {
                continue;
            }
            out.add(labels + " " + ("percent".equals(unit) ? round(value, 1) : mean ? round(value, 2) : value));
        }
        return sorted(out);
    }

    private static String round(String value, int places) {
        return new BigDecimal(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    private static String ratio(long part, long whole, int scale, int places) {
        return new BigDecimal(part * scale).divide(new BigDecimal(whole), places, RoundingMode.HALF_UP)
                .stripTrailingZeros().toPlainString();
    }

    private static String name(JsonNode report, String teamId) {
        JsonNode n = report.get("teamNames").get(teamId);
        return n == null ? teamId : n.asString();
    }

    /** Adds {@code n} to the figure under {@code labels}. */
    private static void add(Map<String, Long> figures, String labels, long n) {
        figures.merge(labels, n, Long::sum);
    }

    private static List<String> lines(Map<String, Long> figures) {
        List<String> out = new ArrayList<>();
        figures.forEach((labels, n) -> {
            if (n != 0 || labels.equals("{}")) {
                out.add(labels + " " + n);
            }
        });
        return out;
    }

    /** The weekly dashboard's panels, from the weekly pack as of today. */
    private static Map<String, List<String>> weekly(JsonNode w) {
        String f = "weekly-performance.json | ";
        Map<String, List<String>> e = new TreeMap<>();
        e.put(f + "Open alerts", List.of("{} " + w.get("openTotal").asInt()));
        e.put(f + "Overdue responses now", List.of("{} " + w.get("overdueNow").size()));
        e.put(f + "Escalated in the last 7 days", List.of("{} " + w.get("escalatedSinceLastWeek").asInt()));
        e.put(f + "Resolved in the last 7 days", List.of("{} " + w.get("resolvedSinceLastWeek").asInt()));
        Map<String, Long> openByTeamStage = new TreeMap<>();
        Map<String, Long> openByStage = new TreeMap<>();
        Map<String, Long> review = new TreeMap<>();
        for (JsonNode c : w.get("openByTeamAndStage")) {
            String team = name(w, c.get("teamId").asString());
            add(openByTeamStage, "{stage=" + c.get("stage").asInt() + ", team_name=" + team + "}", c.get("count").asInt());
            add(openByStage, "{stage=" + c.get("stage").asInt() + "}", c.get("count").asInt());
            add(review, "{team_name=" + team + "}", c.get("inActionReview").asInt());
        }
        e.put(f + "Open alerts by team and stage", lines(openByTeamStage));
        e.put(f + "Open alerts over time by stage", lines(openByStage));
        e.put(f + "Alerts in action review", lines(review));
        Map<String, Long> overdue = new TreeMap<>();
        for (JsonNode l : w.get("overdueNow")) {
            add(overdue, "{stage=" + l.get("stage").asInt() + ", team_name=" + name(w, l.get("teamId").asString())
                    + "}", 1);
        }
        e.put(f + "Overdue by team and stage", lines(overdue));
        Map<String, Long> raised = new TreeMap<>();
        for (JsonNode t : w.get("sinceLastWeekByTeam")) {
            add(raised, "{team_name=" + name(w, t.get("teamId").asString()) + "}", t.get("raised").asInt());
        }
        e.put(f + "Raised per team (last 7 days)", lines(raised));
        Map<String, Long> byStage = new TreeMap<>();
        Map<String, Long> byReason = new TreeMap<>();
        for (JsonNode m : w.get("escalationsSinceLastWeek")) {
            add(byStage, "{stage=" + m.get("stage").asInt() + "}", m.get("count").asInt());
            add(byReason, "{reason=" + m.get("reason").asString() + "}", m.get("count").asInt());
        }
        e.put(f + "Escalations by stage reached (last 7 days)", lines(byStage));
        e.put(f + "Escalations by reason (last 7 days)", lines(byReason));
        return e;
    }

    /** The monthly dashboard's panels, from the monthly audit for the month (and the weekly pack for "now"). */
    private static Map<String, List<String>> monthly(JsonNode a, JsonNode w) {
        String f = "monthly-management.json | ";
        Map<String, List<String>> e = new TreeMap<>();
        Map<String, Long> perTeam = new TreeMap<>();
        for (JsonNode t : a.get("perTeam")) {
            for (String[] m : new String[][] {{"raised", "raised"}, {"escalated", "escalated"},
                    {"resolved", "resolved"}, {"withdrawn", "withdrawn"}, {"open_at_end", "openAtEnd"}}) {
                add(perTeam, "{measure=" + m[0] + ", team_name=" + name(a, t.get("teamId").asString()) + "}",
                        t.get(m[1]).asInt());
            }
        }
        e.put(f + "Per team", lines(perTeam));
        Map<String, Long> byCategory = new TreeMap<>();
        Map<String, Long> byTeamPlan = new TreeMap<>();
        for (JsonNode r : a.get("raised")) {
            add(byCategory, "{category=" + r.get("category").asString() + "}", r.get("count").asInt());
            add(byTeamPlan, "{plan_type=" + r.get("planType").asString() + ", team_name="
                    + name(a, r.get("teamId").asString()) + "}", r.get("count").asInt());
        }
        e.put(f + "Raised by category", lines(byCategory));
        e.put(f + "Raised by team and plan type", lines(byTeamPlan));
        // Timeliness by stage is the audit's own rows; by team and the working days come from its team-stage rows.
        List<String> withinByStage = new ArrayList<>();
        Map<String, Long> outcomes = new TreeMap<>();
        Map<String, Long> responses = new TreeMap<>();
        for (JsonNode t : a.get("timelinessByStage")) {
            String stage = t.get("key").asString();
            if (!t.get("withinTimescalePercent").isNull()) {
                withinByStage.add("{stage=" + stage + "} " + round(t.get("withinTimescalePercent").asString(), 1));
            }
            add(outcomes, "{outcome=on_time, stage=" + stage + "}", t.get("onTime").asInt());
            add(outcomes, "{outcome=late, stage=" + stage + "}", t.get("late").asInt());
            add(outcomes, "{outcome=missed, stage=" + stage + "}", t.get("missed").asInt());
            add(responses, "{stage=" + stage + "}", t.get("responses").asInt());
        }
        e.put(f + "Within timescale by stage", withinByStage);
        e.put(f + "Stage outcomes: on time, late, missed", lines(outcomes));
        e.put(f + "Responses by stage", lines(responses));
        Map<String, long[]> byTeam = new TreeMap<>();
        Map<String, long[]> daysByStage = new TreeMap<>();
        for (JsonNode t : a.get("timelinessByTeamAndStage")) {
            long[] team = byTeam.computeIfAbsent("{team_name=" + name(a, t.get("teamId").asString()) + "}",
                    k -> new long[4]);
            long[] stage = daysByStage.computeIfAbsent("{stage=" + t.get("stage").asInt() + "}", k -> new long[4]);
            for (long[] c : List.of(team, stage)) {
                c[0] += t.get("onTime").asInt();
                c[1] += t.get("onTime").asInt() + t.get("late").asInt() + t.get("missed").asInt();
                c[2] += t.get("responseWorkingDays").asInt();
                c[3] += t.get("responses").asInt();
            }
        }
        List<String> withinByTeam = new ArrayList<>();
        List<String> meanByTeam = new ArrayList<>();
        List<String> meanByStage = new ArrayList<>();
        byTeam.forEach((k, c) -> {
            if (c[1] > 0) {
                withinByTeam.add(k + " " + ratio(c[0], c[1], 100, 1));
            }
            if (c[3] > 0) {
                meanByTeam.add(k + " " + ratio(c[2], c[3], 1, 2));
            }
        });
        daysByStage.forEach((k, c) -> {
            if (c[3] > 0) {
                meanByStage.add(k + " " + ratio(c[2], c[3], 1, 2));
            }
        });
        e.put(f + "Within timescale by team", withinByTeam);
        e.put(f + "Working days to respond, mean by stage", meanByStage);
        e.put(f + "Working days to respond, mean by team", meanByTeam);
        Map<String, Long> escalationsByStage = new TreeMap<>();
        Map<String, Long> escalationsByReason = new TreeMap<>();
        for (JsonNode m : a.get("escalations")) {
            add(escalationsByStage, "{stage=" + m.get("stage").asInt() + "}", m.get("count").asInt());
            add(escalationsByReason, "{reason=" + m.get("reason").asString() + "}", m.get("count").asInt());
        }
        e.put(f + "Escalations by stage reached", lines(escalationsByStage));
        e.put(f + "Escalations by reason", lines(escalationsByReason));
        Map<String, Long> closed = new TreeMap<>();
        a.get("outcomes").properties().forEach(o -> add(closed, "{outcome=" + o.getKey() + "}", o.getValue().asInt()));
        e.put(f + "Closed by outcome", lines(closed));
        Map<String, Long> resolvedByPlan = new TreeMap<>();
        long resolved = 0;
        long days = 0;
        long within = 0;
        for (JsonNode c : a.get("closures")) {
            if (c.get("outcome").asString().startsWith("RESOLVED")) {
                add(resolvedByPlan, "{plan_type=" + c.get("planType").asString() + "}", c.get("count").asInt());
                resolved += c.get("count").asInt();
                days += c.get("workingDays").asInt();
                within += c.get("withinTwentyWorkingDays").asInt();
            }
        }
        e.put(f + "Resolved by plan type", lines(resolvedByPlan));
        e.put(f + "Working days to resolve, mean", resolved == 0 ? List.of() : List.of("{} " + ratio(days, resolved, 1, 2)));
        e.put(f + "Resolved within 20 working days (share)", resolved == 0 ? List.of()
                : List.of("{} " + ratio(within, resolved, 100, 1)));
        Map<String, Long> overdueByTeam = new TreeMap<>();
        for (JsonNode l : w.get("overdueNow")) {
            add(overdueByTeam, "{team_name=" + name(w, l.get("teamId").asString()) + "}", 1);
        }
        e.put(f + "Overdue responses now, by team", lines(overdueByTeam));
        e.put(f + "Overdue responses over the time range", List.of("{} " + w.get("overdueNow").size()));
        return e;
    }

    /** The quarters the quarter-true gauges hold as of the service's today: this one and the four before. */
    static final List<String> QUARTERS = List.of("2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1", "2025-Q4");

    /**
     * The quarterly dashboard's panels, from the quarterly themes: the chosen quarter's headline, and each of the
     * last five quarters' for the panels that compare them.
     */
    private static Map<String, List<String>> quarterly(Map<String, JsonNode> themes) {
        String f = "quarterly-themes.json | ";
        Map<String, List<String>> e = new TreeMap<>();
        List<String> headline = new ArrayList<>();
        themes.get(QUARTER).get("current").properties().forEach(m -> {
            String value = m.getValue().isNull() ? "0"
                    : new BigDecimal(m.getValue().asString()).stripTrailingZeros().toPlainString();
            if (!value.equals("0")) {
                headline.add("{measure=" + m.getKey() + "} " + value);
            }
        });
        e.put(f + "The quarter: headline figures", headline);
        Map<String, Long> breaches = new TreeMap<>();
        Map<String, Long> referrals = new TreeMap<>();
        Map<String, Long> repeats = new TreeMap<>();
        Map<String, Long> byCategory = new TreeMap<>();
        themes.forEach((quarter, q) -> {
            JsonNode current = q.get("current");
            add(breaches, "{quarter=" + quarter + "}", current.get("overStatutoryTotal").asLong());
            for (String m : List.of("cafcassReferrals", "partnershipReferrals")) {
                add(referrals, "{measure=" + m + ", quarter=" + quarter + "}", current.get(m).asLong());
            }
            for (String m : List.of("repeatAlerts", "bypasses", "missedDeadlines")) {
                add(repeats, "{measure=" + m + ", quarter=" + quarter + "}", current.get(m).asLong());
            }
            q.get("byCategoryTeamPlan").forEach(c -> add(byCategory, "{category=" + c.get("category").asString()
                    + ", quarter=" + quarter + "}", c.get("count").asInt()));
        });
        e.put(f + "Statutory-total breaches by quarter", lines(breaches));
        e.put(f + "Referrals by quarter", lines(referrals));
        e.put(f + "Repeat alerts and bypasses by quarter", lines(repeats));
        e.put(f + "Themes quarter on quarter", lines(byCategory));
        return e;
    }

    /** The team variable's choices as Grafana makes them: each query_result line through the variable's regex. */
    private List<String> teamChoices(String base, JsonNode variable, String area) throws Exception {
        String q = variable.get("query").get("query").asString().replace("$area", area);
        assertThat(q).startsWith("query_result(");
        JsonNode r = query(base, q.substring("query_result(".length(), q.length() - 1));
        String regex = variable.get("regex").asString();
        Pattern pattern = Pattern.compile(regex.substring(1, regex.length() - 1));
        List<String> choices = new ArrayList<>();
        for (JsonNode series : r.get("data").get("result")) {
            // Grafana's text for a result: {label="value",...} value timestamp, labels in the answer's order.
            StringBuilder text = new StringBuilder("{");
            series.get("metric").properties().forEach(e -> text.append(text.length() > 1 ? "," : "")
                    .append(e.getKey()).append("=\"").append(e.getValue().asString()).append('"'));
            text.append("} ").append(series.get("value").get(1).asString());
            Matcher m = pattern.matcher(text);
            assertThat(m.find()).as(text.toString()).isTrue();
            choices.add(m.group("text") + "=" + m.group("value"));
        }
        choices.sort(String::compareTo);
        return choices;
    }

    private static List<String> sorted(List<String> lines) {
        List<String> s = new ArrayList<>(lines);
        s.sort(String::compareTo);
        return s;
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
