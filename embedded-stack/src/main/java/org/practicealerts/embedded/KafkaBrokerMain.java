package org.practicealerts.embedded;

import java.nio.file.Path;
import java.util.Set;

/**
 * Runs {@link EmbeddedKafkaBroker} as its own OS process:
 * {@code java -cp practice-alerts-embedded.jar org.practicealerts.embedded.KafkaBrokerMain --port 9092 --dir <dir>}.
 *
 * <p>Prints {@value #READY_PREFIX}... once the broker accepts requests and {@value #STOPPED_LINE} after a
 * clean shutdown on SIGTERM/SIGINT. {@code --parent-pid <pid>} makes the broker shut down (cleanly) when
 * that process is gone, so a crashed launcher leaves no orphan broker holding the port. Exit code 1 when
 * the broker cannot start, 2 for bad arguments.
 */
public final class KafkaBrokerMain {

    public static final String READY_PREFIX = "KAFKA READY bootstrap.servers=";
    public static final String STOPPED_LINE = "KAFKA STOPPED";

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CommandLine cli;
        int port;
        Path dir;
        try {
            cli = CommandLine.parse(args, Set.of("--port", "--dir", "--parent-pid"), Set.of());
            port = cli.intValue("--port", 9092);
            dir = Path.of(cli.required("--dir"));
        } catch (IllegalArgumentException e) {
            System.err.println("KafkaBrokerMain: " + e.getMessage());
            System.err.println("usage: KafkaBrokerMain --port 9092 --dir <log dir> [--parent-pid <pid>]");
            System.exit(2);
            return;
        }
        EmbeddedLogging.configureForProcess();
        EmbeddedKafkaBroker broker = new EmbeddedKafkaBroker(port, dir);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            System.out.println(STOPPED_LINE);
            System.out.flush();
        }, "kafka-broker-shutdown"));
        try {
            broker.start();
        } catch (RuntimeException e) {
            System.err.println("KAFKA FAILED to start on port " + port + " with dir " + dir.toAbsolutePath());
            e.printStackTrace();
            System.exit(1);
        }
        System.out.println(READY_PREFIX + broker.bootstrapServers() + " cluster.id=" + broker.clusterId()
                + " dir=" + broker.logDir());
        System.out.flush();
        ProcessMains.exitWithParent(cli);
        ProcessMains.blockForever();
    }
}
