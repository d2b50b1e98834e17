package org.practicealerts.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.practicealerts.embedded.EmbeddedKafkaBroker;
import org.practicealerts.embedded.EmbeddedMongoServer;

/** One KRaft broker and one MongoDB wire server per test JVM, started on first use. */
public final class TestInfra {

    private static EmbeddedKafkaBroker kafka;
    private static EmbeddedMongoServer mongo;

    private TestInfra() {
    }

    public static synchronized String bootstrap() {
        if (kafka == null) {
            try {
                kafka = EmbeddedKafkaBroker.start(0, Files.createTempDirectory("notification-kafka"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        }
        return kafka.bootstrapServers();
    }

    public static synchronized String mongoUri() {
        if (mongo == null) {
            mongo = EmbeddedMongoServer.inMemory().start(0);
            Runtime.getRuntime().addShutdownHook(new Thread(mongo::close));
        }
        return mongo.connectionString();
    }
}
