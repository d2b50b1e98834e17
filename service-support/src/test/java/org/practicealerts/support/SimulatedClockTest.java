package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.EmbeddedMongoServer;

/** Every service process of the embedded stack sees the same simulated time, through MongoDB. */
class SimulatedClockTest {

    static EmbeddedMongoServer server;
    static MongoClient client;
    static final Clock REAL = Clock.fixed(Instant.parse("2026-01-05T09:00:00Z"), ZoneOffset.UTC);

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.inMemory().start(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    MongoDatabase db(String name) {
        return client.getDatabase(name);
    }

    @Test
    void aProcessThatNeverMovesTheClockStillSeesAnotherProcessMoveIt() {
        MongoDatabase db = db("shared_" + System.nanoTime());
        SimulatedClock watcher = new SimulatedClock(db, REAL);
        SimulatedClock mover = new SimulatedClock(db, REAL);
        mover.advance(Duration.ofDays(5));
        assertThat(new SimulatedClock(db, REAL).instant()).isEqualTo(Instant.parse("2026-01-10T09:00:00Z"));
        assertThat(watcher.offsetMillis()).isEqualTo(Duration.ofDays(5).toMillis());
    }

    @Test
    void startsAtRealTime() {
        assertThat(new SimulatedClock(db("fresh_" + System.nanoTime()), REAL).instant()).isEqualTo(REAL.instant());
    }

    @Test
    void neverGoesBack() {
        SimulatedClock clock = new SimulatedClock(db("back_" + System.nanoTime()), REAL);
        clock.advance(Duration.ofHours(2));
        assertThatThrownBy(() -> clock.setTo(REAL.instant())).isInstanceOf(IllegalArgumentException.class);
    }
}
