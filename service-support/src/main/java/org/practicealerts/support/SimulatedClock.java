package org.practicealerts.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.bson.Document;

/**
 * The embedded default's clock: real time plus an offset kept in MongoDB, so every service process of the
 * embedded stack sees the same simulated time and a demo (or a test) can watch five working days pass. The offset
 * only moves forward: deadlines that fired stay fired. Exists only in the {@code embedded} profile.
 */
public class SimulatedClock extends Clock {

    private static final String ID = "clock";
    private static final long CACHE_NANOS = Duration.ofMillis(100).toNanos();

    private final MongoCollection<Document> store;
    private final Clock real;
    private volatile long offsetMillis;
    private volatile long readAtNanos;
    private volatile boolean read;

    public SimulatedClock(MongoDatabase db, Clock real) {
        this.store = db.getCollection("simulated_clock");
        this.real = real;
        store.updateOne(Filters.eq("_id", ID), Updates.setOnInsert("offsetMillis", 0L),
                new com.mongodb.client.model.UpdateOptions().upsert(true));
    }

    @Override
    public Instant instant() {
        long now = System.nanoTime();
        if (!read || now - readAtNanos > CACHE_NANOS) {
            Document d = store.find(Filters.eq("_id", ID)).first();
            offsetMillis = d == null ? 0 : d.get("offsetMillis", Number.class).longValue();
            readAtNanos = now;
            read = true;
        }
        return real.instant().plusMillis(offsetMillis);
    }

    /** Moves simulated time forward by {@code by}; returns the new simulated instant. */
    public Instant advance(Duration by) {
        if (by.isNegative()) {
            throw new IllegalArgumentException("the simulated clock only moves forward");
        }
        Document d = store.findOneAndUpdate(Filters.eq("_id", ID), Updates.inc("offsetMillis", by.toMillis()),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        offsetMillis = d.get("offsetMillis", Number.class).longValue();
        readAtNanos = System.nanoTime();
        read = true;
        return real.instant().plusMillis(offsetMillis);
    }

    /** Sets simulated time to {@code target}, which must not be before the current simulated time. */
    public Instant setTo(Instant target) {
        return advance(Duration.between(instant(), target));
    }

    public long offsetMillis() {
        instant();
        return offsetMillis;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        SimulatedClock simulated = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return simulated.withZone(other);
            }

            @Override
            public Instant instant() {
                return simulated.instant();
            }
        };
    }
}
