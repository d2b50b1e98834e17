package org.practicealerts.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.practicealerts.embedded.EmbeddedStack;
import org.practicealerts.embedded.ServiceSpec;
import org.practicealerts.support.DevSigningKey;

/**
 * One embedded stack with every built service, started on first use and stopped when the test JVM exits, for the
 * suites that probe a running system from outside. It can mint tokens with the stack's dev key and take a
 * fingerprint of everything the system has accepted (the stored documents and the topics' end offsets).
 */
final class SharedStack {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** Documents that change without any request: the clock, processor tokens, leases and the read audit. */
    private static final Set<String> COUNT_ONLY =
            Set.of("simulated_clock", "trackingtokens", "escalation_deadlines", "alert_reads");
    private static final List<String> TOPICS = List.of("practice-alerts.alert-events", "practice-alerts.directory",
            "practice-alerts.deadline-commands");
    private static SharedStack instance;

    private final EmbeddedStack stack;
    private final Map<String, String> bases = new TreeMap<>();
    private final RSAKey key;
    private final MongoClient mongo;

    private SharedStack(EmbeddedStack stack, Map<String, String> bases) {
        this.stack = stack;
        this.bases.putAll(bases);
        this.key = DevSigningKey.loadOrCreate(stack.dataDir().resolve("dev-jwt-key.json"));
        this.mongo = MongoClients.create(stack.mongoUri());
    }

    /** Whether the service jars exist (they do after {@code ./mvnw verify} packages them). */
    static boolean jarsBuilt(String... services) {
        for (String s : services) {
            if (!Files.exists(REPO.resolve(s + "/target/" + s + ".jar"))) {
                return false;
            }
        }
        return true;
    }

    static synchronized SharedStack get() {
        if (instance == null) {
            Map<String, String> bases = new TreeMap<>();
            List<ServiceSpec> specs = new ArrayList<>();
            for (ServiceSpec spec : EmbeddedStack.SERVICES) {
                int port = freePort();
                specs.add(new ServiceSpec(spec.name(), spec.module(), port, spec.healthPath(), spec.jvmArgs()));
                bases.put(spec.name(), "http://localhost:" + port);
            }
            try {
                EmbeddedStack stack = new EmbeddedStack(EmbeddedStack.options()
                        .dataDir(Files.createTempDirectory("practice-alerts-shared")).repoDir(REPO)
                        .kafkaPort(0).mongoPort(0).services(specs)
                        .out(new PrintStream(OutputStream.nullOutputStream())));
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
                stack.start();
                instance = new SharedStack(stack, bases);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    EmbeddedStack stack() {
        return stack;
    }

    /** The base URL of a started service, e.g. {@code http://localhost:40123}. */
    String base(String service) {
        return Objects.requireNonNull(bases.get(service), service);
    }

    boolean runs(String service) {
        return stack.service(service).isPresent();
    }

    /** A token for a directory person with the given roles, signed with the stack's dev key. */
    String token(String personId, String... roles) {
        return DevSigningKey.issue(key, personId, List.of(roles), Duration.ofMinutes(30));
    }

    /** A token that expired ten minutes ago (beyond any clock-skew allowance). */
    String expiredToken(String personId, String... roles) {
        return DevSigningKey.issue(key, personId, List.of(roles), Duration.ofMinutes(-10));
    }

    /**
     * Everything the system holds: each stored document (hashed), or the count where documents change by
     * themselves, and each topic partition's end offset. Equal fingerprints mean no state changed.
     */
    Map<String, Object> fingerprint() {
        Map<String, Object> print = new TreeMap<>();
        for (String dbName : mongo.listDatabaseNames()) {
            if (Set.of("admin", "local", "config").contains(dbName)) {
                continue;
            }
            MongoDatabase db = mongo.getDatabase(dbName);
            for (String name : db.listCollectionNames()) {
                MongoCollection<Document> c = db.getCollection(name);
                if (COUNT_ONLY.contains(name)) {
                    print.put(dbName + "." + name, c.countDocuments());
                } else {
                    List<Integer> hashes = new ArrayList<>();
                    c.find().forEach(d -> hashes.add(d.toJson().hashCode()));
                    hashes.sort(Integer::compare);
                    print.put(dbName + "." + name, hashes);
                }
            }
        }
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "fingerprint-" + UUID.randomUUID());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(10))
                        .forEach(i -> parts.add(new TopicPartition(topic, i.partition())));
            }
            consumer.endOffsets(parts, Duration.ofSeconds(10)).forEach((tp, off) -> print.put(tp.toString(), off));
        }
        return print;
    }

    /** Waits until background work (publication, projections, directory copies) has settled. */
    Map<String, Object> settledFingerprint() {
        AtomicReference<Map<String, Object>> last = new AtomicReference<>(fingerprint());
        Awaitility.await("the system to settle").pollDelay(Duration.ofMillis(500)).pollInterval(Duration.ofMillis(500))
                .atMost(Duration.ofSeconds(60)).until(() -> {
                    Map<String, Object> now = fingerprint();
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
