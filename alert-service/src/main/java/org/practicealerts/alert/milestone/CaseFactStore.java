package org.practicealerts.alert.milestone;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.practicealerts.milestones.CaseFact;
import org.practicealerts.milestones.ConferenceType;
import org.practicealerts.milestones.FactKind;
import org.springframework.stereotype.Component;

/**
 * The case system's facts, one document per record of the case system (its record id is the document's id), with
 * the child's team. A record sent again with the same content changes nothing; sent again with different content it
 * is refused, so one record id never means two things.
 */
@Component
public class CaseFactStore {

    /** What became of a fact sent in. */
    public enum Outcome { RECORDED, ALREADY_RECORDED, CONFLICTS }

    /** A fact with the team whose child it is. */
    public record Stored(CaseFact fact, String teamId) {
    }

    private final MongoCollection<Document> facts;

    public CaseFactStore(MongoDatabase db) {
        this.facts = db.getCollection("case_facts");
        facts.createIndex(Indexes.ascending("childRef"));
    }

    public Outcome put(Stored s, String receivedBy, Instant receivedAt) {
        Document doc = toDocument(s).append("receivedBy", receivedBy).append("receivedAt", Date.from(receivedAt));
        try {
            facts.insertOne(doc);
            return Outcome.RECORDED;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            Document existing = facts.find(Filters.eq("_id", s.fact().recordId())).first();
            return existing != null && fromDocument(existing).equals(s) ? Outcome.ALREADY_RECORDED : Outcome.CONFLICTS;
        }
    }

    /** Whether the fact's record id was sent before with other content. */
    public boolean conflicts(Stored s) {
        Document existing = facts.find(Filters.eq("_id", s.fact().recordId())).first();
        return existing != null && !fromDocument(existing).equals(s);
    }

    public List<Stored> ofChild(String childRef) {
        List<Stored> out = new ArrayList<>();
        facts.find(Filters.eq("childRef", childRef)).forEach(d -> out.add(fromDocument(d)));
        return out;
    }

    /** Every child's facts, by child. */
    public Map<String, List<Stored>> byChild() {
        Map<String, List<Stored>> out = new LinkedHashMap<>();
        facts.find().forEach(d -> {
            Stored s = fromDocument(d);
            out.computeIfAbsent(s.fact().childRef(), k -> new ArrayList<>()).add(s);
        });
        return out;
    }

    private static Document toDocument(Stored s) {
        CaseFact f = s.fact();
        Document d = new Document("_id", f.recordId()).append("childRef", f.childRef()).append("teamId", s.teamId())
                .append("kind", f.kind().name()).append("at", Date.from(f.at()));
        if (f.conference() != null) {
            d.append("conference", f.conference().name());
        }
        if (f.conferenceAt() != null) {
            d.append("conferenceAt", Date.from(f.conferenceAt()));
        }
        if (f.planMade() != null) {
            d.append("planMade", f.planMade());
        }
        if (f.childSeen() != null) {
            d.append("childSeen", f.childSeen());
        }
        return d;
    }

    private static Stored fromDocument(Document d) {
        Date conferenceAt = d.getDate("conferenceAt");
        String conference = d.getString("conference");
        CaseFact f = new CaseFact(d.getString("_id"), d.getString("childRef"), FactKind.valueOf(d.getString("kind")),
                d.getDate("at").toInstant(), conference == null ? null : ConferenceType.valueOf(conference),
                conferenceAt == null ? null : conferenceAt.toInstant(), d.getBoolean("planMade"),
                d.getBoolean("childSeen"));
        return new Stored(f, Objects.requireNonNull(d.getString("teamId"), "teamId"));
    }
}
