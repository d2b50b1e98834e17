package org.practicealerts.alert.query;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.springframework.stereotype.Component;

/**
 * One document per alert for lists and filters ({@code alert_views}). Idempotent: each update applies only if the
 * event's sequence number is newer than the last applied, so a replay or a redelivery changes nothing. Holds no
 * free text: detail comes from the event store.
 */
@Component
@ProcessingGroup(AlertListProjection.PROCESSING_GROUP)
public class AlertListProjection {

    public static final String PROCESSING_GROUP = "alert-views";
    public static final String COLLECTION = "alert_views";

    private final MongoCollection<Document> views;

    public AlertListProjection(MongoDatabase db) {
        this.views = db.getCollection(COLLECTION);
        views.createIndex(Indexes.ascending("childRef"));
        views.createIndex(Indexes.ascending("involved"));
        views.createIndex(Indexes.ascending("teamId", "status"));
        // Every list sorts newest first (AlertQueries): the sort reads this index instead of sorting in memory.
        views.createIndex(Indexes.descending("raisedAt", "_id"));
    }

    @EventHandler
    void on(AlertRaised e, @SequenceNumber long seq) {
        Document doc = new Document("_id", e.alertId()).append("seq", seq).append("reference", e.reference())
                .append("childRef", e.childRef()).append("planType", e.planType().name())
                .append("teamId", e.teamId()).append("raisedBy", e.raisedBy()).append("raiserRole", e.raiserRole())
                .append("primaryCategory", e.primaryCategory()).append("categories", e.categories())
                .append("urgency", e.urgency().name()).append("competenceConcern", e.competenceConcern())
                .append("raisedAt", Date.from(e.occurredAt())).append("updatedAt", Date.from(e.occurredAt()))
                .append("bypassed", e.bypassReason() != null)
                .append("involved", new ArrayList<>(involved(e.raisedBy(), e.responder(), e.socialWorkerId())));
        stageFields(doc, e.stage(), e.status(), e.responder(), e.deadlines());
        try {
            views.insertOne(doc);
        } catch (MongoWriteException ex) {
            if (ex.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw ex;
            }
            // already projected: a redelivery changes nothing
        }
    }

    @EventHandler
    void on(ResponseRecorded e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.combine(
                Updates.set("status", e.status().name()),
                Updates.unset("responseDueAt"), Updates.addToSet("involved", e.respondedBy())));
    }

    @EventHandler
    void on(FurtherActionsRequested e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.combine(
                Updates.set("status", e.status().name()),
                Updates.set("responseDueAt", Date.from(e.deadlines().responseDueAt()))));
    }

    @EventHandler
    void on(StageEscalated e, @SequenceNumber long seq) {
        enter(e.alertId(), seq, e.occurredAt(), e.toStage(), e.status(), e.responder(), e.deadlines());
    }

    @EventHandler
    void on(AlertReopened e, @SequenceNumber long seq) {
        enter(e.alertId(), seq, e.occurredAt(), e.toStage(), e.status(), e.responder(), e.deadlines());
    }

    @EventHandler
    void on(ActionReviewScheduled e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.combine(
                Updates.set("status", e.status().name()),
                Updates.set("reviewDate", e.reviewDate().toString())));
    }

    @EventHandler
    void on(AlertResolved e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.combine(
                Updates.set("status", e.status().name()), Updates.unset("responseDueAt")));
    }

    @EventHandler
    void on(AlertWithdrawn e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.combine(
                Updates.set("status", e.status().name()), Updates.unset("responseDueAt")));
    }

    @EventHandler
    void on(AlertReassigned e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.combine(
                Updates.set("responderId", e.to().personId()), Updates.set("coverFor", e.to().coverFor()),
                Updates.addToSet("involved", e.to().personId())));
    }

    @EventHandler
    void on(CafcassReferralRecorded e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.set("cafcassReferredOn", e.referredOn().toString()));
    }

    @EventHandler
    void on(PartnershipReferralRecorded e, @SequenceNumber long seq) {
        update(e.alertId(), seq, e.occurredAt(), Updates.set("partnershipReferral", true));
    }

    @EventHandler
    void on(DeadlineRescheduled e, @SequenceNumber long seq) {
        if (e.kind() == DeadlineKind.RESPONSE) {
            update(e.alertId(), seq, e.occurredAt(), Updates.set("responseDueAt", Date.from(e.next())));
        }
    }

    @ResetHandler
    void reset() {
        views.deleteMany(new Document());
    }

    private void enter(String alertId, long seq, java.time.Instant at, int stage, AlertStatus status,
                       Assignment responder, StageDeadlines deadlines) {
        Document fields = new Document();
        stageFields(fields, stage, status, responder, deadlines);
        update(alertId, seq, at, Updates.combine(new Document("$set", fields),
                Updates.addEachToSet("involved", new ArrayList<>(involved(null, responder, null)))));
    }

    /** The people an alert involves, as the visibility rule counts them: the raiser, the responder, whom they cover. */
    /** Whose alert this is for lists: the raiser, the responder (and whom they cover for), the social worker. */
    private static Set<String> involved(String raisedBy, Assignment responder, String socialWorkerId) {
        Set<String> out = new LinkedHashSet<>();
        if (raisedBy != null) {
            out.add(raisedBy);
        }
        if (socialWorkerId != null) {
            out.add(socialWorkerId);
        }
        out.add(responder.personId());
        if (responder.coverFor() != null) {
            out.add(responder.coverFor());
        }
        return out;
    }

    private static void stageFields(Document doc, int stage, AlertStatus status, Assignment responder,
                                    StageDeadlines deadlines) {
        doc.append("stage", stage).append("status", status.name())
                .append("responderId", responder.personId()).append("responderRole", responder.role())
                .append("coverFor", responder.coverFor())
                .append("responseDueAt", Date.from(deadlines.responseDueAt()));
    }

    private void update(String alertId, long seq, java.time.Instant at, Bson change) {
        views.updateOne(Filters.and(Filters.eq("_id", alertId), Filters.lt("seq", seq)),
                Updates.combine(change, Updates.set("seq", seq), Updates.set("updatedAt", Date.from(at))));
    }
}
