package org.practicealerts.embedded;

import java.nio.file.Path;
import java.util.Set;

/**
 * Runs {@link EmbeddedMongoServer} (H2 file backend) as its own OS process:
 * {@code java -cp practice-alerts-embedded.jar org.practicealerts.embedded.MongoServerMain --port 27017 --file <file>}.
 *
 * <p>Prints {@value #READY_PREFIX}... once listening and {@value #STOPPED_LINE} after a clean shutdown on
 * SIGTERM/SIGINT. {@code --parent-pid <pid>}: shut down when that process is gone. Exit code 1 when the
 * server cannot start, 2 for bad arguments.
 */
public final class MongoServerMain {

    public static final String READY_PREFIX = "MONGO READY uri=";
    public static final String STOPPED_LINE = "MONGO STOPPED";

    private MongoServerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine cli;
        int port;
        Path file;
        try {
            cli = CommandLine.parse(args, Set.of("--port", "--file", "--parent-pid"), Set.of());
            port = cli.intValue("--port", 27017);
            file = Path.of(cli.required("--file"));
        } catch (IllegalArgumentException e) {
            System.err.println("MongoServerMain: " + e.getMessage());
            System.err.println("usage: MongoServerMain --port 27017 --file <h2 file> [--parent-pid <pid>]");
            System.exit(2);
            return;
        }
        EmbeddedLogging.configureForProcess();
        EmbeddedMongoServer server = EmbeddedMongoServer.onFile(file);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println(STOPPED_LINE);
            System.out.flush();
        }, "mongo-server-shutdown"));
        try {
            server.start(port);
        } catch (RuntimeException e) {
            System.err.println("MONGO FAILED to start on port " + port + " with file " + file.toAbsolutePath());
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println(READY_PREFIX + server.connectionString() + " file=" + server.file().orElseThrow());
        System.out.flush();
        ProcessMains.exitWithParent(cli);
        ProcessMains.blockForever();
    }
}
