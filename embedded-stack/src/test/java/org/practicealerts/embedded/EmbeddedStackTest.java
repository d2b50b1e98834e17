package org.practicealerts.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.sun.net.httpserver.HttpServer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStackTest {

    @Test
    void startsKafkaMongoAndBuiltServicesAsProcessesSurvivesAKafkaKillAndStopsEverything(@TempDir Path dir)
            throws Exception {
        Path repo = dir.resolve("repo");
        buildFakeServiceJar(repo);
        int servicePort = Ports.freePort();
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        EmbeddedStack stack = new EmbeddedStack(EmbeddedStack.options()
                .dataDir(dir.resolve("data"))
                .repoDir(repo)
                .kafkaPort(0)
                .mongoPort(0)
                .services(List.of(ServiceSpec.of("fake-service", servicePort),
                        ServiceSpec.of("not-built-service", Ports.freePort())))
                .out(new PrintStream(progress, true, StandardCharsets.UTF_8)));
        Path logs = dir.resolve("data").resolve("logs");
        try {
            stack.start();

            assertThat(stack.processes()).extracting(ManagedProcess::name)
                    .containsExactly(EmbeddedStack.KAFKA, EmbeddedStack.MONGO, "fake-service");
            assertThat(stack.processes()).allMatch(ManagedProcess::isAlive);
            assertThat(stack.skippedServices()).singleElement().asString()
                    .contains("not-built-service", "does not exist");
            assertThat(stack.summary()).contains("fake-service           http://localhost:" + servicePort,
                    stack.kafkaBootstrapServers(), stack.mongoUri(), logs.toString(), EmbeddedStack.DEV_TOKEN_HINT);
            assertThat(Files.readString(logs.resolve("fake-service.log"))).contains(
                    "KAFKA_BOOTSTRAP_SERVERS=" + stack.kafkaBootstrapServers(),
                    "MONGODB_URI=" + stack.mongoUri(),
                    "SERVER_PORT=" + servicePort,
                    "EMBEDDED_DATA_DIR=" + stack.dataDir(),
                    "args=--spring.profiles.active=embedded");
            try (MongoClient client = MongoClients.create(stack.mongoUri())) {
                client.getDatabase("alerts").getCollection("cases").insertOne(new Document("_id", "case-1"));
            }
            produce(stack.kafkaBootstrapServers(), "stack-events", "before-kill");

            stack.kafka().kill();
            assertThat(stack.kafka().isAlive()).isFalse();
            stack.kafka().restart();

            produce(stack.kafkaBootstrapServers(), "stack-events", "after-restart");
            assertThat(consume(stack.kafkaBootstrapServers(), "stack-events", 2))
                    .containsExactlyInAnyOrder("before-kill", "after-restart");
        } finally {
            stack.stop();
        }
        assertThat(stack.processes()).noneMatch(ManagedProcess::isAlive);
        assertThat(Files.readString(logs.resolve("fake-service.log"))).contains(FakeService.STOPPED_LINE);
        assertThat(Files.readString(logs.resolve("kafka.log"))).contains(KafkaBrokerMain.STOPPED_LINE);
        assertThat(Files.readString(logs.resolve("mongo.log"))).contains(MongoServerMain.STOPPED_LINE);
    }

    @Test
    void healthCheckPassesOnlyForStatusUp() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        Map<String, String> bodies = Map.of("/up", "{\"status\" : \"UP\",\"groups\":[]}", "/down", "{\"status\":\"DOWN\"}");
        bodies.forEach((path, body) -> server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(path.equals("/up") ? 200 : 503, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }));
        server.start();
        try {
            String base = "http://localhost:" + server.getAddress().getPort();
            assertThat(EmbeddedStack.healthIsUp(base + "/up")).isTrue();
            assertThat(EmbeddedStack.healthIsUp(base + "/down")).isFalse();
        } finally {
            server.stop(0);
        }
    }

    @Test
    void commandLineOptionsOverrideTheDefaults() {
        EmbeddedStack.Options defaults = EmbeddedStack.Options.parse(new String[0]);
        EmbeddedStack.Options parsed = EmbeddedStack.Options.parse(new String[] {
                "--data-dir", "/tmp/x", "--kafka-port=19092", "--mongo-port", "37017", "--stop-after-start"});

        assertThat(defaults.kafkaPort()).isEqualTo(9092);
        assertThat(defaults.mongoPort()).isEqualTo(27017);
        assertThat(defaults.dataDir()).isEqualTo(Path.of(".embedded"));
        assertThat(defaults.services()).extracting(ServiceSpec::name).startsWith("alert-service");
        assertThat(parsed.dataDir()).isEqualTo(Path.of("/tmp/x"));
        assertThat(parsed.kafkaPort()).isEqualTo(19092);
        assertThat(parsed.mongoPort()).isEqualTo(37017);
        assertThat(parsed.stopAfterStart()).isTrue();
    }

    @Test
    void everyServiceStartsWithTheQuickCompilerAndSerialGcUnlessThePropertySaysOtherwise() {
        String before = System.getProperty(EmbeddedStack.SERVICE_JVM_OPTIONS);
        try {
            System.clearProperty(EmbeddedStack.SERVICE_JVM_OPTIONS);
            assertThat(EmbeddedStack.extraServiceJvmOptions())
                    .containsExactly("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xms48m", "-XX:MinHeapFreeRatio=10",
                            "-XX:MaxHeapFreeRatio=30");

            System.setProperty(EmbeddedStack.SERVICE_JVM_OPTIONS, "");
            assertThat(EmbeddedStack.extraServiceJvmOptions()).as("empty: the JVM's own defaults").isEmpty();

            System.setProperty(EmbeddedStack.SERVICE_JVM_OPTIONS, "  -XX:+UseG1GC   -Xss512k ");
            assertThat(EmbeddedStack.extraServiceJvmOptions()).containsExactly("-XX:+UseG1GC", "-Xss512k");
        } finally {
            if (before == null) {
                System.clearProperty(EmbeddedStack.SERVICE_JVM_OPTIONS);
            } else {
                System.setProperty(EmbeddedStack.SERVICE_JVM_OPTIONS, before);
            }
        }
    }

    /** {@code <repo>/fake-service/target/fake-service.jar} with {@link FakeService} as its main class. */
    private static void buildFakeServiceJar(Path repo) throws IOException {
        Path jar = ServiceSpec.of("fake-service", 0).jar(repo);
        Files.createDirectories(jar.getParent());
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, FakeService.class.getName());
        String entry = FakeService.class.getName().replace('.', '/') + ".class";
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest);
             var classBytes = FakeService.class.getClassLoader().getResourceAsStream(entry)) {
            out.putNextEntry(new JarEntry(entry));
            classBytes.transferTo(out);
            out.closeEntry();
        }
    }

    private static void produce(String bootstrap, String topic, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, value)).get();
        }
    }

    private static List<String> consume(String bootstrap, String topic, int expected) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> values.add(r.value()));
                assertThat(values).hasSizeGreaterThanOrEqualTo(expected);
            });
        }
        return values;
    }
}
