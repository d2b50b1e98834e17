package org.practicealerts.embedded;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka (KRaft, combined broker + controller, node id 1) running inside this JVM.
 *
 * <p>Lifecycle: {@link #start()} formats the log directory on first use (a fresh cluster id is written to
 * {@code <logDir>/meta.properties} by Kafka's own {@link Formatter}, so later starts on the same directory
 * reuse the cluster and all its data), then starts {@link KafkaRaftServer}. {@link #close()} is a clean
 * (controlled) shutdown. The same instance can be started again, on the same port and directory.
 *
 * <p>The controller listens on a separate loopback port picked anew at every start. That is safe because
 * the quorum is static ({@code controller.quorum.voters}, kraft.version 0): the raft state on disk records
 * voter ids only, never their addresses.
 */
public final class EmbeddedKafkaBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedKafkaBroker.class);

    /** Node id of the single combined broker/controller. */
    public static final int NODE_ID = 1;

    private static final String META_PROPERTIES = "meta.properties";

    private final Path logDir;
    private final Map<String, String> overrides;
    private final List<String> scramCredentials;
    private int port;
    private KafkaRaftServer server;
    private String clusterId;

    /** A broker on a free port (picked at the first start and kept for restarts). */
    public EmbeddedKafkaBroker(Path logDir) {
        this(0, logDir, Map.of());
    }

    /** A broker on {@code port} (0 = pick a free port at the first start and keep it for restarts). */
    public EmbeddedKafkaBroker(int port, Path logDir) {
        this(port, logDir, Map.of());
    }

    /**
     * A broker on {@code port} with extra broker settings that win over the defaults of
     * {@link #defaultSettings()}.
     */
    public EmbeddedKafkaBroker(int port, Path logDir, Map<String, String> overrides) {
        this(port, logDir, overrides, List.of());
    }

    /**
     * A broker as above whose storage, when first formatted, holds these SCRAM credentials (as
     * {@code kafka-storage.sh format --add-scram} takes them: {@code SCRAM-SHA-512=[name=...,password=...]}), so
     * a SASL/SCRAM listener accepts them from the first start.
     */
    public EmbeddedKafkaBroker(int port, Path logDir, Map<String, String> overrides, List<String> scramCredentials) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
        this.logDir = Objects.requireNonNull(logDir, "logDir").toAbsolutePath().normalize();
        this.overrides = Map.copyOf(overrides);
        this.scramCredentials = List.copyOf(scramCredentials);
    }

    /** Creates and starts a broker: {@code EmbeddedKafkaBroker.start(0, dir)}. */
    public static EmbeddedKafkaBroker start(int port, Path logDir) {
        return new EmbeddedKafkaBroker(port, logDir).start();
    }

    /**
     * Broker defaults sized for a 2-core laptop: 3 partitions per auto-created topic, replication factor 1
     * for every internal topic, no initial rebalance delay, small segments and indexes, few threads.
     */
    public static Map<String, String> defaultSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("num.partitions", "3");
        settings.put("default.replication.factor", "1");
        settings.put("min.insync.replicas", "1");
        settings.put("auto.create.topics.enable", "true");
        settings.put("offsets.topic.replication.factor", "1");
        settings.put("offsets.topic.num.partitions", "5");
        settings.put("transaction.state.log.replication.factor", "1");
        settings.put("transaction.state.log.min.isr", "1");
        settings.put("transaction.state.log.num.partitions", "5");
        settings.put("share.coordinator.state.topic.replication.factor", "1");
        settings.put("share.coordinator.state.topic.min.isr", "1");
        settings.put("share.coordinator.state.topic.num.partitions", "3");
        settings.put("group.initial.rebalance.delay.ms", "0");
        settings.put("log.segment.bytes", String.valueOf(16 * 1024 * 1024));
        settings.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        settings.put("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024));
        settings.put("log.cleaner.threads", "1");
        settings.put("num.network.threads", "2");
        settings.put("num.io.threads", "2");
        settings.put("background.threads", "2");
        settings.put("num.replica.fetchers", "1");
        settings.put("num.recovery.threads.per.data.dir", "1");
        settings.put("controller.quorum.election.timeout.ms", "1000");
        // After a kill -9 the restarted controller only accepts the broker's new registration once the old
        // session has expired: 4 s instead of the default 9 s keeps a crash-restart under ~6 s.
        settings.put("broker.heartbeat.interval.ms", "500");
        settings.put("broker.session.timeout.ms", "4000");
        return settings;
    }

    /**
     * Formats the log directory if needed and starts the broker; returns when the broker accepts
     * requests. No-op when already running.
     */
    public synchronized EmbeddedKafkaBroker start() {
        if (server != null) {
            return this;
        }
        EmbeddedLogging.quietKafkaServer();
        if (port == 0) {
            port = Ports.freePort();
        }
        int controllerPort = Ports.freePort();
        KafkaConfig config = KafkaConfig.fromProps(brokerProperties(port, controllerPort), false);
        try {
            Files.createDirectories(logDir);
            clusterId = formatIfNeeded(config);
        } catch (Exception e) {
            throw new IllegalStateException("could not format Kafka storage in " + logDir, e);
        }
        KafkaRaftServer raftServer = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            raftServer.startup();
        } catch (RuntimeException e) {
            shutdownQuietly(raftServer);
            throw new IllegalStateException("Kafka broker did not start on port " + port + " with dir " + logDir, e);
        }
        server = raftServer;
        log.info("Kafka broker started: bootstrap {} cluster {} dir {}", bootstrapServers(), clusterId, logDir);
        return this;
    }

    /** {@code localhost:<port>}. */
    public String bootstrapServers() {
        if (port == 0) {
            throw new IllegalStateException("port not chosen yet: start() the broker first");
        }
        return "localhost:" + port;
    }

    /** The client port (the chosen one after the first start when constructed with 0). */
    public synchronized int port() {
        return port;
    }

    public Path logDir() {
        return logDir;
    }

    /** The cluster id stored in {@code meta.properties}; null before the first start. */
    public synchronized String clusterId() {
        return clusterId;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Clean shutdown, then {@link #start()} again on the same port and directory. */
    public synchronized EmbeddedKafkaBroker restart() {
        close();
        return start();
    }

    /** Clean (controlled) shutdown; waits until the broker and controller have stopped. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        KafkaRaftServer stopping = server;
        server = null;
        stopping.shutdown();
        stopping.awaitShutdown();
        log.info("Kafka broker on port {} stopped", port);
    }

    private Properties brokerProperties(int clientPort, int controllerPort) {
        Properties props = new Properties();
        props.putAll(defaultSettings());
        props.put("process.roles", "broker,controller");
        props.put("node.id", String.valueOf(NODE_ID));
        props.put("controller.quorum.voters", NODE_ID + "@localhost:" + controllerPort);
        props.put("listeners", "PLAINTEXT://localhost:" + clientPort + ",CONTROLLER://localhost:" + controllerPort);
        props.put("advertised.listeners", "PLAINTEXT://localhost:" + clientPort);
        props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        props.put("controller.listener.names", "CONTROLLER");
        props.put("inter.broker.listener.name", "PLAINTEXT");
        props.put("log.dirs", logDir.toString());
        props.put("metadata.log.dir", logDir.toString());
        props.putAll(overrides);
        return props;
    }

    /** Formats {@link #logDir} with a new cluster id unless it already holds {@code meta.properties}. */
    private String formatIfNeeded(KafkaConfig config) throws Exception {
        Path metaProperties = logDir.resolve(META_PROPERTIES);
        if (Files.exists(metaProperties)) {
            Properties meta = new Properties();
            try (InputStream in = Files.newInputStream(metaProperties)) {
                meta.load(in);
            }
            return meta.getProperty("cluster.id");
        }
        String newClusterId = Uuid.randomUuid().toString();
        Formatter formatter = new Formatter();
        if (!scramCredentials.isEmpty()) {
            formatter.setScramArguments(scramCredentials);
        }
        formatter.setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(config.nodeId())
                .setClusterId(newClusterId)
                .setControllerListenerName("CONTROLLER")
                .setMetadataLogDirectory(logDir.toString())
                .addDirectory(logDir.toString())
                .run();
        log.info("formatted Kafka storage in {} with cluster id {}", logDir, newClusterId);
        return newClusterId;
    }

    private static void shutdownQuietly(KafkaRaftServer raftServer) {
        try {
            raftServer.shutdown();
            raftServer.awaitShutdown();
        } catch (RuntimeException suppressed) {
            log.debug("shutdown after failed start", suppressed);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafkaBroker[port=" + port + ", dir=" + logDir + ", running=" + isRunning() + "]";
    }
}
