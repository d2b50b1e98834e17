package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.practicealerts.events.Role;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The production deployment files (docker-compose.yml, the Dockerfile, deploy/k8s, deploy/keycloak,
 * deploy/prometheus and its alerting rules, deploy/alertmanager) are checked here, where no Docker engine or cluster exists: each file is valid for the tool
 * that reads it (run when the tool is installed, skipped with the reason otherwise), and what they promise holds.
 */
class DeploymentFilesTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** The product's containers in docker-compose.yml (the escalation-service runs twice). */
    static final List<String> COMPOSE_SERVICES = List.of("alert-service", "escalation-service-1",
            "escalation-service-2", "notification-service", "reporting-service");
    private static final List<String> SERVICES =
            List.of("alert-service", "escalation-service", "notification-service", "reporting-service");

    @Test
    void kubernetesRunsTheWebAppBehindAnIngressThatKeepsEachBrowserOnTheReplicaHoldingItsSession() throws IOException {
        List<Map<String, Object>> docs = yamlAll(REPO.resolve("deploy/k8s/base/web-app.yaml"));
        assertThat((Integer) map(kind(docs, "Deployment").get("spec")).get("replicas")).isGreaterThanOrEqualTo(2);
        assertThat(kind(docs, "PodDisruptionBudget")).isNotNull();
        Map<String, Object> ingress = kind(docs, "Ingress");
        assertThat(map(map(ingress.get("metadata")).get("annotations")))
                .containsEntry("nginx.ingress.kubernetes.io/affinity", "cookie");
        assertThat(map(ingress.get("spec"))).containsKey("tls");
        assertThat(Files.readString(REPO.resolve("deploy/k8s/base/kustomization.yaml"))).contains("web-app.yaml");
    }

    @Test
    void dockerComposeValidatesWithTheComposeTool() throws Exception {
        assumeTrue(onPath("docker-compose"), "docker-compose is not installed (.ci/run installs Debian's package)");
        Result r = run("docker-compose", "-f", "docker-compose.yml", "config", "-q");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void composeRunsEveryServiceFromTheOneDockerfileWithTwoEscalationInstancesAndHealthyDependencies()
            throws IOException {
        Map<String, Object> services = map(yaml(REPO.resolve("docker-compose.yml")).get("services"));
        assertThat(services).containsKeys("kafka", "mongo", "keycloak", "prometheus", "alertmanager", "grafana", "mailpit",
                "teams-sink", "alert-service", "escalation-service-1", "escalation-service-2",
                "notification-service", "reporting-service", "web-app");
        assertThat(map(map(services.get("web-app")).get("build")).get("args")).isEqualTo(
                Map.of("SERVICE", "web-app", "PORT", "8080"));
        for (String name : services.keySet()) {
            Map<String, Object> s = map(services.get(name));
            assertThat((String) s.get("image")).as(name + " image is pinned").doesNotEndWith(":latest")
                    .contains(":");
        }
        for (String module : SERVICES) {
            Map<String, Object> build = map(map(services.get(instance(module))).get("build"));
            assertThat(build.get("dockerfile")).isEqualTo("deploy/docker/Dockerfile");
            assertThat(map(build.get("args")).get("SERVICE")).isEqualTo(module);
        }
        assertThat(map(services.get("escalation-service-2")).get("image"))
                .isEqualTo(map(services.get("escalation-service-1")).get("image"));
        Map<String, Object> mongo = map(services.get("mongo"));
        assertThat(mongo.get("command").toString()).contains("--replSet");
        assertThat(mongo.get("volumes").toString()).contains("mongo-data:/data/db");
    }

    @Test
    void composeKeepsMongoDbBehindAuthenticationAndGivesTheTextMasterKeyOnlyToTheServicesThatReadText()
            throws IOException {
        Map<String, Object> services = map(yaml(REPO.resolve("docker-compose.yml")).get("services"));
        Map<String, Object> mongo = map(services.get("mongo"));
        assertThat(mongo).as("no MongoDB port on the host").doesNotContainKey("ports");
        services.forEach((name, service) -> {
            Object ports = map(service).get("ports");
            if (ports != null) {
                assertThat((List<?>) ports).as(name + " publishes on the host's loopback only")
                        .allSatisfy(p -> assertThat(p.toString()).startsWith("127.0.0.1:"));
            }
        });
        assertThat(mongo.get("command").toString()).contains("--keyFile");
        assertThat(map(mongo.get("environment"))).containsKeys("MONGO_INITDB_ROOT_USERNAME",
                "MONGO_INITDB_ROOT_PASSWORD", "ALERT_SERVICE_MONGO_PASSWORD", "REPORTING_SERVICE_MONGO_PASSWORD");
        assertThat(Files.readString(REPO.resolve("deploy/mongo/init-users.js")))
                .contains("'alert-service'", "'escalation-service'", "'notification-service'", "'reporting-service'");
        for (String name : COMPOSE_SERVICES) {
            Map<String, Object> env = map(map(services.get(name)).get("environment"));
            assertThat(env.get("MONGODB_URI").toString()).as(name + " signs in as itself")
                    .startsWith("mongodb://" + name.replaceAll("-\\d$", "") + ":").contains("authSource=admin");
            assertThat(env.containsKey("TEXT_MASTER_KEY")).as(name + " holds the text master key")
                    .isEqualTo(name.equals("alert-service") || name.equals("reporting-service"));
        }
    }

    @Test
    void composeKafkaTakesSaslSslOnlyPublishesNoPortAndGivesEachServiceItsOwnUserWithTheClustersTopicsAndAcls()
            throws IOException {
        Map<String, Object> services = map(yaml(REPO.resolve("docker-compose.yml")).get("services"));
        Map<String, Object> kafka = map(services.get("kafka"));
        assertThat(kafka).as("no Kafka port on the host").doesNotContainKey("ports");
        java.util.Properties server = new java.util.Properties();
        server.load(new java.io.StringReader(Files.readString(REPO.resolve("deploy/kafka/server.properties"))));
        assertThat(server.getProperty("listener.security.protocol.map"))
                .isEqualTo("CLIENTS:SASL_SSL,CONTROLLER:PLAINTEXT");
        assertThat(server.getProperty("listeners")).as("the controller on loopback only")
                .isEqualTo("CLIENTS://:9093,CONTROLLER://127.0.0.1:9094");
        assertThat(server.getProperty("allow.everyone.if.no.acl.found")).isEqualTo("false");
        // Each service signs in as itself, over TLS.
        Map<String, String> users = new java.util.TreeMap<>();
        for (String name : COMPOSE_SERVICES) {
            Map<String, Object> env = map(map(services.get(name)).get("environment"));
            assertThat(env.get("SPRING_KAFKA_SECURITY_PROTOCOL")).as(name).isEqualTo("SASL_SSL");
            assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as(name).isEqualTo("kafka:9093");
            Matcher user = Pattern.compile("username=\"([a-z-]+)\"").matcher(
                    env.get("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG").toString());
            assertThat(user.find()).as(name).isTrue();
            assertThat(user.group(1)).as(name + " signs in as itself").isEqualTo(name.replaceAll("-\\d$", ""));
            users.put(user.group(1), name);
            assertThat(map(services.get(name)).get("volumes").toString()).as(name + " gets the CA certificate only")
                    .contains("kafka-ca:/kafka-ca:ro").doesNotContain("kafka-tls");
        }
        String start = Files.readString(REPO.resolve("deploy/kafka/start.sh"));
        users.keySet().forEach(u -> assertThat(start).as("a SCRAM credential for " + u).contains("name=" + u + ","));
        // The same ACLs and topics as the cluster's KafkaUsers and KafkaTopics (one replica here).
        List<String> clusterAcls = new ArrayList<>();
        for (Map<String, Object> user : yamlAll(REPO.resolve("deploy/k8s/kafka/users.yaml"))) {
            String name = map(user.get("metadata")).get("name").toString();
            for (Object acl : list(map(map(user.get("spec")).get("authorization")).get("acls"))) {
                Map<String, Object> r = map(map(acl).get("resource"));
                clusterAcls.add(String.join(" ", name, r.get("type").toString(), r.get("name").toString(),
                        r.get("patternType").toString(), String.join(",", list(map(acl).get("operations")).stream()
                                .map(Object::toString).toList())));
            }
        }
        assertThat(lines("deploy/kafka/acls.txt")).isEqualTo(clusterAcls);
        assertThat(clusterAcls.stream().map(l -> l.split(" ")[0]).distinct().toList()).as("a user per service")
                .containsExactlyInAnyOrderElementsOf(users.keySet());
        List<String> clusterTopics = new ArrayList<>();
        for (Map<String, Object> topic : yamlAll(REPO.resolve("deploy/k8s/kafka/topics.yaml"))) {
            Map<String, Object> spec = map(topic.get("spec"));
            StringBuilder line = new StringBuilder(spec.get("topicName") + " " + spec.get("partitions"));
            map(spec.get("config")).forEach((k, v) -> {
                if (!k.equals("min.insync.replicas")) {
                    line.append(' ').append(k).append('=').append(v);
                }
            });
            clusterTopics.add(line.toString());
        }
        assertThat(lines("deploy/kafka/topics.txt")).isEqualTo(clusterTopics);
    }

    /** A deploy file's lines without comments and blanks. */
    static List<String> lines(String file) throws IOException {
        return Files.readAllLines(REPO.resolve(file)).stream().map(String::trim)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void theDockerfileStatesItsBaseImagesRunsAsANonRootUserAndChecksHealth() throws IOException {
        String dockerfile = Files.readString(REPO.resolve("deploy/docker/Dockerfile"));
        assertThat(dockerfile).contains("ARG MAVEN_IMAGE=maven:3.9", "ARG RUNTIME_IMAGE=eclipse-temurin:17")
                .contains("USER 10001").contains("HEALTHCHECK").contains("extract --layers")
                .contains("MaxRAMPercentage").doesNotContain(":latest");
        for (String module : SERVICES) {
            assertThat(REPO.resolve(module + "/pom.xml")).as(module + " module exists").exists();
        }
    }

    @Test
    void deployHoldsOnlyDeploymentFilesAndTheLauncherAndTestInfrastructureAreModulesOfTheirOwn()
            throws IOException {
        List<String> buildFiles;
        try (Stream<Path> files = Files.walk(REPO.resolve("deploy"))) {
            buildFiles = files.filter(Files::isRegularFile).map(f -> REPO.relativize(f).toString())
                    .filter(f -> !f.contains("/target/"))
                    .filter(f -> f.endsWith("pom.xml") || f.endsWith(".java")).toList();
        }
        assertThat(buildFiles).as("deploy/ has Docker, compose, Grafana, Prometheus, Keycloak and k8s files only")
                .isEmpty();
        String modules = Files.readString(REPO.resolve("pom.xml"));
        for (String module : List.of("embedded-stack", "test-support")) {
            assertThat(REPO.resolve(module + "/pom.xml")).as(module + " module exists").exists();
            assertThat(modules).contains("<module>" + module + "</module>");
        }
        assertThat(modules).doesNotContain("<module>deploy</module>");
    }

    @Test
    void prometheusConfigValidatesAndScrapesEveryService() throws Exception {
        String config = Files.readString(REPO.resolve("deploy/prometheus/prometheus.yml"));
        for (String module : SERVICES) {
            assertThat(config).contains(instance(module) + ":");
        }
        assumeTrue(onPath("promtool"), "promtool is not installed (.ci/run installs Debian's prometheus package)");
        Result r = run("promtool", "check", "config", "deploy/prometheus/prometheus.yml");
        assertThat(r.exit()).as(r.output()).isZero();
    }

    @Test
    void theAlertingRulesPassPromtoolsChecksAndTheirUnitTests() throws Exception {
        assumeTrue(onPath("promtool"), "promtool is not installed (.ci/run installs Debian's prometheus package)");
        Result check = run("promtool", "check", "rules", "deploy/prometheus/rules/practice-alerts.rules.yml");
        assertThat(check.exit()).as(check.output()).isZero();
        assertThat(check.output()).contains("SUCCESS: 13 rules found");
        Result tests = run("promtool", "test", "rules", "deploy/prometheus/rules/practice-alerts.rules.test.yml");
        assertThat(tests.exit()).as(tests.output()).isZero();
    }

    @Test
    void composeAndKubernetesLoadTheSameAlertingRulesAndComposeRoutesTheirAlerts() throws IOException {
        Map<String, Object> rules = yaml(REPO.resolve("deploy/prometheus/rules/practice-alerts.rules.yml"));
        Map<String, Object> prometheusRule = yaml(REPO.resolve("deploy/k8s/monitoring/prometheus-rules.yaml"));
        assertThat(prometheusRule.get("kind")).isEqualTo("PrometheusRule");
        assertThat(map(prometheusRule.get("spec")).get("groups")).as("the cluster's rules are the file's")
                .isEqualTo(rules.get("groups"));
        // Both scrapers label every series as the rules expect: `application`, and the job practice-alerts.
        String monitor = Files.readString(REPO.resolve("deploy/k8s/monitoring/service-monitor.yaml"));
        assertThat(monitor).contains("targetLabel: application", "replacement: practice-alerts");
        for (String module : SERVICES) {
            assertThat(monitor).contains(module);
        }

        Map<String, Object> config = yaml(REPO.resolve("deploy/prometheus/prometheus.yml"));
        assertThat(config.get("scrape_configs").toString()).contains("job_name=practice-alerts", "application=");
        assertThat(config.get("rule_files")).isEqualTo(List.of("rules/*.rules.yml"));
        assertThat(config.get("alerting").toString()).contains("alertmanager:9093");
        Map<String, Object> services = map(yaml(REPO.resolve("docker-compose.yml")).get("services"));
        assertThat(map(services.get("prometheus")).get("volumes").toString())
                .contains("./deploy/prometheus/rules:/etc/prometheus/rules:ro");
        assertThat(map(services.get("alertmanager")).get("volumes").toString())
                .contains("./deploy/alertmanager/alertmanager.yml:/etc/alertmanager/alertmanager.yml:ro");
        Map<String, Object> alertmanager = yaml(REPO.resolve("deploy/alertmanager/alertmanager.yml"));
        String receiver = (String) map(alertmanager.get("route")).get("receiver");
        assertThat(alertmanager.get("receivers").toString()).contains("name=" + receiver, "email_configs");
    }

    @Test
    void theKeycloakRealmHasExactlyTheRolesTheServicesCheckAndADemoUserPerDirectoryPerson() throws IOException {
        JsonNode realm = JsonMapper.builder().build()
                .readTree(REPO.resolve("deploy/keycloak/practice-alerts-realm.json").toFile());
        Set<String> realmRoles = new TreeSet<>();
        realm.get("roles").get("realm").forEach(r -> realmRoles.add(r.get("name").asString()));

        // Every security rule names its roles through the Role type, so the type is the whole list.
        Set<String> expected = new TreeSet<>();
        for (Role role : Role.values()) {
            expected.add(role.name());
        }
        assertThat(realmRoles).isEqualTo(expected);

        Set<String> users = new TreeSet<>();
        realm.get("users").forEach(u -> {
            if (!u.has("serviceAccountClientId")) {
                users.add(u.get("username").asString());
                u.get("realmRoles").forEach(r -> assertThat(realmRoles).contains(r.asString()));
            }
        });
        String demo = Files.readString(REPO.resolve(
                "alert-service/src/main/java/org/practicealerts/alert/directory/DemoDirectory.java"));
        Set<String> people = new TreeSet<>();
        Matcher m = Pattern.compile("(?:person|new Person)\\(\"([a-z0-9-]+)\"").matcher(demo);
        while (m.find()) {
            people.add(m.group(1));
        }
        assertThat(users).as("Keycloak usernames are the demo directory's person ids").isEqualTo(people);
    }

    @Test
    void kubernetesManifestsGiveEveryServiceProbesLimitsSeveralReplicasAndADisruptionBudget() throws IOException {
        for (String module : SERVICES) {
            List<Map<String, Object>> docs = yamlAll(REPO.resolve("deploy/k8s/base/" + module + ".yaml"));
            Map<String, Object> deployment = kind(docs, "Deployment");
            assertThat((Integer) map(deployment.get("spec")).get("replicas")).as(module).isGreaterThanOrEqualTo(2);
            Map<String, Object> container = map(list(map(map(map(deployment.get("spec")).get("template"))
                    .get("spec")).get("containers")).get(0));
            assertThat(container).containsKeys("readinessProbe", "livenessProbe", "startupProbe");
            assertThat(map(map(container.get("resources")).get("limits"))).containsKey("memory");
            assertThat(kind(docs, "PodDisruptionBudget")).isNotNull();
            assertThat(kind(docs, "Service")).isNotNull();
        }
        assertThat(Files.readString(REPO.resolve("deploy/k8s/base/kustomization.yaml")))
                .contains(SERVICES.stream().map(s -> s + ".yaml").toArray(String[]::new));
    }

    @Test
    void kubernetesOverlayRendersWithKustomize() throws Exception {
        assumeTrue(onPath("kubectl"), "kubectl is not installed: the structural check above still ran; render with "
                + "`kubectl kustomize deploy/k8s/overlays/example-council` where it is");
        Result r = run("kubectl", "kustomize", "deploy/k8s/overlays/example-council");
        assertThat(r.exit()).as(r.output()).isZero();
        List<String> kinds = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(r.output())) {
            kinds.add((String) map(doc).get("kind"));
        }
        assertThat(kinds).contains("Namespace", "ConfigMap", "Secret", "Ingress").filteredOn("Deployment"::equals)
                .hasSize(5);
        assertThat(kinds).filteredOn("PodDisruptionBudget"::equals).hasSize(5);
    }

    @Test
    void composeGrafanaLoadsTheDashboardsFromWhereItsProvisioningLooksAndGetsEveryVariableItsProvisioningReads()
            throws IOException {
        Map<String, Object> grafana = map(map(yaml(REPO.resolve("docker-compose.yml")).get("services")).get("grafana"));
        Path provisioning = REPO.resolve("deploy/grafana/provisioning");
        Map<String, Object> provider = map(list(yaml(provisioning.resolve("dashboards/dashboards.yml"))
                .get("providers")).get(0));
        String path = map(provider.get("options")).get("path").toString();
        assertThat(list(grafana.get("volumes"))).as("the dashboards are mounted where the provider reads them")
                .contains("./deploy/grafana/dashboards:" + path + ":ro");
        Map<String, Object> env = map(grafana.get("environment"));
        try (var files = Files.walk(provisioning)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                String text = Files.readString(file);
                assertThat(text).as("%s: Grafana does not expand ${VAR:-default}", file)
                        .doesNotContainPattern("\\$\\{[A-Z_]+:-");
                java.util.regex.Matcher used = java.util.regex.Pattern.compile("\\$\\{([A-Z_]+)}").matcher(text);
                while (used.find()) {
                    assertThat(env).as("%s reads %s", file, used.group(1)).containsKey(used.group(1));
                }
            }
        }
    }

    private static String instance(String module) {
        return module.equals("escalation-service") ? "escalation-service-1" : module;
    }

    private static Map<String, Object> kind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).findFirst().orElse(null);
    }

    static Map<String, Object> yaml(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return map(new Yaml().load(in));
        }
    }

    private static List<Map<String, Object>> yamlAll(Path file) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml().loadAll(Files.readString(file))) {
            docs.add(map(doc));
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static boolean onPath(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    record Result(int exit, String output) {
    }

    private static Result run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(REPO.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", String.join(" ", command)).isTrue();
        return new Result(p.exitValue(), out);
    }
}
