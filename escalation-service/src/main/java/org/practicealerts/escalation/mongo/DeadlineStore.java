package org.practicealerts.escalation.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.practicealerts.escalation.domain.Deadline;
import org.practicealerts.escalation.domain.DeadlineChange;
import org.practicealerts.events.DeadlineKind;

/**
 * Every live deadline, in MongoDB ({@code escalation_deadlines}). Firing is claimed atomically with a lease
 * ({@code findOneAndUpdate}), so any number of instances sweep the same collection and each deadline fires once; a
 * crashed instance's claim expires and another instance finishes it.
 */
public class DeadlineStore {

    public static final String COLLECTION = "escalation_deadlines";

    /** A deadline's life in the store. */
    public enum Status { PENDING, CLAIMED, FIRED }

    /** A claimed deadline, with the claim's owner and token (one token per batch claimed together). */
    public record Claim(Deadline deadline, String owner, int attempts, String token) {
    }

    /** A row of the "due next" admin view. */
    public record Due(String id, String alertId, DeadlineKind kind, int stage, Instant dueAt, String actionId,
                      Status status, String owner, Instant leaseUntil) {
    }

    private final MongoCollection<Document> deadlines;
    private final MongoCollection<Document> processed;

    public DeadlineStore(MongoDatabase db) {
        this.deadlines = db.getCollection(COLLECTION);
        this.processed = db.getCollection("escalation_processed_events");
        deadlines.createIndex(Indexes.ascending("status", "dueAt"));
        deadlines.createIndex(Indexes.ascending("alertId"));
    }

    // --- keeping the schedule ---

    /** Whether this event was already applied (consumers see each event at least once). */
    public boolean alreadyApplied(String eventId) {
        return processed.find(Filters.eq("_id", eventId)).first() != null;
    }

    public void markApplied(String eventId, Instant at) {
        try {
            processed.insertOne(new Document("_id", eventId).append("at", Date.from(at)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    public void apply(DeadlineChange change) {
        if (change instanceof DeadlineChange.Schedule s) {
            schedule(s.deadline());
        } else if (change instanceof DeadlineChange.Cancel c) {
            deadlines.deleteMany(Filters.and(Filters.eq("alertId", c.alertId()),
                    Filters.in("kind", c.kinds().stream().map(Enum::name).toList())));
        } else if (change instanceof DeadlineChange.CancelAction c) {
            deadlines.deleteOne(Filters.eq("_id", Deadline.id(c.alertId(), DeadlineKind.ACTION, c.actionId())));
        } else if (change instanceof DeadlineChange.CancelAll c) {
            deadlines.deleteMany(Filters.eq("alertId", c.alertId()));
        }
    }

    /**
     * Sets a deadline. The same deadline again (a redelivered event) changes nothing, so a fired deadline stays
     * fired; a different instant or stage makes it pending again.
     */
    public void schedule(Deadline d) {
        Document current = deadlines.find(Filters.eq("_id", d.id())).first();
        if (current != null && current.getDate("dueAt").toInstant().equals(d.dueAt())
                && current.getInteger("stage", 0) == d.stage()) {
            return;
        }
        Document doc = pending(d);
        deadlines.replaceOne(Filters.eq("_id", d.id()), doc, new com.mongodb.client.model.ReplaceOptions().upsert(true));
    }

    /** Schedules many new deadlines at once (a rebuild, or a benchmark's backlog); existing ids are left alone. */
    public void scheduleNew(List<Deadline> batch) {
        List<Document> docs = new ArrayList<>(batch.size());
        for (Deadline d : batch) {
            docs.add(pending(d));
        }
        try {
            deadlines.insertMany(docs, new com.mongodb.client.model.InsertManyOptions().ordered(false));
        } catch (com.mongodb.MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /** When each fired deadline of these alerts fired, against when it was due (for lateness reports). */
    public List<Duration> lateness(String alertIdPrefix) {
        List<Duration> out = new ArrayList<>();
        deadlines.find(Filters.and(Filters.regex("alertId", "^" + java.util.regex.Pattern.quote(alertIdPrefix)),
                        Filters.eq("status", Status.FIRED.name())))
                .forEach(d -> out.add(Duration.between(d.getDate("dueAt").toInstant(), d.getDate("firedAt").toInstant())));
        return out;
    }

    // --- firing ---

    /**
     * Claims every deadline due at {@code now} (and every expired claim) in one atomic-per-document update tagged
     * with a fresh token, then reads the batch back: two queries however many fall due together. Each deadline
     * is taken by exactly one instance, because the update only matches deadlines still unclaimed.
     */
    public List<Claim> claimDue(Instant now, String owner, Duration lease) {
        return claimDue(now, now, owner, lease);
    }

    /**
     * As {@link #claimDue(Instant, String, Duration)}, but also the deadlines due by {@code dueBy} (a look ahead: the
     * caller sends each at its instant). Expired claims are taken over only at {@code now}.
     */
    public List<Claim> claimDue(Instant now, Instant dueBy, String owner, Duration lease) {
        String token = java.util.UUID.randomUUID().toString();
        long claimed = deadlines.updateMany(due(now, dueBy), Updates.combine(
                Updates.set("status", Status.CLAIMED.name()), Updates.set("owner", owner),
                Updates.set("token", token), Updates.set("leaseUntil", Date.from(now.plus(lease))),
                Updates.inc("attempts", 1))).getModifiedCount();
        List<Claim> out = new ArrayList<>();
        if (claimed > 0) {
            deadlines.find(Filters.eq("token", token)).sort(Sorts.ascending("dueAt")).forEach(d ->
                    out.add(new Claim(toDeadline(d), owner, d.getInteger("attempts", 1), token)));
        }
        return out;
    }

    /**
     * Marks fired every deadline its batch {@code token} still holds but those {@code unsent} (a deadline moved or
     * re-claimed meanwhile keeps its newer state): one update whatever the batch's size. A list of the batch's ids
     * would be matched one by one against every document by the embedded stand-in, which took minutes for a burst of
     * 100,000. Returns how many were marked.
     */
    public long markFiredExcept(String token, List<String> unsent, Instant at) {
        Bson held = Filters.and(Filters.eq("token", token), Filters.eq("status", Status.CLAIMED.name()));
        return deadlines.updateMany(unsent.isEmpty() ? held : Filters.and(held, Filters.nin("_id", unsent)),
                Updates.combine(Updates.set("status", Status.FIRED.name()), Updates.set("firedAt", Date.from(at))))
                .getModifiedCount();
    }

    /**
     * Hands claims taken ahead back unfired (their instant had not come by the clock when the look ahead ran out),
     * each only if its batch token still holds it. Returns how many were released.
     */
    public long release(List<Claim> claims) {
        if (claims.isEmpty()) {
            return 0;
        }
        return deadlines.updateMany(Filters.and(Filters.eq("token", claims.get(0).token()),
                        Filters.in("_id", claims.stream().map(c -> c.deadline().id()).toList()),
                        Filters.eq("status", Status.CLAIMED.name())),
                Updates.combine(Updates.set("status", Status.PENDING.name()), Updates.unset("owner"),
                        Updates.unset("token"), Updates.unset("leaseUntil"), Updates.inc("attempts", -1)))
                .getModifiedCount();
    }

    private static Bson due(Instant now, Instant dueBy) {
        return Filters.or(
                Filters.and(Filters.eq("status", Status.PENDING.name()), Filters.lte("dueAt", Date.from(dueBy))),
                Filters.and(Filters.eq("status", Status.CLAIMED.name()), Filters.lte("leaseUntil", Date.from(now))));
    }

    /** The next instant anything becomes due (pending deadline or expiring claim), if any. */
    public Optional<Instant> nextDueAt() {
        return nextClaimableAt(Duration.ZERO);
    }

    /**
     * The next instant a claim looking {@code lookAhead} ahead would take something: a pending deadline's instant less
     * the look ahead, or an expiring claim's lease (taken over only once it has run out), whichever is first.
     */
    public Optional<Instant> nextClaimableAt(Duration lookAhead) {
        Document p = deadlines.find(Filters.eq("status", Status.PENDING.name())).sort(Sorts.ascending("dueAt"))
                .projection(Projections.include("dueAt")).first();
        Document c = deadlines.find(Filters.eq("status", Status.CLAIMED.name())).sort(Sorts.ascending("leaseUntil"))
                .projection(Projections.include("leaseUntil")).first();
        Instant pending = p == null ? null : p.getDate("dueAt").toInstant().minus(lookAhead);
        Instant lease = c == null ? null : c.getDate("leaseUntil").toInstant();
        if (pending == null) {
            return Optional.ofNullable(lease);
        }
        return Optional.of(lease == null || pending.isBefore(lease) ? pending : lease);
    }

    // --- operations ---

    public Map<DeadlineKind, Long> pendingByKind() {
        Map<DeadlineKind, Long> out = new EnumMap<>(DeadlineKind.class);
        for (DeadlineKind k : DeadlineKind.values()) {
            out.put(k, deadlines.countDocuments(Filters.and(Filters.eq("kind", k.name()),
                    Filters.in("status", Status.PENDING.name(), Status.CLAIMED.name()))));
        }
        return out;
    }

    public List<Due> dueNext(int limit) {
        List<Due> out = new ArrayList<>();
        deadlines.find(Filters.in("status", Status.PENDING.name(), Status.CLAIMED.name()))
                .sort(Sorts.ascending("dueAt")).limit(limit).forEach(d -> out.add(toDue(d)));
        return out;
    }

    public List<Due> forAlert(String alertId) {
        List<Due> out = new ArrayList<>();
        deadlines.find(Filters.eq("alertId", alertId)).sort(Sorts.ascending("dueAt")).forEach(d -> out.add(toDue(d)));
        return out;
    }

    private static Document pending(Deadline d) {
        return new Document("_id", d.id()).append("alertId", d.alertId()).append("kind", d.kind().name())
                .append("stage", d.stage()).append("dueAt", Date.from(d.dueAt())).append("actionId", d.actionId())
                .append("status", Status.PENDING.name()).append("attempts", 0);
    }

    private static Due toDue(Document d) {
        Date lease = d.getDate("leaseUntil");
        return new Due(d.getString("_id"), d.getString("alertId"), DeadlineKind.valueOf(d.getString("kind")),
                d.getInteger("stage", 0), d.getDate("dueAt").toInstant(), d.getString("actionId"),
                Status.valueOf(d.getString("status")), d.getString("owner"), lease == null ? null : lease.toInstant());
    }

    private static Deadline toDeadline(Document d) {
        return new Deadline(d.getString("alertId"), DeadlineKind.valueOf(d.getString("kind")), d.getInteger("stage", 0),
                d.getDate("dueAt").toInstant(), d.getString("actionId"));
    }
}
