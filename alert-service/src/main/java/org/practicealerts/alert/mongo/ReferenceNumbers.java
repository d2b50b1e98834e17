package org.practicealerts.alert.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;

/** Human references for alerts, PA-2026-000042: one atomic counter per year, safe across instances. */
public class ReferenceNumbers {

    private final MongoCollection<Document> counters;

    public ReferenceNumbers(MongoDatabase db) {
        this.counters = db.getCollection("counters");
    }

    public String next(String prefix, int year) {
        Document doc = counters.findOneAndUpdate(Filters.eq("_id", prefix + "-" + year), Updates.inc("n", 1L),
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
        return String.format("%s-%d-%06d", prefix, year, doc.get("n", Number.class).longValue());
    }
}
