package org.practicealerts.escalation.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.EmbeddedMongoServer;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.escalation.domain.DeadlineChange;
import org.practicealerts.events.DeadlineKind;

/** The schedule on the MongoDB wire protocol: each deadline is claimed once, leases let others finish a crashed job. */
class DeadlineStoreTest {

    static final Instant NOW = Instant.parse("2026-01-12T17:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static EmbeddedMongoServer server;
    static MongoClient client;
    MongoDatabase db;
    DeadlineStore store;

    @BeforeAll
    static void startServer() {
        server = EmbeddedMongoServer.inMemory().start(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stopServer() {
        client.close();
        server.close();
    }

    @BeforeEach
    void freshDatabase() {
        db = client.getDatabase("deadlines_" + System.nanoTime());
        store = new DeadlineStore(db);
    }

    /** Marks a whole claimed batch fired, as the sweeper does when every command of it was sent. */
    static long markFired(DeadlineStore store, List<DeadlineStore.Claim> batch, Instant at) {
        return batch.isEmpty() ? 0 : store.markFiredExcept(batch.get(0).token(), List.of(), at);
    }

    static Deadline response(String alert, Instant due) {
        return new Deadline(alert, DeadlineKind.RESPONSE, 1, due, null);
    }

    @Test
    void claimsEveryDueDeadlineEarliestFirstAndNothingNotYetDue() {
        store.schedule(response("late", NOW.minusSeconds(5)));
        store.schedule(response("early", NOW.minusSeconds(60)));
        store.schedule(response("future", NOW.plusSeconds(1)));
        assertThat(store.claimDue(NOW, "a", LEASE)).extracting(c -> c.deadline().alertId())
                .containsExactly("early", "late");
        assertThat(store.claimDue(NOW, "a", LEASE)).isEmpty();
        assertThat(store.nextDueAt()).hasValue(NOW.plusSeconds(1));
    }

    @Test
    void aFiredDeadlineIsNotFiredAgainWhenTheSameEventIsRedelivered() {
        Deadline d = response("a1", NOW);
        store.schedule(d);
        List<DeadlineStore.Claim> claims = store.claimDue(NOW, "a", LEASE);
        assertThat(markFired(store, claims, NOW)).isEqualTo(1);
        store.schedule(d); // the same AlertRaised delivered again
        assertThat(store.claimDue(NOW.plusSeconds(60), "a", LEASE)).isEmpty();
    }

    @Test
    void aMovedDeadlineIsPendingAgainAndTheOldClaimCannotMarkItFired() {
        store.schedule(response("a1", NOW));
        List<DeadlineStore.Claim> claims = store.claimDue(NOW, "a", LEASE);
        store.schedule(response("a1", NOW.plusSeconds(3600))); // re-planned while the command was in flight
        assertThat(markFired(store, claims, NOW)).isZero();
        assertThat(store.nextDueAt()).hasValue(NOW.plusSeconds(3600));
    }

    @Test
    void aCrashedInstancesClaimIsTakenOverWhenItsLeaseExpires() {
        store.schedule(response("a1", NOW));
        List<DeadlineStore.Claim> crashed = store.claimDue(NOW, "dead-instance", LEASE);
        assertThat(crashed).hasSize(1);
        assertThat(store.claimDue(NOW.plusSeconds(29), "b", LEASE)).isEmpty();
        List<DeadlineStore.Claim> taken = store.claimDue(NOW.plus(LEASE), "b", LEASE);
        assertThat(taken).singleElement().extracting(DeadlineStore.Claim::attempts).isEqualTo(2);
        assertThat(markFired(store, crashed, NOW.plus(LEASE))).isZero();
        assertThat(markFired(store, taken, NOW.plus(LEASE))).isEqualTo(1);
    }

    @Test
    void aClaimLookingAheadTakesDeadlinesDueWithinItButNoLeaseBeforeItHasRunOut() {
        store.schedule(response("soon", NOW.plusSeconds(2)));
        store.schedule(response("later", NOW.plusSeconds(3)));
        store.schedule(response("leased", NOW.minusSeconds(60)));
        assertThat(store.claimDue(NOW.minusSeconds(60), "crashed", LEASE)).hasSize(1); // lease runs out at NOW - 30 s
        store.schedule(response("leased-late", NOW.minusSeconds(31)));
        assertThat(store.claimDue(NOW.minusSeconds(31), "crashed-too", Duration.ofMillis(32_500)))
                .hasSize(1); // runs out at NOW + 1.5 s, inside the look ahead but not yet out

        assertThat(store.nextClaimableAt(Duration.ofSeconds(2))).hasValue(NOW.minusSeconds(30));
        assertThat(store.claimDue(NOW, NOW.plusSeconds(2), "a", LEASE)).extracting(c -> c.deadline().alertId())
                .containsExactly("leased", "soon");
        // "later" can be claimed 2 s ahead of its instant, "leased-late" only once its lease has run out
        assertThat(store.nextClaimableAt(Duration.ofSeconds(2))).hasValue(NOW.plusSeconds(1));
        assertThat(store.nextDueAt()).hasValue(NOW.plusMillis(1500));
    }

    @Test
    void aBatchIsMarkedFiredByItsTokenButForTheCommandsThatWereNotSentAndTheDeadlinesMovedMeanwhile() {
        for (int i = 0; i < 4; i++) {
            store.schedule(response("a" + i, NOW));
        }
        List<DeadlineStore.Claim> batch = store.claimDue(NOW, "a", LEASE);
        store.schedule(response("a3", NOW.plusSeconds(3600))); // re-planned while the command was in flight
        String notSent = response("a1", NOW).id();
        assertThat(store.markFiredExcept(batch.get(0).token(), List.of(notSent), NOW)).isEqualTo(2);
        assertThat(store.forAlert("a1")).extracting(DeadlineStore.Due::status).containsExactly(DeadlineStore.Status.CLAIMED);
        assertThat(store.forAlert("a3")).extracting(DeadlineStore.Due::status).containsExactly(DeadlineStore.Status.PENDING);
        assertThat(store.forAlert("a0")).extracting(DeadlineStore.Due::status).containsExactly(DeadlineStore.Status.FIRED);
    }

    @Test
    void resolvingAnAlertDropsAllItsDeadlines() {
        store.schedule(response("a1", NOW));
        store.schedule(new Deadline("a1", DeadlineKind.STATUTORY_TOTAL, 1, NOW.plusSeconds(99), null));
        store.schedule(response("a2", NOW));
        store.apply(new DeadlineChange.CancelAll("a1"));
        assertThat(store.dueNext(10)).extracting(DeadlineStore.Due::alertId).containsExactly("a2");
    }

    @Test
    void cancellingTheStageKindsKeepsTheAlertsOtherDeadlines() {
        store.schedule(response("a1", NOW));
        store.schedule(new Deadline("a1", DeadlineKind.REMINDER, 1, NOW.minusSeconds(10), null));
        store.schedule(new Deadline("a1", DeadlineKind.ACTION, 1, NOW.plusSeconds(10), "act"));
        store.apply(new DeadlineChange.Cancel("a1", Set.of(DeadlineKind.RESPONSE, DeadlineKind.REMINDER)));
        assertThat(store.forAlert("a1")).extracting(DeadlineStore.Due::kind).containsExactly(DeadlineKind.ACTION);
    }

    @Test
    void threeInstancesFiringThousandsOfDeadlinesTogetherFireEachOnce() throws Exception {
        int n = 3000;
        for (int i = 0; i < n; i++) {
            store.schedule(response("a" + i, NOW.minusMillis(i % 1000)));
        }
        Map<String, String> firedBy = new ConcurrentHashMap<>();
        AtomicInteger duplicates = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < 6; w++) {
            String owner = "instance-" + (w % 3);
            workers.add(pool.submit(() -> {
                DeadlineStore mine = new DeadlineStore(db); // each instance has its own client objects
                // The deadlines fall due over one second; every instance sweeps as time moves on.
                for (int ms = -1000; ms <= 0; ms += 10) {
                    Instant now = NOW.plusMillis(ms);
                    List<DeadlineStore.Claim> batch = mine.claimDue(now, owner, LEASE);
                    for (DeadlineStore.Claim c : batch) {
                        if (firedBy.putIfAbsent(c.deadline().id(), owner) != null) {
                            duplicates.incrementAndGet();
                        }
                    }
                    markFired(mine, batch, now);
                }
                return null;
            }));
        }
        for (Future<?> f : workers) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();
        assertThat(duplicates.get()).isZero();
        assertThat(firedBy).hasSize(n);
        assertThat(Set.copyOf(firedBy.values())).hasSizeGreaterThan(1);
        assertThat(store.dueNext(10)).isEmpty();
    }

    @Test
    void whenOneInstanceDiesMidSweepTheOthersCompleteItsWork() {
        for (int i = 0; i < 200; i++) {
            store.schedule(response("a" + i, NOW));
        }
        // an instance claims the first 50 due and "dies" without firing them
        for (int i = 0; i < 50; i++) {
            store.schedule(response("b" + i, NOW.minusSeconds(1)));
        }
        assertThat(store.claimDue(NOW.minusSeconds(1), "dies", LEASE)).hasSize(50);
        Instant later = NOW.plus(LEASE).plusSeconds(1);
        List<DeadlineStore.Claim> survivor = store.claimDue(later, "survivor", LEASE);
        assertThat(markFired(store, survivor, later)).isEqualTo(survivor.size());
        assertThat(survivor).hasSize(250);
        assertThat(store.claimDue(later, "survivor", LEASE)).isEmpty();
    }
}
