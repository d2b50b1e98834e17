package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.practicealerts.system.DeploymentFilesTest.lines;
import static org.practicealerts.system.DeploymentFilesTest.map;
import static org.practicealerts.system.DeploymentFilesTest.onPath;
import static org.practicealerts.system.DeploymentFilesTest.yaml;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.config.SaslConfigs;
import org.apache.kafka.common.config.SslConfigs;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.EmbeddedKafkaBroker;
import org.practicealerts.embedded.Ports;

/**
 * Compose's Kafka, for real: a broker (the embedded default's Kafka from Maven Central) started from
 * deploy/kafka/server.properties with only compose's network names and ports changed, its TLS material made by
 * deploy/kafka/tls.sh, a SCRAM credential per service with compose's demo passwords, and the topics and ACLs of
 * deploy/kafka/topics.txt and acls.txt applied as the setup job applies them. Then each service's client, configured as
 * compose configures it, may do what its ACLs say and nothing else, and nobody gets in without TLS and a password.
 */
class ComposeKafkaSecurityTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String EVENTS = "practice-alerts.alert-events";

    private static Path work;
    private static EmbeddedKafkaBroker broker;
    private static Map<String, String> passwords;

    @BeforeAll
    static void startTheComposeBroker() throws Exception {
        assumeTrue(onPath("keytool") && onPath("sh"), "keytool or sh is not on the PATH: deploy/kafka/tls.sh cannot "
                + "make the broker's TLS material here; test skipped");
        work = Files.createTempDirectory("compose-kafka");
        passwords = composePasswords();
        ProcessBuilder tlsScript = new ProcessBuilder("sh", REPO.resolve("deploy/kafka/tls.sh").toString(),
                work.resolve("tls").toString(), work.resolve("ca").toString()).redirectErrorStream(true)
                .redirectOutput(work.resolve("tls.log").toFile());
        tlsScript.environment().put("KAFKA_TLS_PASSWORD", passwords.get("KAFKA_TLS_PASSWORD"));
        Process tls = tlsScript.start();
        assertThat(tls.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(tls.exitValue()).as(Files.readString(work.resolve("tls.log"))).isZero();

        int clients = Ports.freePort();
        int controller = Ports.freePort();
        String text = Files.readString(REPO.resolve("deploy/kafka/server.properties"))
                .replace("@ADMIN_PASSWORD@", passwords.get("KAFKA_ADMIN_PASSWORD"))
                .replace("@TLS_PASSWORD@", passwords.get("KAFKA_TLS_PASSWORD"))
                .replace("@TLS_DIR@", work.resolve("tls").toString())
                .replace("@DATA_DIR@", work.resolve("data").toString());
        Properties server = new Properties();
        server.load(new StringReader(text));
        // Only compose's network names and ports change: the broker is "localhost" here, not "kafka".
        server.setProperty("listeners", server.getProperty("listeners").replace("CLIENTS://:9093",
                "CLIENTS://localhost:" + clients).replace("127.0.0.1:9094", "127.0.0.1:" + controller));
        server.setProperty("advertised.listeners", "CLIENTS://localhost:" + clients);
        server.setProperty("controller.quorum.voters", server.getProperty("controller.quorum.voters")
                .replace("127.0.0.1:9094", "127.0.0.1:" + controller));
        server.setProperty("metadata.log.dir", work.resolve("data").toString());
        Map<String, String> overrides = new HashMap<>();
        server.forEach((k, v) -> overrides.put(k.toString(), v.toString()));
        List<String> scram = new ArrayList<>();
        scram.add("SCRAM-SHA-512=[name=admin,password=" + passwords.get("KAFKA_ADMIN_PASSWORD") + "]");
        for (String user : users()) {
            scram.add("SCRAM-SHA-512=[name=" + user + ",password=" + password(user) + "]");
        }
        broker = new EmbeddedKafkaBroker(clients, work.resolve("data"), overrides, scram).start();
        setUp();
    }

    @AfterAll
    static void stopIt() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void eachServiceMayDoWhatItsAclsSayAndNothingElse() throws Exception {
        try (KafkaProducer<String, String> alerts = producer("alert-service", password("alert-service"))) {
            alerts.send(new ProducerRecord<>(EVENTS, "a-1", "{}")).get(30, TimeUnit.SECONDS);
        }
        try (KafkaProducer<String, String> notifications = producer("notification-service",
                password("notification-service"))) {
            assertThatThrownBy(() -> notifications.send(new ProducerRecord<>(EVENTS, "a-1", "forged")).get(30,
                    TimeUnit.SECONDS)).as("only the alert-service may write the events topic")
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
        }
        try (KafkaConsumer<String, String> escalation = consumer("escalation-service", "escalation-service")) {
            escalation.subscribe(List.of(EVENTS));
            int read = 0;
            long until = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (read == 0 && System.nanoTime() < until) {
                ConsumerRecords<String, String> records = escalation.poll(Duration.ofMillis(500));
                read += records.count();
            }
            assertThat(read).as("the escalation-service reads the events in its own group").isEqualTo(1);
        }
        try (KafkaConsumer<String, String> intruder = consumer("escalation-service", "notification-service")) {
            intruder.subscribe(List.of(EVENTS));
            assertThatThrownBy(() -> {
                for (int i = 0; i < 60; i++) {
                    intruder.poll(Duration.ofMillis(500));
                }
            }).as("not in another service's consumer group").isInstanceOf(GroupAuthorizationException.class);
        }
    }

    @Test
    void nobodySignsInWithoutTheRightPasswordOrWithoutTls() {
        try (Admin wrong = Admin.create(client("reporting-service", "not-its-password"))) {
            assertThatThrownBy(() -> wrong.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        Map<String, Object> plaintext = new HashMap<>();
        plaintext.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        plaintext.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000);
        plaintext.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 6000);
        try (Admin open = Admin.create(plaintext)) {
            assertThatThrownBy(() -> open.listTopics().names().get(30, TimeUnit.SECONDS))
                    .as("a client without TLS and SASL gets nothing").isInstanceOf(ExecutionException.class);
        }
    }

    /** The topics and ACLs, as deploy/kafka/setup.sh creates them from topics.txt and acls.txt. */
    private static void setUp() throws Exception {
        try (Admin admin = Admin.create(client("admin", passwords.get("KAFKA_ADMIN_PASSWORD")))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String line : lines("deploy/kafka/topics.txt")) {
                String[] f = line.split("\\s+");
                Map<String, String> configs = new HashMap<>();
                for (int i = 2; i < f.length; i++) {
                    configs.put(f[i].split("=")[0], f[i].split("=")[1]);
                }
                topics.add(new NewTopic(f[0], Integer.parseInt(f[1]), (short) 1).configs(configs));
            }
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
            List<AclBinding> acls = new ArrayList<>();
            for (String line : lines("deploy/kafka/acls.txt")) {
                String[] f = line.split("\\s+");
                ResourcePattern resource = new ResourcePattern(ResourceType.fromString(f[1]), f[2],
                        f[3].equals("prefix") ? PatternType.PREFIXED : PatternType.LITERAL);
                for (String op : f[4].split(",")) {
                    acls.add(new AclBinding(resource, new AccessControlEntry("User:" + f[0], "*",
                            org.apache.kafka.common.utils.SecurityUtils.operation(op), AclPermissionType.ALLOW)));
                }
            }
            admin.createAcls(acls).all().get(60, TimeUnit.SECONDS);
        }
    }

    /** A client as compose configures each service: SASL_SSL, SCRAM-SHA-512, the compose CA's certificate. */
    private static Map<String, Object> client(String user, String password) {
        Map<String, Object> c = new HashMap<>();
        c.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        c.put(CommonClientConfigs.SECURITY_PROTOCOL_CONFIG, "SASL_SSL");
        c.put(SaslConfigs.SASL_MECHANISM, "SCRAM-SHA-512");
        c.put(SaslConfigs.SASL_JAAS_CONFIG, "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"" + user + "\" password=\"" + password + "\";");
        c.put(SslConfigs.SSL_TRUSTSTORE_TYPE_CONFIG, "PEM");
        c.put(SslConfigs.SSL_TRUSTSTORE_LOCATION_CONFIG, work.resolve("ca/ca.crt").toString());
        c.put(CommonClientConfigs.REQUEST_TIMEOUT_MS_CONFIG, 10000);
        return c;
    }

    private static KafkaProducer<String, String> producer(String user, String password) {
        Map<String, Object> c = client(user, password);
        c.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 20000);
        c.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 25000);
        return new KafkaProducer<>(c, new StringSerializer(), new StringSerializer());
    }

    private static KafkaConsumer<String, String> consumer(String user, String group) {
        Map<String, Object> c = client(user, password(user));
        c.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer());
    }

    /** The users acls.txt names. */
    private static List<String> users() throws IOException {
        return lines("deploy/kafka/acls.txt").stream().map(l -> l.split("\\s+")[0]).distinct().toList();
    }

    /** A service's demo password, as compose gives it ({@code ALERT_SERVICE_KAFKA_PASSWORD} ...). */
    private static String password(String user) {
        return passwords.get(user.toUpperCase().replace('-', '_') + "_KAFKA_PASSWORD");
    }

    /** The defaults compose's Kafka gets for its passwords: {@code ${NAME:-default}}. */
    private static Map<String, String> composePasswords() throws IOException {
        Map<String, Object> kafka = map(map(yaml(REPO.resolve("docker-compose.yml")).get("services")).get("kafka"));
        Map<String, String> out = new HashMap<>();
        Pattern shellDefault = Pattern.compile("\\$\\{[A-Z_]+:-([^}]*)}");
        map(kafka.get("environment")).forEach((k, v) -> {
            Matcher m = shellDefault.matcher(String.valueOf(v));
            if (k.endsWith("PASSWORD") && m.matches()) {
                out.put(k, m.group(1));
            }
        });
        assertThat(out).containsKeys("KAFKA_ADMIN_PASSWORD", "KAFKA_TLS_PASSWORD", "ALERT_SERVICE_KAFKA_PASSWORD");
        return out;
    }
}
