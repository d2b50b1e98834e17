package org.practicealerts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.ServerVersion;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-JVM MongoDB wire-protocol server (mongo-java-server) backed by H2's MVStore, reachable through the
 * ordinary MongoDB drivers at {@link #connectionString()}.
 *
 * <p>{@link #onFile(Path)} keeps data in one MVStore file that survives {@link #close()} and a later
 * {@link #start(int)} on the same file; every write command is committed to the file before it is
 * answered, so a process killed with SIGKILL loses nothing it had acknowledged. {@link #inMemory()} is for
 * tests: its data is gone after {@link #close()}.
 *
 * <p>The server reports itself as MongoDB 5.0 (recent Java drivers refuse the library's default of 3.6).
 */
public final class EmbeddedMongoServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongoServer.class);

    /** Host the server binds to and that {@link #connectionString()} names. */
    public static final String HOST = "localhost";

    private final Path file;
    private MongoServer server;
    private H2Backend backend;
    private int port;

    private EmbeddedMongoServer(Path file) {
        this.file = file == null ? null : file.toAbsolutePath().normalize();
    }

    /** A server whose data lives in the MVStore file {@code file} (created with its parent directories). */
    public static EmbeddedMongoServer onFile(Path file) {
        return new EmbeddedMongoServer(Objects.requireNonNull(file, "file"));
    }

    /** A server whose data lives in memory only (lost at {@link #close()}). */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(null);
    }

    /**
     * Opens the backend and listens on localhost:{@code port} (0 = a free port). No-op when already running.
     */
    public synchronized EmbeddedMongoServer start(int port) {
        if (server != null) {
            return this;
        }
        EmbeddedLogging.quietMongoServer();
        int chosen = Ports.resolve(port);
        H2Backend newBackend = openBackend();
        MongoServer newServer = new MongoServer(newBackend);
        try {
            newServer.bind(HOST, chosen);
        } catch (RuntimeException e) {
            try {
                newServer.shutdownNow();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            if (!newBackend.getMvStore().isClosed()) {
                newBackend.close();
            }
            throw new IllegalStateException("MongoDB server could not listen on " + HOST + ":" + chosen, e);
        }
        this.backend = newBackend;
        this.server = newServer;
        this.port = chosen;
        log.info("MongoDB server started: {} ({})", connectionString(), file == null ? "in memory" : file);
        return this;
    }

    /** {@code mongodb://localhost:<port>} (no database: each service picks its own). */
    public synchronized String connectionString() {
        if (server == null && port == 0) {
            throw new IllegalStateException("not started");
        }
        return "mongodb://" + HOST + ":" + port;
    }

    /** The listening port (the last one used, when stopped). */
    public synchronized int port() {
        return port;
    }

    /** The MVStore file, empty for the in-memory variant. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** Stops listening, closes client connections, commits and closes the MVStore file. Idempotent. */
    @Override
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.shutdownNow();
        } finally {
            // MongoServer.shutdownNow() already closes the backend; closing again is harmless for MVStore.
            if (!backend.getMvStore().isClosed()) {
                backend.close();
            }
            server = null;
            backend = null;
        }
        log.info("MongoDB server on port {} stopped", port);
    }

    private H2Backend openBackend() {
        H2Backend newBackend;
        if (file == null) {
            newBackend = new H2Backend(org.h2.mvstore.MVStore.open(null));
        } else {
            try {
                Files.createDirectories(file.getParent());
            } catch (IOException e) {
                throw new UncheckedIOException("could not create " + file.getParent(), e);
            }
            newBackend = new CommittingH2Backend(file.toString());
        }
        MongoBackend versioned = newBackend.version(ServerVersion.MONGO_5_0);
        return (H2Backend) versioned;
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + (file == null ? "in memory" : file) + ", port=" + port
                + ", running=" + isRunning() + "]";
    }

    /** H2 backend that commits the MVStore after every command that changes data or indexes. */
    static final class CommittingH2Backend extends H2Backend {

        private static final Set<String> WRITE_COMMANDS = Set.of(
                "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes", "drop",
                "dropdatabase", "create", "renamecollection", "aggregate");

        CommittingH2Backend(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                if (command != null && WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))
                        && !getMvStore().isClosed()) {
                    commit();
                }
            }
        }
    }
}
