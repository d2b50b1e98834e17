package org.practicealerts.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.practicealerts.embedded.EmbeddedKafkaBroker;
import org.practicealerts.embedded.EmbeddedMongoServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real KRaft Kafka broker and one MongoDB wire-protocol server per test JVM, started on first use and shared by
 * every integration test (they isolate themselves by alert ids and database names).
 */
public final class SharedInfrastructure {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongoServer mongo;
    private static Path dir;

    private SharedInfrastructure() {
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

    /** Points a Spring test context at the shared broker and server, with its own database. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> mongo().connectionString() + "/" + database);
        registry.add("practice-alerts.mongo-database", () -> database);
        registry.add("EMBEDDED_DATA_DIR", () -> dir().toString());
    }
}
