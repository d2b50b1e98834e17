package org.practicealerts.embedded;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.bson.Document;

/**
 * Runs practice-alerts without Docker: a real Kafka broker (KRaft) and a MongoDB wire-protocol server in
 * their own JVMs, then every service of {@link #SERVICES} whose jar has been built, each in its own JVM.
 *
 * <p>Usage: {@code java -jar embedded-stack/target/practice-alerts-embedded.jar [--data-dir ./.embedded]
 * [--kafka-port 9092] [--mongo-port 27017] [--repo-dir <repo>] [--stop-after-start]}.
 *
 * <p><b>How child JVMs are launched.</b> {@code practice-alerts-embedded.jar} is a shaded (flat) jar, not a
 * Spring Boot nested jar, so any of its classes can be a main class with plain {@code java -cp}. The stack
 * launches Kafka and MongoDB as {@code java -cp <java.class.path of this JVM> <Main>}: when started with
 * {@code java -jar practice-alerts-embedded.jar} that class path is the jar itself; when started from an
 * IDE or a test it is the exploded class path. Services are launched with {@code java -Xmx384m -jar}.
 *
 * <p>Shutdown (Ctrl-C, SIGTERM, {@link #stop()}): services first, then Kafka, then MongoDB; each child gets
 * SIGTERM and is killed after 15 s. Children run in their own session ({@link ManagedProcess}), so Ctrl-C
 * reaches only this launcher, and the Kafka/MongoDB children exit by themselves if the launcher dies.
 */
public final class EmbeddedStack implements AutoCloseable {

    /** How to get a dev token; printed in the summary as is. */
    public static final String DEV_TOKEN_HINT =
            "curl -s -X POST 'http://localhost:8081/dev/token?personId=iro-1'  (demo people: README; every URL above"
                    + " needs it as 'Authorization: Bearer <token>')";

    /**
     * The demo council runs two procedures side by side (alert-service profile {@code demo-council}: seed 000 for CP
     * chairs on child protection plans, seed 002 for reviewing officers), unless the environment names its own.
     */
    static final List<String> ALERT_SERVICE_JVM_ARGS = System.getenv("PRACTICE_ALERTS_POLICY") == null
            && System.getenv("PRACTICE_ALERTS_PROCEDURES_0_POLICY") == null
            ? List.of("-Xmx384m", "-Dspring.profiles.include=demo-council") : ServiceSpec.DEFAULT_JVM_ARGS;

    /** What every service JVM gets unless {@value #SERVICE_JVM_OPTIONS} says otherwise. */
    static final List<String> QUICK_START_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
            "-Xms48m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30");
    /** The system property naming every service JVM's extra options (space-separated; empty for none). */
    static final String SERVICE_JVM_OPTIONS = "practice-alerts.embedded.service-jvm-options";

    /**
     * JVM options added to every service's command line. By default the quick compiler only and one GC thread: on a
     * laptop's few cores a stack of JVMs spends its first minute compiling and collecting in parallel, and the
     * optimising compiler costs more there than it returns for a demo council's load (docs/performance.md: start-up
     * 135 s to 82 s on two cores). A small first heap that grows and shrinks closely with use (the JVM's default first
     * heap is 1/64 of the machine's memory, young generation touched from the start): the stack's memory after start
     * 1.56 -> 1.17 GiB, at its peak 1.96 -> 1.48 GiB. {@code -Dpractice-alerts.embedded.service-jvm-options=}
     * (empty) gives the JVM's own defaults, e.g. for a throughput benchmark; compose and Kubernetes never use this
     * launcher.
     */
    static List<String> extraServiceJvmOptions() {
        String value = System.getProperty(SERVICE_JVM_OPTIONS);
        if (value == null) {
            return QUICK_START_JVM_OPTIONS;
        }
        return value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** The practitioners' web app: started last (it only calls the others), printed first. */
    public static final String WEB_APP = "web-app";

    /** The services to run, in start order. Adding a service is one line here. */
    public static final List<ServiceSpec> SERVICES = List.of(
            new ServiceSpec("alert-service", "alert-service", 8081, ServiceSpec.DEFAULT_HEALTH_PATH,
                    ALERT_SERVICE_JVM_ARGS),
            ServiceSpec.of("escalation-service", 8082),
            ServiceSpec.of("notification-service", 8083),
            ServiceSpec.of("reporting-service", 8084),
            ServiceSpec.of(WEB_APP, 8080)
    );

    public static final int DEFAULT_KAFKA_PORT = 9092;
    public static final int DEFAULT_MONGO_PORT = 27017;
    public static final Path DEFAULT_DATA_DIR = Path.of(".embedded");

    public static final String KAFKA = "kafka";
    public static final String MONGO = "mongo";
    /** The one address every part of the embedded default listens on. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Heap and GC of the infrastructure JVMs, sized for a 2-core laptop. */
    static final List<String> KAFKA_JVM_ARGS =
            List.of("-Xms64m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");
    static final List<String> MONGO_JVM_ARGS =
            List.of("-Xms32m", "-Xmx256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError");

    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final Options options;
    private final Path dataDir;
    private final Path logsDir;
    private final Path repoDir;
    private final PrintStream out;
    private final Object launchLock = new Object();
    private final List<ManagedProcess> services = new CopyOnWriteArrayList<>();
    private final List<ServiceSpec> startedSpecs = new CopyOnWriteArrayList<>();
    private final List<String> skipped = new CopyOnWriteArrayList<>();
    private volatile ManagedProcess kafka;
    private volatile ManagedProcess mongo;
    private volatile int kafkaPort;
    private volatile int mongoPort;
    private volatile boolean stopping;
    private volatile boolean stopped;

    public EmbeddedStack(Options options) {
        this.options = options.copy();
        this.dataDir = options.dataDir.toAbsolutePath().normalize();
        this.logsDir = dataDir.resolve("logs");
        this.repoDir = (options.repoDir != null ? options.repoDir : detectRepoDir()).toAbsolutePath().normalize();
        this.out = options.out;
    }

    public static Options options() {
        return new Options();
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help) {
            System.out.println(Options.USAGE);
            return;
        }
        EmbeddedLogging.configureForProcess();
        EmbeddedStack stack = new EmbeddedStack(options);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "embedded-stack-shutdown"));
        try {
            stack.start();
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("EMBEDDED STACK FAILED TO START: " + e.getMessage());
            stack.stop();
            System.exit(1);
            return;
        }
        double seconds = ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0;
        System.out.println(stack.summary());
        System.out.printf(Locale.ROOT, "Started in %.1f s (JVM start to all services UP)%n", seconds);
        if (options.stopAfterStart) {
            stack.stop();
            System.out.println("Stopped (--stop-after-start).");
            System.exit(0);
            return;
        }
        System.out.println("Press Ctrl-C to stop (services first, then Kafka, then MongoDB).");
        try {
            new CountDownLatch(1).await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Starts Kafka and MongoDB (in parallel), waits until both answer, then starts the services whose jars
     * exist (in parallel) and waits until each health URL says UP.
     *
     * @throws IllegalStateException when a port is taken or a process fails or is not ready in time (the
     *                               message names the process's log file); already started processes keep
     *                               running until {@link #stop()}
     */
    public EmbeddedStack start() {
        try {
            Files.createDirectories(logsDir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create " + logsDir, e);
        }
        if (options.externalKafka != null) {
            out.println("practice-alerts services on external infrastructure: data in " + dataDir);
            out.println("  Kafka:   " + kafkaBootstrapServers());
            out.println("  MongoDB: " + mongoUri());
        } else {
            startInfrastructure();
        }
        for (ServiceSpec spec : options.services) {
            Path jar = spec.jar(repoDir);
            if (!Files.isRegularFile(jar)) {
                String message = spec.name() + ": SKIPPED, " + jar + " does not exist (build it: mvn -pl "
                        + spec.module() + " -am package -DskipTests)";
                skipped.add(message);
                out.println("  " + message);
                continue;
            }
            if (!Ports.isFree(spec.port())) {
                throw new IllegalStateException("port " + spec.port() + " for " + spec.name()
                        + " is already in use (another stack running?)");
            }
            out.println("  starting " + spec.name() + " on port " + spec.port() + " (log: "
                    + logsDir.resolve(spec.name() + ".log") + ")");
            services.add(launch(serviceProcess(spec, jar)));
            startedSpecs.add(spec);
        }
        for (ManagedProcess service : services) {
            service.awaitReady();
            out.println("  " + service.name() + " UP");
        }
        return this;
    }

    private void startInfrastructure() {
        kafkaPort = requireFreePort(options.kafkaPort, "Kafka", "--kafka-port");
        mongoPort = requireFreePort(options.mongoPort, "MongoDB", "--mongo-port");
        out.println("practice-alerts embedded stack: data in " + dataDir);
        out.println("  starting Kafka on port " + kafkaPort + " and MongoDB on port " + mongoPort + " ...");

        kafka = launch(infraProcess(KAFKA, KAFKA_JVM_ARGS, KafkaBrokerMain.class, List.of(
                "--port", String.valueOf(kafkaPort), "--dir", dataDir.resolve("kafka").toString()),
                this::kafkaAnswers));
        mongo = launch(infraProcess(MONGO, MONGO_JVM_ARGS, MongoServerMain.class, List.of(
                "--port", String.valueOf(mongoPort), "--file", mongoFile().toString()),
                this::mongoAnswers));
        kafka.awaitReady();
        out.println("  Kafka ready:   " + kafkaBootstrapServers());
        mongo.awaitReady();
        out.println("  MongoDB ready: " + mongoUri());
    }

    /** Stops services (in parallel), then Kafka, then MongoDB. Safe to call more than once and from a hook. */
    public void stop() {
        synchronized (launchLock) {
            if (stopped) {
                return;
            }
            stopping = true;
        }
        synchronized (this) {
            if (stopped) {
                return;
            }
            List<CompletableFuture<Void>> stops = new ArrayList<>();
            for (ManagedProcess service : services) {
                stops.add(CompletableFuture.runAsync(() -> stopQuietly(service)));
            }
            stops.forEach(CompletableFuture::join);
            stopQuietly(kafka);
            stopQuietly(mongo);
            stopped = true;
            if (!processes().isEmpty()) {
                out.println("practice-alerts embedded stack stopped.");
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The Kafka broker process (null before {@link #start()}). */
    public ManagedProcess kafka() {
        return kafka;
    }

    /** The MongoDB server process (null before {@link #start()}). */
    public ManagedProcess mongo() {
        return mongo;
    }

    /** The started service processes, in start order. */
    public List<ManagedProcess> services() {
        return List.copyOf(services);
    }

    /** The started service process named {@code name}. */
    public Optional<ManagedProcess> service(String name) {
        return services.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Kafka, MongoDB and the services: every process the stack started. */
    public List<ManagedProcess> processes() {
        List<ManagedProcess> all = new ArrayList<>();
        Optional.ofNullable(kafka).ifPresent(all::add);
        Optional.ofNullable(mongo).ifPresent(all::add);
        all.addAll(services);
        return all;
    }

    /** The process named {@code name}: {@value #KAFKA}, {@value #MONGO} or a service name. */
    public Optional<ManagedProcess> process(String name) {
        return processes().stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Messages about services that were skipped because their jar is missing. */
    public List<String> skippedServices() {
        return List.copyOf(skipped);
    }

    public String kafkaBootstrapServers() {
        return options.externalKafka != null ? options.externalKafka : "localhost:" + kafkaPort;
    }

    public String mongoUri() {
        return options.externalMongo != null ? options.externalMongo : "mongodb://" + EmbeddedMongoServer.HOST + ":" + mongoPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logsDir() {
        return logsDir;
    }

    public Path repoDir() {
        return repoDir;
    }

    /** The block of URLs printed once everything is up. */
    public String summary() {
        String nl = System.lineSeparator();
        StringBuilder s = new StringBuilder();
        s.append(nl).append("==================== practice-alerts embedded stack is UP ====================").append(nl);
        for (ServiceSpec spec : startedSpecs) {
            if (spec.module().equals(WEB_APP)) {
                s.append(String.format(Locale.ROOT, "  %-22s %s   <- open this in your browser%n", "Web app",
                        spec.baseUrl()));
            }
        }
        for (ServiceSpec spec : startedSpecs) {
            if (spec.module().equals(WEB_APP)) {
                continue;
            }
            s.append(String.format(Locale.ROOT, "  %-22s %s%s%n", spec.name(), spec.baseUrl(),
                    spec.module().equals("alert-service") ? "   Swagger UI: " + spec.swaggerUiUrl() : ""));
        }
        for (ServiceSpec spec : startedSpecs) {
            if (spec.module().equals("notification-service")) {
                s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Emails sent", spec.baseUrl() + "/dev/mail"));
                s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Teams cards sent",
                        spec.baseUrl() + "/dev/teams-sink"));
                s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Your inbox",
                        spec.baseUrl() + "/api/v1/notifications?recipient=me"));
            }
            if (spec.module().equals("reporting-service")) {
                s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Weekly pack",
                        spec.baseUrl() + "/api/v1/reports/weekly"));
                s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Central log (CSV)",
                        spec.baseUrl() + "/api/v1/reports/central-log?format=csv"));
            }
        }
        for (String message : skipped) {
            s.append("  ").append(message).append(nl);
        }
        s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Kafka bootstrap", kafkaBootstrapServers()));
        s.append(String.format(Locale.ROOT, "  %-22s %s%n", "MongoDB URI", mongoUri()));
        s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Data dir", dataDir));
        s.append(String.format(Locale.ROOT, "  %-22s %s%n", "Logs", logsDir));
        s.append("  Dev token:").append(nl).append("    ").append(DEV_TOKEN_HINT).append(nl);
        s.append("===============================================================================");
        return s.toString();
    }

    private Path mongoFile() {
        return dataDir.resolve("mongo").resolve("practice-alerts.mv");
    }

    private ManagedProcess launch(ManagedProcess process) {
        synchronized (launchLock) {
            if (stopping) {
                throw new IllegalStateException("the stack is stopping; not starting " + process.name());
            }
            return process.start();
        }
    }

    private ManagedProcess infraProcess(String name, List<String> jvmArgs, Class<?> mainClass, List<String> args,
                                        ManagedProcess.ReadinessCheck readiness) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.addAll(jvmArgs);
        command.add("-cp");
        command.add(absoluteClassPath());
        command.add(mainClass.getName());
        command.addAll(args);
        command.add("--parent-pid");
        command.add(String.valueOf(ProcessHandle.current().pid()));
        return ManagedProcess.builder(name)
                .command(command)
                .workingDirectory(dataDir)
                .logFile(logsDir.resolve(name + ".log"))
                .readiness(readiness)
                .readyTimeout(options.infraReadyTimeout)
                .build();
    }

    private ManagedProcess serviceProcess(ServiceSpec spec, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(ManagedProcess.javaExecutable());
        command.addAll(spec.jvmArgs());
        command.addAll(extraServiceJvmOptions());
        command.add("-jar");
        command.add(jar.toString());
        command.add("--spring.profiles.active=embedded");
        return ManagedProcess.builder(spec.name())
                .command(command)
                .environment(serviceEnvironment(spec))
                .workingDirectory(repoDir)
                .logFile(logsDir.resolve(spec.name() + ".log"))
                .readiness(() -> healthIsUp(spec.healthUrl()))
                .readyTimeout(options.serviceReadyTimeout)
                .build();
    }

    /**
     * What every service is told: the infrastructure, its port, and where the others are (the web app calls them;
     * when it runs, the links in emails and Teams cards open its alert pages).
     */
    private Map<String, String> serviceEnvironment(ServiceSpec spec) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(
                "KAFKA_BOOTSTRAP_SERVERS", kafkaBootstrapServers(),
                "MONGODB_URI", mongoUri(),
                "SERVER_PORT", String.valueOf(spec.port()),
                // Loopback only, like the broker and the database: the demo's dev tokens and simulated clock are
                // for this machine, never for its network.
                "SERVER_ADDRESS", LOOPBACK,
                // One alert-service, whose own commits wake its processors: no need to poll the MongoDB stand-in,
                // which scans the event collection on every read, five times a second.
                "EVENT_STORE_IDLE_POLL", "1s",
                "EMBEDDED_DATA_DIR", dataDir.toString()));
        for (ServiceSpec other : options.services) {
            switch (other.module()) {
                case "alert-service" -> env.put("ALERT_SERVICE_URL", other.baseUrl());
                case "notification-service" -> env.put("NOTIFICATION_SERVICE_URL", other.baseUrl());
                case "reporting-service" -> env.put("REPORTING_SERVICE_URL", other.baseUrl());
                case WEB_APP -> env.put("ALERT_BASE_URL", other.baseUrl());
                default -> { }
            }
        }
        return env;
    }

    private boolean kafkaAnswers() throws Exception {
        if (!Ports.isAcceptingConnections(kafkaPort)) {
            return false;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafkaBootstrapServers());
        props.put(AdminClientConfig.CLIENT_ID_CONFIG, "embedded-stack-readiness");
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "3000");
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "3000");
        try (Admin admin = Admin.create(props)) {
            return !admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty();
        }
    }

    private boolean mongoAnswers() {
        if (!Ports.isAcceptingConnections(mongoPort)) {
            return false;
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(new ConnectionString(mongoUri()))
                .applyToClusterSettings(c -> c.serverSelectionTimeout(2, TimeUnit.SECONDS))
                .applyToSocketSettings(s -> s.connectTimeout(1, TimeUnit.SECONDS))
                .build();
        try (MongoClient client = MongoClients.create(settings)) {
            Document pong = client.getDatabase("admin").runCommand(new Document("ping", 1));
            return pong.get("ok") instanceof Number ok && ok.doubleValue() == 1.0;
        }
    }

    static boolean healthIsUp(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).GET().build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode() == 200 && STATUS_UP.matcher(response.body()).find();
    }

    private static int requireFreePort(int requested, String what, String option) {
        int port = Ports.resolve(requested);
        if (!Ports.isFree(port)) {
            throw new IllegalStateException(what + " port " + port + " is already in use (another stack running?)."
                    + " Stop it or pass " + option + " <port>.");
        }
        return port;
    }

    private void stopQuietly(ManagedProcess process) {
        if (process == null || !process.isAlive()) {
            return;
        }
        out.println("  stopping " + process.name() + " ...");
        try {
            process.stop();
        } catch (RuntimeException e) {
            System.err.println("could not stop " + process.name() + ": " + e);
        }
    }

    /**
     * The repository root: {@code <repo>} when this class is loaded from
     * {@code <repo>/embedded-stack/target/...} (the fat jar, the thin jar or target/classes), else the nearest
     * directory upwards from the working directory that has a pom.xml and an embedded-stack/pom.xml, else the
     * working directory.
     */
    static Path detectRepoDir() {
        try {
            Path location = Path.of(EmbeddedStack.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path target = location.getParent();
            if (target != null && target.getFileName() != null && target.getFileName().toString().equals("target")) {
                Path module = target.getParent();
                Path repo = module == null ? null : module.getParent();
                if (repo != null && Files.isRegularFile(repo.resolve("pom.xml"))) {
                    return repo;
                }
            }
        } catch (Exception ignored) {
            // fall through to the working directory
        }
        Path cwd = Path.of("").toAbsolutePath();
        for (Path dir = cwd; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("pom.xml"))
                    && Files.isRegularFile(dir.resolve("embedded-stack").resolve("pom.xml"))) {
                return dir;
            }
        }
        return cwd;
    }

    /** Settings of an {@link EmbeddedStack}; defaults match {@code java -jar practice-alerts-embedded.jar}. */
    public static final class Options {

        static final String USAGE = """
                usage: java -jar practice-alerts-embedded.jar [options]
                  --data-dir <dir>      data and logs (default ./.embedded)
                  --kafka-port <port>   Kafka client port (default 9092, 0 = any free port)
                  --mongo-port <port>   MongoDB port (default 27017, 0 = any free port)
                  --repo-dir <dir>      repository root holding <module>/target/<module>.jar (default: detected)
                  --stop-after-start    start everything, print the summary and the start time, stop
                  --help                this text""";

        private Path dataDir = DEFAULT_DATA_DIR;
        private Path repoDir;
        private int kafkaPort = DEFAULT_KAFKA_PORT;
        private int mongoPort = DEFAULT_MONGO_PORT;
        private List<ServiceSpec> services = SERVICES;
        private boolean stopAfterStart;
        private boolean help;
        private Duration serviceReadyTimeout = Duration.ofSeconds(120);
        private Duration infraReadyTimeout = Duration.ofSeconds(90);
        private PrintStream out = System.out;
        private String externalKafka;
        private String externalMongo;

        /** Parses the command line of {@link EmbeddedStack#main(String[])}. */
        public static Options parse(String[] args) {
            CommandLine cli = CommandLine.parse(args,
                    Set.of("--data-dir", "--kafka-port", "--mongo-port", "--repo-dir"),
                    Set.of("--stop-after-start", "--help"));
            Options options = new Options();
            cli.value("--data-dir").map(Path::of).ifPresent(options::dataDir);
            cli.value("--repo-dir").map(Path::of).ifPresent(options::repoDir);
            options.kafkaPort(cli.intValue("--kafka-port", DEFAULT_KAFKA_PORT));
            options.mongoPort(cli.intValue("--mongo-port", DEFAULT_MONGO_PORT));
            options.stopAfterStart = cli.flag("--stop-after-start");
            options.help = cli.flag("--help");
            return options;
        }

        public Options dataDir(Path dir) {
            this.dataDir = dir;
            return this;
        }

        public Options repoDir(Path dir) {
            this.repoDir = dir;
            return this;
        }

        /** 0 = any free port. */
        public Options kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /** 0 = any free port. */
        public Options mongoPort(int port) {
            this.mongoPort = port;
            return this;
        }

        public Options services(List<ServiceSpec> specs) {
            this.services = List.copyOf(specs);
            return this;
        }

        public Options stopAfterStart(boolean stop) {
            this.stopAfterStart = stop;
            return this;
        }

        public Options serviceReadyTimeout(Duration timeout) {
            this.serviceReadyTimeout = timeout;
            return this;
        }

        public Options infraReadyTimeout(Duration timeout) {
            this.infraReadyTimeout = timeout;
            return this;
        }

        /**
         * Runs the services on infrastructure started elsewhere (a real Kafka cluster and MongoDB replica set, or
         * Testcontainers): no broker or database process is started, and the services get these endpoints by
         * configuration alone, exactly as in production.
         */
        public Options externalInfrastructure(String kafkaBootstrapServers, String mongoUri) {
            this.externalKafka = kafkaBootstrapServers;
            this.externalMongo = mongoUri;
            return this;
        }

        /** Where progress lines go (default System.out). */
        public Options out(PrintStream stream) {
            this.out = stream;
            return this;
        }

        public Path dataDir() {
            return dataDir;
        }

        public int kafkaPort() {
            return kafkaPort;
        }

        public int mongoPort() {
            return mongoPort;
        }

        public List<ServiceSpec> services() {
            return services;
        }

        public boolean stopAfterStart() {
            return stopAfterStart;
        }

        Options copy() {
            Options c = new Options();
            c.dataDir = dataDir;
            c.repoDir = repoDir;
            c.kafkaPort = kafkaPort;
            c.mongoPort = mongoPort;
            c.services = services;
            c.stopAfterStart = stopAfterStart;
            c.help = help;
            c.serviceReadyTimeout = serviceReadyTimeout;
            c.infraReadyTimeout = infraReadyTimeout;
            c.out = out;
            c.externalKafka = externalKafka;
            c.externalMongo = externalMongo;
            return c;
        }
    }

    /** This JVM's class path with every entry absolute: the children run in the data directory. */
    static String absoluteClassPath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(e -> !e.isBlank())
                .map(e -> Path.of(e).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }
}
