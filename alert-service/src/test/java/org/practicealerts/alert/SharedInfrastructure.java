package org.practicealerts.alert;

import java.nio.file.Path;
import org.practicealerts.embedded.EmbeddedKafkaBroker;
import org.practicealerts.embedded.EmbeddedMongoServer;
import org.practicealerts.embedded.SharedTestInfrastructure;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The test JVM's one KRaft broker and one MongoDB wire server ({@link SharedTestInfrastructure}), shared by every
 * integration test (they isolate themselves by alert ids and database names).
 */
public final class SharedInfrastructure {

    private SharedInfrastructure() {
    }

    public static EmbeddedKafkaBroker kafka() {
        return SharedTestInfrastructure.kafka();
    }

    public static EmbeddedMongoServer mongo() {
        return SharedTestInfrastructure.mongo();
    }

    public static Path dir() {
        return SharedTestInfrastructure.dir();
    }

    /** Points a Spring test context at the shared broker and server, with its own database. */
    public static void register(DynamicPropertyRegistry registry, String database) {
        registry.add("spring.kafka.bootstrap-servers", () -> kafka().bootstrapServers());
        registry.add("spring.mongodb.uri", () -> mongo().connectionString() + "/" + database);
        registry.add("practice-alerts.mongo-database", () -> database);
        registry.add("EMBEDDED_DATA_DIR", () -> dir().toString());
    }
}
