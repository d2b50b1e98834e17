package org.practicealerts.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MongoServerMain as its own OS process, driven through ManagedProcess. */
class MongoServerProcessTest {

    @Test
    void anAcknowledgedWriteSurvivesKillDashNineAndTheProcessStopsCleanlyOnSigterm(@TempDir Path dir)
            throws IOException {
        int port = Ports.freePort();
        Path logFile = dir.resolve("logs").resolve("mongo.log");
        ManagedProcess mongo = ManagedProcess.builder("mongo")
                .command(ManagedProcess.javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", System.getProperty("java.class.path"), MongoServerMain.class.getName(),
                        "--port", String.valueOf(port), "--file", dir.resolve("data.mv").toString(),
                        "--parent-pid", String.valueOf(ProcessHandle.current().pid()))
                .logFile(logFile)
                .readiness(() -> Ports.isAcceptingConnections(port))
                .readyTimeout(Duration.ofSeconds(30))
                .build();
        try {
            mongo.startAndAwaitReady();
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
                client.getDatabase("alerts").getCollection("cases")
                        .insertOne(new Document("_id", "case-9").append("status", "RAISED"));
            }

            mongo.kill();
            assertThat(mongo.isAlive()).isFalse();
            assertThat(mongo.exitCode()).contains(137);

            mongo.restart();
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
                Document found = client.getDatabase("alerts").getCollection("cases")
                        .find(Filters.eq("_id", "case-9")).first();
                assertThat(found).isNotNull();
                assertThat(found.getString("status")).isEqualTo("RAISED");
            }

            assertThat(mongo.stop()).contains(143);
            assertThat(mongo.isAlive()).isFalse();
            String log = Files.readString(logFile);
            assertThat(log).contains(MongoServerMain.READY_PREFIX + "mongodb://localhost:" + port);
            assertThat(log).containsOnlyOnce(MongoServerMain.STOPPED_LINE);
        } finally {
            mongo.kill();
        }
    }
}
