package org.practicealerts.alert.milestone;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * What became of each missed milestone's prompt, one document per milestone (its rule and the record that started
 * it): dismissed, with the sealed reason and the key it is sealed with, or raised as an alert. The first answer
 * stands; a second is refused by the document's id.
 */
@Component
public class PromptRecords {

    private final MongoCollection<Document> prompts;

    public PromptRecords(MongoDatabase db) {
        this.prompts = db.getCollection("milestone_prompts");
        prompts.createIndex(Indexes.ascending("childRef"));
    }

    /** Every prompt answered: its key to the alert raised, or to "" for a dismissal. */
    public Map<String, String> done() {
        return done(new Document());
    }

    /** The child's prompts answered, as {@link #done()}. */
    public Map<String, String> done(String childRef) {
        return done(Filters.eq("childRef", childRef));
    }

    private Map<String, String> done(Bson filter) {
        Map<String, String> done = new HashMap<>();
        prompts.find(filter).projection(new Document("_id", 1).append("alertId", 1))
                .forEach(d -> done.put(d.getString("_id"),
                        d.getString("alertId") == null ? "" : d.getString("alertId")));
        return done;
    }

    /** Records a dismissal; false if the prompt was answered already. */
    boolean dismissed(String childRef, String ruleId, String openedBy, String by, Instant at, String textKey,
                      String sealedReason) {
        return insert(base(childRef, ruleId, openedBy, at).append("dismissedBy", by).append("textKey", textKey)
                .append("reason", sealedReason));
    }

    /** Records the alert raised from the prompt; false if the prompt was answered already. */
    boolean raised(String childRef, String ruleId, String openedBy, String by, Instant at, String alertId) {
        return insert(base(childRef, ruleId, openedBy, at).append("raisedBy", by).append("alertId", alertId));
    }

    static String key(String ruleId, String openedBy) {
        return ruleId + "|" + openedBy;
    }

    private static Document base(String childRef, String ruleId, String openedBy, Instant at) {
        return new Document("_id", key(ruleId, openedBy)).append("childRef", childRef).append("ruleId", ruleId)
                .append("openedBy", openedBy).append("at", Date.from(at));
    }

    private boolean insert(Document d) {
        try {
            prompts.insertOne(d);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }
}
