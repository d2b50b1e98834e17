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
 * A real Prometheus (Debian's /usr/bin/prometheus) scrapes the running service with a METRICS bearer token; every
 * panel query of both provisioned Grafana dashboards must then be valid and return data for the seeded scenario.
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
    void everyDashboardPanelQueryReturnsDataFromARealPrometheus() throws Exception {
        assumeTrue(Files.isExecutable(PROMETHEUS),
                "Prometheus is not installed at /usr/bin/prometheus (Debian package 'prometheus'): test skipped");
        awaitScenario();
        metrics.refreshGauges();
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
                      - targets: ['127.0.0.1:%d']
                """.formatted(token("prometheus", "METRICS"), port));
        Process prometheus = new ProcessBuilder(PROMETHEUS.toString(), "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort,
                "--log.level=warn").redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile())
                .start();
        try {
            String base = "http://127.0.0.1:" + promPort;
            // Three successful scrapes, so increase() over a window has at least two samples.
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> {
                        JsonNode r = query(base, "sum_over_time(up{job=\"reporting\"}[5m])");
                        return r.get("data").get("result").size() == 1
                                && r.get("data").get("result").get(0).get("value").get(1).asDouble() >= 3;
                    });
            List<String> exprs = new ArrayList<>();
            for (String file : List.of("weekly-performance.json", "monthly-management.json")) {
                JsonNode dashboard = EventJson.mapper().readTree(Files.readString(DASHBOARDS.resolve(file)));
                for (JsonNode panel : dashboard.get("panels")) {
                    for (JsonNode target : panel.get("targets")) {
                        exprs.add(target.get("expr").asString());
                    }
                }
            }
            assertThat(exprs).hasSizeGreaterThanOrEqualTo(20);
            List<String> failures = new ArrayList<>();
            for (String expr : exprs) {
                JsonNode r = query(base, expr);
                if (!"success".equals(r.get("status").asString())) {
                    failures.add(expr + " -> " + r);
                } else if (r.get("data").get("result").isEmpty()) {
                    failures.add(expr + " -> no data");
                }
            }
            assertThat(failures).as("dashboard queries without data").isEmpty();
        } finally {
            prometheus.destroy();
            if (!prometheus.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                prometheus.destroyForcibly();
            }
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
