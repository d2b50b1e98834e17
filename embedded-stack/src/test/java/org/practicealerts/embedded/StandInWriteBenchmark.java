package org.practicealerts.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.practicealerts.embedded.EmbeddedMongoServer.StoreSettings;

/**
 * The raw write rate of the MongoDB stand-in (mongo-java-server on an MVStore file, every write committed before it
 * is answered), for each way of keeping the file, in one run: the ceiling under everything the embedded default's
 * services do, and how {@link StoreSettings#EMBEDDED_DEFAULT} was chosen.
 *
 * <p>Workload, per settings on a fresh file: {@code benchmark.threads} clients (default 8, the services' in-flight
 * writes under the system benchmark) each inserting, one round trip per document, an event-store-sized document
 * (about 1 KiB, a unique id index) and a read-audit-sized one (about 250 bytes) for {@code benchmark.seconds}
 * (default 20); then the same clients reading documents back by id for half as long. Reported: inserts/s, p50/p99
 * of one insert, CPU milliseconds per insert (client and server share this JVM), the file's size, reads/s.
 *
 * <pre>./mvnw -B -ntp -q -pl embedded-stack -am -Pbenchmark test -Dtest=StandInWriteBenchmark \
 *   -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@Tag("benchmark")
class StandInWriteBenchmark {

    private static final int THREADS = Integer.getInteger("benchmark.threads", 8);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
    private static final String PAYLOAD = "x".repeat(700);

    @TempDir
    Path dir;

    @Test
    void reportsTheStandInsWriteRateForEachWayOfKeepingTheFile() throws Exception {
        Map<String, StoreSettings> variants = new LinkedHashMap<>();
        variants.put("(warm-up, not reported)", StoreSettings.H2_DEFAULTS);
        if (Boolean.getBoolean("benchmark.default-only")) { // bin/benchmark-system: the figure beside raises/s
            variants.put("embedded default", StoreSettings.EMBEDDED_DEFAULT);
        } else {
            variants.putAll(allVariants());
        }
        List<String> rows = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, StoreSettings> v : variants.entrySet()) {
            String row = run(dir.resolve("run-" + i++ + ".mv"), v.getValue());
            if (!v.getKey().startsWith("(warm-up")) {
                rows.add(String.format(Locale.ROOT, "%-32s %s", v.getKey(), row));
            }
        }
        System.out.printf(Locale.ROOT, "==== MongoDB stand-in write rate: %d clients, %d s per variant ====%n",
                THREADS, SECONDS);
        rows.forEach(r -> System.out.println("BENCHMARK " + r));
        System.out.println("====");
    }

    private static Map<String, StoreSettings> allVariants() {
        Map<String, StoreSettings> variants = new LinkedHashMap<>();
        variants.put("H2 defaults, a commit per write", StoreSettings.H2_DEFAULTS);
        variants.put("4 KiB pages", new StoreSettings(4096, 0, -1, false));
        variants.put("compact below 50%", new StoreSettings(0, 0, 50, false));
        variants.put("64 MiB cache", new StoreSettings(0, 64, -1, false));
        variants.put("group commit", new StoreSettings(0, 0, -1, true));
        variants.put("all four", new StoreSettings(4096, 64, 50, true));
        variants.put("embedded default", StoreSettings.EMBEDDED_DEFAULT);
        return variants;
    }

    private String run(Path file, StoreSettings settings) throws Exception {
        EmbeddedMongoServer server = EmbeddedMongoServer.onFile(file, settings).start(0);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            MongoCollection<Document> events = client.getDatabase("bench").getCollection("events");
            MongoCollection<Document> audit = client.getDatabase("bench").getCollection("audit");
            events.createIndex(Indexes.ascending("eventIdentifier"), new IndexOptions().unique(true));
            AtomicLong ids = new AtomicLong();
            long cpuBefore = processCpuNanos();
            long until = System.nanoTime() + SECONDS * 1_000_000_000L;
            List<Future<long[]>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                writers.add(pool.submit(() -> {
                    List<Long> took = new ArrayList<>();
                    while (System.nanoTime() < until) {
                        long id = ids.incrementAndGet();
                        long start = System.nanoTime();
                        events.insertOne(new Document("_id", id).append("eventIdentifier", "e-" + id)
                                .append("aggregateIdentifier", "alert-" + (id % 500)).append("sequenceNumber", id / 500)
                                .append("type", "AlertRaised").append("payload", PAYLOAD));
                        audit.insertOne(new Document("personId", "tm-north").append("path", "/api/v1/alerts/" + id)
                                .append("at", new java.util.Date()));
                        took.add(System.nanoTime() - start);
                    }
                    return took.stream().mapToLong(Long::longValue).toArray();
                }));
            }
            long[] all = writers.stream().map(StandInWriteBenchmark::get).flatMapToLong(Arrays::stream).toArray();
            long cpu = processCpuNanos() - cpuBefore;
            long inserts = all.length * 2L;
            assertThat(events.countDocuments()).isEqualTo(all.length);
            Arrays.sort(all);

            long readUntil = System.nanoTime() + SECONDS * 500_000_000L;
            long written = ids.get();
            List<Future<Long>> readers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                readers.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < readUntil) {
                        long id = 1 + ThreadLocalRandom.current().nextLong(written);
                        assertThat(events.find(Filters.eq("_id", id)).first()).isNotNull();
                        n++;
                    }
                    return n;
                }));
            }
            long reads = readers.stream().mapToLong(StandInWriteBenchmark::get).sum();
            return String.format(Locale.ROOT,
                    "inserts/s %7.1f  insert pair p50 %6.1f ms p99 %6.1f ms  CPU/insert %5.2f ms  file %6.1f MiB"
                            + "  reads/s %7.1f",
                    inserts / (double) SECONDS, all[all.length / 2] / 1e6, all[(int) (all.length * 0.99)] / 1e6,
                    cpu / 1e6 / inserts, Files.size(file) / 1048576.0, reads / (SECONDS / 2.0));
        } finally {
            pool.shutdownNow();
            server.close();
        }
    }

    private static <T> T get(Future<T> f) {
        try {
            return f.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
