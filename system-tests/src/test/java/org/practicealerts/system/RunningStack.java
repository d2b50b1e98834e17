package org.practicealerts.system;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.nimbusds.jose.jwk.RSAKey;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.practicealerts.embedded.EmbeddedStack;
import org.practicealerts.embedded.Ports;
import org.practicealerts.embedded.ServiceSpec;
import org.practicealerts.events.EventJson;
import org.practicealerts.support.DevSigningKey;
import tools.jackson.databind.JsonNode;

/**
 * An embedded stack with every built service, each a process on a free port, for the suites that probe a running
 * system from outside: {@link #shared()} is started once and kept for the suites that leave it unharmed;
 * {@link #start(String...)} gives a suite its own (to break). It mints tokens with the stack's dev key, calls the
 * services, and takes a fingerprint of everything the system has accepted (stored documents, topic end offsets).
 */
final class RunningStack implements AutoCloseable {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** Documents that change without any request: the clock, processor tokens, leases and the read audit. */
    private static final Set<String> COUNT_ONLY =
            Set.of("simulated_clock", "trackingtokens", "escalation_deadlines", "alert_reads");
    /** The read audits: every attempted read writes one, refused or not, so they grow by design. */
    private static final Set<String> AUDIT_TRAILS = Set.of("read_audit");
    private static final List<String> TOPICS = List.of("practice-alerts.alert-events", "practice-alerts.directory",
            "practice-alerts.deadline-commands");
    private static RunningStack instance;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final EmbeddedStack stack;
    private final Map<String, String> bases = new TreeMap<>();
    private final RSAKey key;
    private final MongoClient mongo;

    private RunningStack(EmbeddedStack stack, Map<String, String> bases) {
        this.stack = stack;
        this.bases.putAll(bases);
        this.key = DevSigningKey.loadOrCreate(stack.dataDir().resolve("dev-jwt-key.json"));
        this.mongo = MongoClients.create(stack.mongoUri());
    }

    /** Every port the stack listens on: its services', the broker's and the database's. */
    List<Integer> ports() {
        List<Integer> ports = new ArrayList<>();
        bases.values().forEach(base -> ports.add(java.net.URI.create(base).getPort()));
        ports.add(Integer.parseInt(stack.kafkaBootstrapServers().replaceAll(".*:", "")));
        ports.add(java.net.URI.create(stack.mongoUri()).getPort());
        return ports;
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

    /** The stack shared by the suites that do not break it; started on first use. */
    static synchronized RunningStack shared() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A stack of its own, with these extra JVM options for every service (e.g. a policy). */
    static RunningStack start(String... serviceJvmArgs) {
        return start(false, serviceJvmArgs);
    }

    /** A stack of its own with the web app too, as the launcher runs it: for the browser tests. */
    static RunningStack withWebApp() {
        return start(true);
    }

    private static RunningStack start(boolean webApp, String... serviceJvmArgs) {
        Map<String, String> bases = new TreeMap<>();
        List<ServiceSpec> specs = new ArrayList<>();
        for (ServiceSpec spec : EmbeddedStack.SERVICES) {
            if (spec.module().equals(EmbeddedStack.WEB_APP) && !webApp) {
                continue; // these suites speak to the APIs only
            }
            int port = freePort();
            List<String> jvm = new ArrayList<>(spec.jvmArgs());
            jvm.addAll(List.of(serviceJvmArgs));
            if (spec.name().equals("notification-service")) {
                jvm.add("-Dpractice-alerts.notification.embedded.smtp-port=" + freePort());
                jvm.add("-Dpractice-alerts.notification.embedded.sink-capacity=100000");
            }
            specs.add(new ServiceSpec(spec.name(), spec.module(), port, spec.healthPath(), jvm));
            bases.put(spec.name(), "http://localhost:" + port);
        }
        try {
            EmbeddedStack stack = new EmbeddedStack(EmbeddedStack.options()
                    .dataDir(Files.createTempDirectory("practice-alerts-stack")).repoDir(REPO)
                    .kafkaPort(0).mongoPort(0).services(specs)
                    .out(new PrintStream(OutputStream.nullOutputStream())));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
            stack.start();
            return new RunningStack(stack, bases);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        mongo.close();
        stack.close();
    }

    /** One HTTP answer. */
    record Answer(int status, String contentType, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        JsonNode json() {
            return EventJson.mapper().readTree(body);
        }
    }

    /** Calls a service; status -1 when it could not be reached (it is down). */
    Answer call(String service, String method, String path, String token, String body) {
        return send(method, base(service) + path, token, body == null ? null : "application/json", body);
    }

    static Answer send(String method, String url, String token, String contentType, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
        } catch (IOException e) {
            return new Answer(-1, "", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the shared stack, if one was started, so later suites have the machine to themselves. */
    static synchronized void stopIfStarted() {
        if (instance != null) {
            instance.close();
            instance = null;
        }
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
     * themselves, and each topic partition's end offset (the read audits left out). Equal fingerprints mean no state
     * changed.
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
                if (AUDIT_TRAILS.contains(name)) {
                    continue;
                }
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

    /** Every stored document of every database on the stack's MongoDB, as JSON: what a backup would hold. */
    String everyStoredDocument() {
        StringBuilder all = new StringBuilder();
        for (String dbName : mongo.listDatabaseNames()) {
            MongoDatabase db = mongo.getDatabase(dbName);
            for (String name : db.listCollectionNames()) {
                db.getCollection(name).find().forEach(d -> all.append(d.toJson()).append('\n'));
            }
        }
        return all.toString();
    }

    /** The raw bytes of every record on every topic of the broker (dead letters included), read from the start. */
    String everyRecordOnEveryTopic() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "raw-reader-" + UUID.randomUUID());
        StringBuilder all = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(p, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            consumer.listTopics(Duration.ofSeconds(10)).forEach((topic, infos) -> infos
                    .forEach(i -> parts.add(new TopicPartition(topic, i.partition()))));
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            Map<TopicPartition, Long> ends = consumer.endOffsets(parts, Duration.ofSeconds(10));
            Awaitility.await("every topic read to its end").atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(r -> all.append(r.value() == null ? ""
                        : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8)).append('\n'));
                return parts.stream().allMatch(tp -> consumer.position(tp) >= ends.get(tp));
            });
        }
        return all.toString();
    }

    /** What differs between two fingerprints, one line per collection or partition (empty when none). */
    static List<String> changes(Map<String, Object> before, Map<String, Object> after) {
        List<String> lines = new ArrayList<>();
        Set<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        for (String key : keys) {
            Object was = before.get(key);
            Object now = after.get(key);
            if (Objects.equals(was, now)) {
                continue;
            }
            if (was instanceof List<?> w && now instanceof List<?> n) {
                List<Object> gone = new ArrayList<>(w);
                gone.removeAll(n);
                List<Object> added = new ArrayList<>(n);
                added.removeAll(w);
                lines.add(key + ": " + w.size() + " -> " + n.size() + " documents (" + gone.size() + " gone or changed, "
                        + added.size() + " new or changed)");
            } else {
                lines.add(key + ": " + was + " -> " + now);
            }
        }
        return lines;
    }

    /**
     * Waits until background work (publication, which polls the event store once a second, projections, directory
     * copies) has settled: nothing changed for three seconds.
     */
    Map<String, Object> settledFingerprint() {
        AtomicReference<Map<String, Object>> last = new AtomicReference<>(fingerprint());
        AtomicReference<Long> changedAt = new AtomicReference<>(System.nanoTime());
        Awaitility.await("the system to settle").pollInterval(Duration.ofMillis(500)).atMost(Duration.ofSeconds(90))
                .until(() -> {
                    Map<String, Object> now = fingerprint();
                    if (!now.equals(last.getAndSet(now))) {
                        changedAt.set(System.nanoTime());
                    }
                    return System.nanoTime() - changedAt.get() >= Duration.ofSeconds(3).toNanos()
                            && deliveriesDueWithin(Duration.ofMinutes(2)) == 0;
                });
        return last.get();
    }

    /** Notices being sent, or waiting to be (first try or retry) within this long: work the system will do. */
    private long deliveriesDueWithin(Duration soon) {
        Date by = Date.from(Instant.now().plus(soon));
        long due = 0;
        for (String dbName : mongo.listDatabaseNames()) {
            due += mongo.getDatabase(dbName).getCollection("notification_outbox").countDocuments(Filters.or(
                    Filters.eq("state", "SENDING"),
                    Filters.and(Filters.eq("state", "PENDING"), Filters.lte("nextAttemptAt", by))));
        }
        return due;
    }

    static int freePort() {
        return Ports.freePort();
    }
}
