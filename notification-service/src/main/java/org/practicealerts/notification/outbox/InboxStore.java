package org.practicealerts.notification.outbox;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The in-app inbox ({@code notification_inbox}): one entry per event and recipient, id {@code eventId|personId}, with
 * every reason the person is told for and the alert's urgency; one about an immediate risk of harm is {@code urgent}.
 */
public class InboxStore {

    /**
     * An inbox entry, worded like the messages (and as free of case detail). In JSON {@code told} is unwrapped:
     * {@code reasons}, {@code urgency} and {@code urgent} sit beside the title.
     */
    public record Item(String id, String recipient, String alertId, String eventType, String reference, Integer stage,
                       String title, String ask, String dueBy, String link, @JsonUnwrapped Told told,
                       Instant createdAt, Instant acknowledgedAt) {
    }

    private final MongoCollection<Document> inbox;

    public InboxStore(MongoDatabase db) {
        this.inbox = db.getCollection("notification_inbox");
    }

    public void insertNew(List<Item> items) {
        if (items.isEmpty()) {
            return;
        }
        List<Document> docs = new ArrayList<>();
        for (Item i : items) {
            docs.add(new Document("_id", i.id()).append("recipient", i.recipient()).append("alertId", i.alertId())
                    .append("eventType", i.eventType()).append("reference", i.reference()).append("stage", i.stage())
                    .append("title", i.title()).append("ask", i.ask()).append("dueBy", i.dueBy())
                    .append("link", i.link()).append("reason", i.told().reason())
                    .append("reasons", i.told().reasons()).append("urgency", i.told().urgency().name())
                    .append("urgent", i.told().urgent()).append("createdAt", Date.from(i.createdAt())));
        }
        try {
            inbox.insertMany(docs, new InsertManyOptions().ordered(false));
        } catch (MongoBulkWriteException e) {
            if (e.getWriteErrors().stream().anyMatch(w -> ErrorCategory.fromErrorCode(w.getCode())
                    != ErrorCategory.DUPLICATE_KEY)) {
                throw e;
            }
        }
    }

    public List<Item> forRecipient(String personId, boolean includeAcknowledged, int limit) {
        List<Item> out = new ArrayList<>();
        var filter = includeAcknowledged ? Filters.eq("recipient", personId)
                : Filters.and(Filters.eq("recipient", personId), Filters.eq("acknowledgedAt", null));
        inbox.find(filter).sort(Sorts.descending("createdAt")).limit(limit).forEach(d -> out.add(fromDoc(d)));
        return out;
    }

    /** Acknowledges the recipient's own entry; empty when it is not theirs or does not exist. */
    public Optional<Item> acknowledge(String id, String personId, Instant at) {
        Document d = inbox.find(Filters.and(Filters.eq("_id", id), Filters.eq("recipient", personId))).first();
        if (d == null) {
            return Optional.empty();
        }
        if (d.getDate("acknowledgedAt") == null) {
            inbox.updateOne(Filters.eq("_id", id), Updates.set("acknowledgedAt", Date.from(at)));
            d.put("acknowledgedAt", Date.from(at));
        }
        return Optional.of(fromDoc(d));
    }

    private static Item fromDoc(Document d) {
        Date ack = d.getDate("acknowledgedAt");
        return new Item(d.getString("_id"), d.getString("recipient"), d.getString("alertId"), d.getString("eventType"),
                d.getString("reference"), d.getInteger("stage"), d.getString("title"), d.getString("ask"),
                d.getString("dueBy"), d.getString("link"), OutboxStore.told(d), d.getDate("createdAt").toInstant(),
                ack == null ? null : ack.toInstant());
    }
}
