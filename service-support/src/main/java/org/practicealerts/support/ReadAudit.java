package org.practicealerts.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Every read a person made of this service's API (who, what, when, and which alert, child or export), in the
 * {@code read_audit} collection, queryable by admins at {@code GET /api/v1/admin/read-audit}. Kept for
 * {@code practice-alerts.read-audit.keep} (two years unless the council says otherwise), then removed by MongoDB.
 */
public class ReadAudit {

    /**
     * One read.
     *
     * @param what     the path read, e.g. {@code /api/v1/reports/central-log}
     * @param alertId  the alert it was about, when the path or query names one
     * @param childRef the child it was about, when the path or query names one
     * @param format   the export format asked for (csv, xlsx, html), or null for the JSON API
     */
    public record Read(String service, String personId, Instant at, String what, String alertId, String childRef,
                       String format) {
    }

    public static final String COLLECTION = "read_audit";

    private final MongoCollection<Document> reads;
    private final String service;

    public ReadAudit(MongoDatabase db, String service, Duration keep) {
        this.reads = db.getCollection(COLLECTION);
        this.service = service;
        reads.createIndex(Indexes.ascending("personId", "at"));
        reads.createIndex(Indexes.ascending("alertId", "at"));
        reads.createIndex(Indexes.ascending("childRef", "at"));
        reads.createIndex(Indexes.ascending("at"), new IndexOptions().name("read_audit_expiry")
                .expireAfter(keep.toSeconds(), TimeUnit.SECONDS));
    }

    public void record(String personId, Instant at, String what, String alertId, String childRef, String format) {
        reads.insertOne(new Document("service", service).append("personId", personId).append("at", Date.from(at))
                .append("what", what).append("alertId", alertId).append("childRef", childRef)
                .append("format", format));
    }

    /** The newest reads first, filtered by any of person, alert, child and a period. */
    public List<Read> find(String personId, String alertId, String childRef, Instant from, Instant to, int limit) {
        List<Bson> filters = new ArrayList<>();
        if (personId != null) {
            filters.add(Filters.eq("personId", personId));
        }
        if (alertId != null) {
            filters.add(Filters.eq("alertId", alertId));
        }
        if (childRef != null) {
            filters.add(Filters.eq("childRef", childRef));
        }
        if (from != null) {
            filters.add(Filters.gte("at", Date.from(from)));
        }
        if (to != null) {
            filters.add(Filters.lt("at", Date.from(to)));
        }
        List<Read> out = new ArrayList<>();
        reads.find(filters.isEmpty() ? new Document() : Filters.and(filters)).sort(Sorts.descending("at"))
                .limit(limit).forEach(d -> out.add(new Read(d.getString("service"), d.getString("personId"),
                        d.getDate("at").toInstant(), d.getString("what"), d.getString("alertId"),
                        d.getString("childRef"), d.getString("format"))));
        return out;
    }
}
