package org.practicealerts.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For tests: one real KRaft Kafka broker and one MongoDB wire-protocol server per JVM, started on first use and
 * shared by every integration test of a module (tests isolate themselves by ids, topics and database names).
 */
public final class SharedTestInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongoServer mongo;
    private static Path dir;

    private SharedTestInfrastructure() {
    }

    public static synchronized EmbeddedKafkaBroker kafka() {
        if (kafka == null) {
            kafka = EmbeddedKafkaBroker.start(0, dir().resolve("kafka"));
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka;
    }

    public static synchronized EmbeddedMongoServer mongo() {
        if (mongo == null) {
            mongo = EmbeddedMongoServer.inMemory().start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        }
        return mongo;
    }

    /** A temporary directory for the JVM's tests (the broker's log, the dev signing key). */
    public static synchronized Path dir() {
        if (dir == null) {
            try {
                dir = Files.createTempDirectory("practice-alerts-test");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    public static String bootstrapServers() {
        return kafka().bootstrapServers();
    }

    public static String mongoUri() {
        return mongo().connectionString();
    }
}
