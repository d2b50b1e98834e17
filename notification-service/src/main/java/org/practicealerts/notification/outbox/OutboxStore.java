package org.practicealerts.notification.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.outbox.OutboxEntry.State;

/**
 * The outbox in MongoDB ({@code notification_outbox}). Entries are written before the Kafka record is acknowledged
 * (nothing is lost on a crash) under their deterministic id (a redelivery inserts nothing). Senders claim due
 * entries in batches (one update tagged with a fresh token, then one read by token: the stand-in MongoDB has no
 * secondary indexes), mark each SENT the moment it is delivered, and hand failures back for a later retry.
 */
public class OutboxStore {

    public static final String COLLECTION = "notification_outbox";
    /** Who was told what, when: the delivered entries' minimal record, kept as long as the alert. */
    public static final String EVIDENCE = "notification_delivery_evidence";
    /** What the evidence keeps of an entry: never its content (subject, text, card) or destination (a secret). */
    private static final List<String> EVIDENCE_FIELDS = List.of("_id", "eventId", "alertId", "eventType", "recipient",
            "reason", "reasons", "urgency", "urgent", "channel", "state", "attempts", "createdAt", "nextAttemptAt",
            "sentAt", "seq");

    private final MongoCollection<Document> outbox;
    private final MongoCollection<Document> evidence;
    /** Orders entries written in the same millisecond (one event's recipients, a burst) as they were written. */
    private final java.util.concurrent.atomic.AtomicLong seq =
            new java.util.concurrent.atomic.AtomicLong(System.currentTimeMillis() * 1000);

    public OutboxStore(MongoDatabase db) {
        this.outbox = db.getCollection(COLLECTION);
        this.evidence = db.getCollection(EVIDENCE);
    }

    /** Inserts new entries; ids already present (a redelivered event) are left exactly as they are. */
    public void insertNew(List<OutboxEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>(entries.size());
        entries.forEach(e -> docs.add(toDoc(e).append("seq", seq.incrementAndGet())));
        try {
            outbox.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    /**
     * Claims up to {@code limit} entries due at {@code now} (pending and due, or claimed by someone whose lease ran
     * out): one read of candidate ids, one update that only takes those still unclaimed, one read by token.
     */
    public List<OutboxEntry> claimDue(Instant now, String owner, Duration lease, int limit) {
        List<Object> ids = new ArrayList<>();
        outbox.find(due(now)).sort(Sorts.ascending("createdAt", "seq")).projection(Projections.include("_id")).limit(limit).forEach(d -> ids.add(d.get("_id")));
        if (ids.isEmpty()) {
            return List.of();
        }
        String token = UUID.randomUUID().toString();
        long claimed = outbox.updateMany(Filters.and(Filters.in("_id", ids), due(now)), Updates.combine(
                Updates.set("state", State.SENDING.name()), Updates.set("owner", owner), Updates.set("token", token),
                Updates.set("leaseUntil", Date.from(now.plus(lease))))).getModifiedCount();
        List<OutboxEntry> out = new ArrayList<>();
        if (claimed > 0) {
            outbox.find(Filters.eq("token", token)).sort(Sorts.ascending("createdAt", "seq")).forEach(d -> out.add(fromDoc(d)));
        }
        return out;
    }

    private static Bson due(Instant now) {
        Date at = Date.from(now);
        return Filters.or(
                Filters.and(Filters.eq("state", State.PENDING.name()), Filters.lte("nextAttemptAt", at)),
                Filters.and(Filters.eq("state", State.SENDING.name()), Filters.lte("leaseUntil", at)));
    }

    private static Bson held(OutboxEntry e) {
        return Filters.and(Filters.eq("_id", e.id()), Filters.eq("token", e.token()),
                Filters.eq("state", State.SENDING.name()));
    }

    /** Delivered: written at once, per entry, so a crash resends as little as possible. */
    public boolean markSent(OutboxEntry e, Instant at) {
        return outbox.updateOne(held(e), Updates.combine(Updates.set("state", State.SENT.name()),
                Updates.set("sentAt", Date.from(at)), Updates.inc("attempts", 1), Updates.unset("leaseUntil")))
                .getModifiedCount() == 1;
    }

    /** A failed attempt to be tried again at {@code next}. */
    public void markRetry(OutboxEntry e, Instant next, String error) {
        outbox.updateOne(held(e), Updates.combine(Updates.set("state", State.PENDING.name()),
                Updates.set("nextAttemptAt", Date.from(next)), Updates.inc("attempts", 1),
                Updates.set("lastError", error), Updates.unset("leaseUntil")));
    }

    /** Given up: listed for admins. */
    public void markFailed(OutboxEntry e, Instant at, String error) {
        outbox.updateOne(held(e), Updates.combine(Updates.set("state", State.FAILED.name()),
                Updates.set("failedAt", Date.from(at)), Updates.inc("attempts", 1),
                Updates.set("lastError", error), Updates.unset("leaseUntil")));
    }

    /** Not attempted (rate limit, shutting down): back to pending at {@code next}, no attempt counted. */
    public void release(OutboxEntry e, Instant next) {
        outbox.updateOne(held(e), Updates.combine(Updates.set("state", State.PENDING.name()),
                Updates.set("nextAttemptAt", Date.from(next)), Updates.unset("leaseUntil")));
    }

    /** An admin's retry of a FAILED entry: pending now, attempts counted afresh. */
    public boolean retryFailed(String id, Instant now) {
        return outbox.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", State.FAILED.name())),
                Updates.combine(Updates.set("state", State.PENDING.name()), Updates.set("nextAttemptAt", Date.from(now)),
                        Updates.set("attempts", 0))).getModifiedCount() == 1;
    }

    public Optional<OutboxEntry> get(String id) {
        Document d = outbox.find(Filters.eq("_id", id)).first();
        return d == null ? Optional.empty() : Optional.of(fromDoc(d));
    }

    public List<OutboxEntry> failed(int limit) {
        List<OutboxEntry> out = new ArrayList<>();
        outbox.find(Filters.eq("state", State.FAILED.name())).sort(Sorts.descending("failedAt")).limit(limit)
                .forEach(d -> out.add(fromDoc(d)));
        return out;
    }

    /** Every notice about the alert: those still in the outbox, then the delivered ones moved to the evidence. */
    public List<OutboxEntry> forAlert(String alertId) {
        List<OutboxEntry> out = new ArrayList<>();
        evidence.find(Filters.eq("alertId", alertId)).sort(Sorts.ascending("createdAt", "seq"))
                .forEach(d -> out.add(fromDoc(d)));
        outbox.find(Filters.eq("alertId", alertId)).sort(Sorts.ascending("createdAt", "seq"))
                .forEach(d -> out.add(fromDoc(d)));
        out.sort(Comparator.comparing(OutboxEntry::createdAt)); // stable: each part keeps its write order
        return out;
    }

    /** Age of the oldest entry not yet delivered (pending or being sent), per channel, at {@code now}. */
    public Map<Channel, Duration> oldestUndeliveredAge(Instant now) {
        Map<Channel, Duration> out = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            Document d = outbox.find(Filters.and(Filters.eq("channel", c.name()),
                            Filters.in("state", State.PENDING.name(), State.SENDING.name())))
                    .sort(Sorts.ascending("createdAt")).projection(Projections.include("createdAt")).first();
            Duration age = d == null ? Duration.ZERO : Duration.between(d.getDate("createdAt").toInstant(), now);
            out.put(c, age.isNegative() ? Duration.ZERO : age);
        }
        return out;
    }

    /**
     * Moves entries delivered before {@code before} out of the outbox (which every claim reads) into the permanent
     * delivery evidence, keeping who was told, why, how and when but not the message or its destination; returns
     * how many moved. FAILED and undelivered entries stay. A crash between the copy and the delete repeats the copy
     * harmlessly next time (it is keyed by the entry's id).
     */
    public long archiveSentBefore(Instant before) {
        long moved = 0;
        while (true) {
            List<Document> batch = outbox.find(Filters.and(Filters.eq("state", State.SENT.name()),
                    Filters.lt("sentAt", Date.from(before)))).projection(Projections.include(EVIDENCE_FIELDS))
                    .limit(500).into(new ArrayList<>());
            if (batch.isEmpty()) {
                return moved;
            }
            for (Document d : batch) {
                evidence.replaceOne(Filters.eq("_id", d.get("_id")), d, new ReplaceOptions().upsert(true));
            }
            moved += outbox.deleteMany(Filters.in("_id", batch.stream().map(d -> d.get("_id")).toList()))
                    .getDeletedCount();
        }
    }

    public long count(State state) {
        return outbox.countDocuments(Filters.eq("state", state.name()));
    }

    private static Document toDoc(OutboxEntry e) {
        return new Document("_id", e.id()).append("eventId", e.eventId()).append("alertId", e.alertId())
                .append("eventType", e.eventType()).append("recipient", e.recipient()).append("reason", e.reason())
                .append("reasons", e.told().reasons()).append("urgency", e.told().urgency().name())
                .append("urgent", e.told().urgent())
                .append("channel", e.channel().name()).append("destination", e.destination())
                .append("subject", e.subject()).append("text", e.text()).append("html", e.html())
                .append("card", e.card()).append("state", e.state().name()).append("attempts", e.attempts())
                .append("createdAt", Date.from(e.createdAt())).append("nextAttemptAt", Date.from(e.nextAttemptAt()));
    }

    private static OutboxEntry fromDoc(Document d) {
        return new OutboxEntry(d.getString("_id"), d.getString("eventId"), d.getString("alertId"),
                d.getString("eventType"), d.getString("recipient"), told(d),
                Channel.valueOf(d.getString("channel")), d.getString("destination"), d.getString("subject"),
                d.getString("text"), d.getString("html"), d.getString("card"), State.valueOf(d.getString("state")),
                d.getInteger("attempts", 0), instant(d, "createdAt"), instant(d, "nextAttemptAt"),
                instant(d, "sentAt"), d.getString("lastError"), d.getString("token"));
    }

    /** A row written before rows kept every reason and the urgency reads as its one reason, routine. */
    static Told told(Document d) {
        List<String> reasons = d.getList("reasons", String.class);
        String reason = d.getString("reason");
        String urgency = d.getString("urgency");
        return new Told(reasons != null ? reasons : reason == null ? List.of() : List.of(reason),
                urgency == null ? Urgency.ROUTINE : Urgency.valueOf(urgency), d.getBoolean("urgent", false));
    }

    private static Instant instant(Document d, String field) {
        Date v = d.getDate(field);
        return v == null ? null : v.toInstant();
    }
}
