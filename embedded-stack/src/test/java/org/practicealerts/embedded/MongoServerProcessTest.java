package org.practicealerts.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** MongoServerMain as its own OS process, driven through ManagedProcess. */
class MongoServerProcessTest {

    private static ManagedProcess mongoProcess(Path dir, int port) {
        return ManagedProcess.builder("mongo")
                .command(ManagedProcess.javaExecutable(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                        "-cp", System.getProperty("java.class.path"), MongoServerMain.class.getName(),
                        "--port", String.valueOf(port), "--file", dir.resolve("data.mv").toString(),
                        "--parent-pid", String.valueOf(ProcessHandle.current().pid()))
                .logFile(dir.resolve("logs").resolve("mongo.log"))
                .readiness(() -> Ports.isAcceptingConnections(port))
                .readyTimeout(Duration.ofSeconds(30))
                .build();
    }

    /**
     * Writers answered together share one commit (the group commit): killed with SIGKILL in the middle of eight
     * clients writing, the file holds every write any of them had been answered for.
     */
    @Test
    void everyWriteAnsweredWhileEightClientsWriteAtOnceSurvivesKillDashNine(@TempDir Path dir) throws Exception {
        int port = Ports.freePort();
        ManagedProcess mongo = mongoProcess(dir, port);
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try {
            mongo.startAndAwaitReady();
            Set<String> answered = ConcurrentHashMap.newKeySet();
            AtomicBoolean killed = new AtomicBoolean();
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < 8; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
                        var cases = client.getDatabase("alerts").getCollection("cases");
                        for (int n = 0; !killed.get(); n++) {
                            String id = "case-" + writer + "-" + n;
                            cases.insertOne(new Document("_id", id).append("status", "RAISED"));
                            answered.add(id);
                        }
                    } catch (RuntimeException expectedOnceKilled) {
                        // the server went away mid-write: that write was never answered
                    }
                }));
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> answered.size() >= 400);
            mongo.kill();
            killed.set(true);
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            Set<String> before = Set.copyOf(answered);

            mongo.restart();
            try (MongoClient client = MongoClients.create("mongodb://localhost:" + port)) {
                Set<String> inFile = new HashSet<>();
                client.getDatabase("alerts").getCollection("cases").find()
                        .forEach(d -> inFile.add(d.getString("_id")));
                assertThat(inFile).containsAll(before);
            }
        } finally {
            writers.shutdownNow();
            mongo.kill();
        }
    }

    @Test
    void anAcknowledgedWriteSurvivesKillDashNineAndTheProcessStopsCleanlyOnSigterm(@TempDir Path dir)
            throws IOException {
        int port = Ports.freePort();
        Path logFile = dir.resolve("logs").resolve("mongo.log");
        ManagedProcess mongo = mongoProcess(dir, port);
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
