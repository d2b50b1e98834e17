package org.practicealerts.alert.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/** Every read of an alert's record: who, when, and whether they saw the detail. Queryable by admins. */
@Component
public class ReadAudit {

    /** One read. */
    public record Read(String alertId, String personId, Instant at, boolean restricted, String via) {
    }

    private final MongoCollection<Document> reads;

    public ReadAudit(MongoDatabase db) {
        this.reads = db.getCollection("alert_reads");
        reads.createIndex(Indexes.ascending("alertId", "at"));
        reads.createIndex(Indexes.ascending("personId", "at"));
    }

    public void record(String alertId, String personId, Instant at, boolean restricted, String via) {
        reads.insertOne(new Document("alertId", alertId).append("personId", personId).append("at", Date.from(at))
                .append("restricted", restricted).append("via", via));
    }

    public List<Read> find(String alertId, String personId, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (alertId != null) {
            filters.add(Filters.eq("alertId", alertId));
        }
        if (personId != null) {
            filters.add(Filters.eq("personId", personId));
        }
        List<Read> out = new ArrayList<>();
        reads.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.descending("at"))
                .limit(limit).forEach(d -> out.add(new Read(d.getString("alertId"), d.getString("personId"),
                        d.getDate("at").toInstant(), d.getBoolean("restricted", false), d.getString("via"))));
        return out;
    }
}
