package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.practicealerts.system.DeploymentFilesTest.list;
import static org.practicealerts.system.DeploymentFilesTest.map;
import static org.practicealerts.system.DeploymentFilesTest.yaml;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.Ports;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Starts a real Grafana the way compose does (its provisioning folder, the dashboards where compose mounts them, the
 * environment compose gives it) and asks Grafana's API what it loaded: the four dashboards in their folder and the
 * Prometheus datasource with the URL compose sets. No Grafana is packaged on Maven Central, Debian or npm, so the
 * test looks for an installed one ({@code GRAFANA_HOME}, Grafana's own Debian package under /usr/share/grafana, or
 * {@code grafana} on the PATH) and skips with the reason where there is none; DeploymentFilesTest checks the same
 * files as Grafana would resolve them everywhere.
 */
class GrafanaProvisioningTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> DASHBOARDS = List.of("pa-weekly-performance", "pa-monthly-management",
            "pa-quarterly-themes", "pa-operations");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void grafanaStartedAsComposeStartsItLoadsEveryDashboardAndThePrometheusDatasourceFromTheProvisioning()
            throws Exception {
        Optional<Path> home = grafanaHome();
        assumeTrue(home.isPresent(), "no Grafana installed here (set GRAFANA_HOME, install Grafana's package, or put "
                + "'grafana' on the PATH; none is on Maven Central, Debian or npm): test skipped");
        Path work = Files.createTempDirectory("grafana-provisioning");
        Path provisioning = work.resolve("provisioning");
        Map<String, String> env = asCompose(provisioning);
        String password = "grafana-test-" + System.nanoTime();
        int port = Ports.freePort();
        env.put("GF_SECURITY_ADMIN_PASSWORD", password);
        env.put("GF_PATHS_PROVISIONING", provisioning.toString());
        env.put("GF_PATHS_DATA", work.resolve("data").toString());
        env.put("GF_PATHS_LOGS", work.resolve("logs").toString());
        env.put("GF_PATHS_PLUGINS", work.resolve("plugins").toString());
        env.put("GF_SERVER_HTTP_ADDR", "127.0.0.1");
        env.put("GF_SERVER_HTTP_PORT", String.valueOf(port));
        env.put("GF_ANALYTICS_REPORTING_ENABLED", "false");
        env.put("GF_ANALYTICS_CHECK_FOR_UPDATES", "false");

        ProcessBuilder pb = new ProcessBuilder(command(home.get())).redirectErrorStream(true)
                .redirectOutput(work.resolve("grafana.log").toFile()).directory(home.get().toFile());
        pb.environment().putAll(env);
        Process grafana = pb.start();
        try {
            String base = "http://127.0.0.1:" + port;
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> get(base + "/api/health", password).statusCode() == 200);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> uids(base, password).containsAll(DASHBOARDS));
            JsonNode search = JsonMapper.builder().build().readTree(get(base + "/api/search?type=dash-db", password)
                    .body());
            for (JsonNode d : search) {
                if (DASHBOARDS.contains(d.get("uid").asString())) {
                    assertThat(d.get("folderTitle").asString()).as(d.get("uid").asString()).isEqualTo("Practice alerts");
                }
            }
            HttpResponse<String> ds = get(base + "/api/datasources/uid/prometheus", password);
            assertThat(ds.statusCode()).as(ds.body()).isEqualTo(200);
            JsonNode datasource = JsonMapper.builder().build().readTree(ds.body());
            assertThat(datasource.get("url").asString()).as("the URL compose gives it")
                    .isEqualTo(env.get("PROMETHEUS_URL"));
            assertThat(datasource.get("type").asString()).isEqualTo("prometheus");
        } finally {
            grafana.destroy();
            if (!grafana.waitFor(10, TimeUnit.SECONDS)) {
                grafana.destroyForcibly();
            }
        }
    }

    @Test
    void theProvisioningAsComposeMountsItFindsTheFourDashboardsAndReadsOnlyVariablesComposeSets() throws Exception {
        Path provisioning = Files.createTempDirectory("grafana-provisioning").resolve("provisioning");
        Map<String, String> env = asCompose(provisioning);
        Map<String, Object> provider = map(list(yaml(provisioning.resolve("dashboards/dashboards.yml"))
                .get("providers")).get(0));
        Path dashboards = Path.of(map(provider.get("options")).get("path").toString());
        List<String> uids = new ArrayList<>();
        try (Stream<Path> files = Files.list(dashboards)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                uids.add(JsonMapper.builder().build().readTree(Files.readString(f)).get("uid").asString());
            }
        }
        assertThat(uids).containsExactlyInAnyOrderElementsOf(DASHBOARDS);
        String datasource = Files.readString(provisioning.resolve("datasources/prometheus.yml"));
        assertThat(datasource).contains("url: ${PROMETHEUS_URL}");
        assertThat(env.get("PROMETHEUS_URL")).startsWith("http://prometheus:");
    }

    /**
     * The provisioning folder as Grafana in compose sees it, copied to {@code provisioning} with each container path
     * compose mounts replaced by the repository folder it mounts; returns compose's environment for Grafana.
     */
    private static Map<String, String> asCompose(Path provisioning) throws IOException {
        Map<String, Object> compose = map(map(yaml(REPO.resolve("docker-compose.yml")).get("services")).get("grafana"));
        Map<String, Path> mounts = new TreeMap<>();
        for (Object volume : list(compose.get("volumes"))) {
            String[] parts = volume.toString().split(":");
            mounts.put(parts[1], REPO.resolve(parts[0]).normalize());
        }
        copy(mounts.get("/etc/grafana/provisioning"), provisioning, mounts);
        Map<String, String> env = new HashMap<>();
        map(compose.get("environment")).forEach((k, v) -> env.put(k, String.valueOf(v)));
        return env;
    }

    private List<String> uids(String base, String password) throws Exception {
        List<String> uids = new ArrayList<>();
        for (JsonNode d : JsonMapper.builder().build().readTree(get(base + "/api/search?type=dash-db", password)
                .body())) {
            uids.add(d.get("uid").asString());
        }
        return uids;
    }

    private HttpResponse<String> get(String uri, String password) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString(("admin:" + password).getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Authorization", "Basic " + basic).GET()
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Grafana's home (holding conf/defaults.ini and bin/), from GRAFANA_HOME, its package, or the PATH. */
    private static Optional<Path> grafanaHome() {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("GRAFANA_HOME");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        candidates.add(Path.of("/usr/share/grafana"));
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path bin = Path.of(dir, "grafana");
            if (Files.isExecutable(bin)) {
                try {
                    candidates.add(bin.toRealPath().getParent().getParent());
                } catch (IOException ignored) {
                    // a dangling link on the PATH is no Grafana
                }
            }
        }
        return candidates.stream().filter(h -> Files.isRegularFile(h.resolve("conf/defaults.ini")))
                .filter(h -> executable(h).isPresent()).findFirst();
    }

    private static Optional<Path> executable(Path home) {
        return Stream.of(home.resolve("bin/grafana"), Path.of("/usr/sbin/grafana"), home.resolve("bin/grafana-server"),
                Path.of("/usr/sbin/grafana-server")).filter(Files::isExecutable).findFirst();
    }

    /** {@code grafana server} (Grafana 10 and later), or the older {@code grafana-server}. */
    private static List<String> command(Path home) {
        Path bin = executable(home).orElseThrow();
        return bin.getFileName().toString().equals("grafana")
                ? List.of(bin.toString(), "server", "--homepath", home.toString())
                : List.of(bin.toString(), "--homepath", home.toString());
    }

    /** Copies the provisioning files, each container path compose mounts replaced by the folder it mounts. */
    private static void copy(Path from, Path to, Map<String, Path> mounts) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                    continue;
                }
                String text = Files.readString(file);
                for (Map.Entry<String, Path> m : mounts.entrySet()) {
                    text = text.replace("path: " + m.getKey(), "path: " + m.getValue());
                }
                Files.writeString(target, text);
            }
        }
    }
}
