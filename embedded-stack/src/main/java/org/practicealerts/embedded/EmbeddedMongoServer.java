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
import org.h2.mvstore.MVStore;
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
    private final StoreSettings settings;
    private MongoServer server;
    private H2Backend backend;
    private int port;

    private EmbeddedMongoServer(Path file, StoreSettings settings) {
        this.file = file == null ? null : file.toAbsolutePath().normalize();
        this.settings = settings;
    }

    /**
     * A server whose data lives in the MVStore file {@code file} (created with its parent directories), kept with
     * {@link StoreSettings#EMBEDDED_DEFAULT}.
     */
    public static EmbeddedMongoServer onFile(Path file) {
        return onFile(file, StoreSettings.EMBEDDED_DEFAULT);
    }

    /** A server whose data lives in the MVStore file {@code file}, kept with {@code settings}. */
    public static EmbeddedMongoServer onFile(Path file, StoreSettings settings) {
        return new EmbeddedMongoServer(Objects.requireNonNull(file, "file"), Objects.requireNonNull(settings));
    }

    /** A server whose data lives in memory only (lost at {@link #close()}). */
    public static EmbeddedMongoServer inMemory() {
        return new EmbeddedMongoServer(null, StoreSettings.EMBEDDED_DEFAULT);
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
            newBackend = new CommittingH2Backend(settings.open(file), settings.groupCommit());
        }
        MongoBackend versioned = newBackend.version(ServerVersion.MONGO_5_0);
        return (H2Backend) versioned;
    }

    /**
     * How the MVStore file is kept. Every write is committed before it is answered, so each commit writes the pages it
     * changed: smaller pages mean fewer bytes serialised per commit, and a lower fill rate for background compaction
     * means old chunks are rewritten less often (the file is larger but is not rewritten under load).
     *
     * @param pageSplitBytes      a page is split above this size (0: H2's default, 16 KiB for a file)
     * @param cacheMegabytes      the page cache (0: H2's default, 16 MiB)
     * @param autoCompactFillRate compact chunks filled below this percentage (-1: H2's default, 90; 0: never)
     * @param groupCommit         writes answered at the same moment share one commit ({@link CommittingH2Backend})
     */
    public record StoreSettings(int pageSplitBytes, int cacheMegabytes, int autoCompactFillRate,
                                boolean groupCommit) {

        /** H2's own defaults and one commit per write, as the stand-in ran until 2026-12-04, for comparison. */
        public static final StoreSettings H2_DEFAULTS = new StoreSettings(0, 0, -1, false);

        /** What the embedded default uses: chosen with {@code StandInWriteBenchmark} (docs/performance.md). */
        public static final StoreSettings EMBEDDED_DEFAULT = new StoreSettings(4096, 64, 50, true);

        MVStore open(Path file) {
            MVStore.Builder builder = new MVStore.Builder().fileName(file.toString());
            if (pageSplitBytes > 0) {
                builder.pageSplitSize(pageSplitBytes);
            }
            if (cacheMegabytes > 0) {
                builder.cacheSize(cacheMegabytes);
            }
            if (autoCompactFillRate >= 0) {
                builder.autoCompactFillRate(autoCompactFillRate);
            }
            return builder.open();
        }
    }

    @Override
    public String toString() {
        return "EmbeddedMongoServer[" + (file == null ? "in memory" : file) + ", port=" + port
                + ", running=" + isRunning() + "]";
    }

    /**
     * H2 backend that has every command that changes data or indexes in the file before it is answered. Commands
     * answered at the same moment share one commit (a group commit): the first to finish its write commits, and
     * those whose writes that commit already holds return without writing the file again. Each commit writes every
     * page it changed and the path to each map's root (tens of KiB), so one commit for several writes is most of the
     * stand-in's write cost saved, with the same promise: nothing is acknowledged before it is in the file.
     */
    static final class CommittingH2Backend extends H2Backend {

        private static final Set<String> WRITE_COMMANDS = Set.of(
                "insert", "update", "delete", "findandmodify", "createindexes", "dropindexes", "drop",
                "dropdatabase", "create", "renamecollection", "aggregate");

        private final boolean groupCommit;
        private final Object commitLock = new Object();
        /** A commit is being written: later writers wait for it rather than start their own. */
        private boolean committing;
        /** Every change made while the store's version was below this one is in the file. */
        private long storedBelow;

        CommittingH2Backend(MVStore store, boolean groupCommit) {
            super(store);
            this.groupCommit = groupCommit;
        }

        @Override
        public Document handleCommand(Channel channel, String databaseName, String command, Document query) {
            try {
                return super.handleCommand(channel, databaseName, command, query);
            } finally {
                if (command != null && WRITE_COMMANDS.contains(command.toLowerCase(Locale.ROOT))
                        && !getMvStore().isClosed()) {
                    makeDurable();
                }
            }
        }

        /**
         * Returns once the calling thread's completed writes are in the file. The version is read after the write:
         * a write finished before the store moved past version {@code v} is in the commit that stores {@code v}.
         */
        void makeDurable() {
            if (!groupCommit) {
                getMvStore().commit();
                return;
            }
            long mine = getMvStore().getCurrentVersion();
            synchronized (commitLock) {
                while (committing && storedBelow <= mine) {
                    try {
                        commitLock.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted before the write was committed", e);
                    }
                }
                if (storedBelow > mine) {
                    return;
                }
                committing = true;
            }
            try {
                // commit() answers the version after the one it stored (or the current one, when nothing was
                // unsaved; then this thread's own write was already in the file and only it may return).
                long next = getMvStore().commit();
                synchronized (commitLock) {
                    storedBelow = Math.max(storedBelow, next);
                }
            } finally {
                synchronized (commitLock) {
                    committing = false;
                    commitLock.notifyAll();
                }
            }
        }
    }
}
