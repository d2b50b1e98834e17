package org.practicealerts.notification.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatusChange;
import org.practicealerts.events.Urgency;

/**
 * What notifications need to know about each alert, kept from its events: reference, team, stage, responder, when
 * the response is due, status, the urgency it was raised with (told on every notice about it), and who was told
 * about it (for digests). In memory, written through to MongoDB
 * ({@code notification_alerts}) and loaded at start. Ids and instants only: nothing about the child.
 */
public class AlertProjection {

    /** Status as notifications word it (and as {@code notification_alerts} stores it). */
    public enum Status {
        OPEN, RESPONDED, ACTION_REVIEW, RESOLVED, WITHDRAWN;

        /** The wording of the status an event left the alert in. */
        static Status of(AlertStatus status) {
            return switch (status) {
                case AWAITING_RESPONSE -> OPEN;
                case AWAITING_JUDGEMENT -> RESPONDED;
                case ACTION_REVIEW -> ACTION_REVIEW;
                case RESOLVED -> RESOLVED;
                case WITHDRAWN -> WITHDRAWN;
            };
        }
    }

    /**
     * What the visibility rule asks of an alert: who raised it, whether it is a competence concern, and everyone
     * assigned to it at any stage (with whom a cover answered for).
     */
    public record Access(String raisedBy, boolean competenceConcern, Set<String> assigned, String socialWorkerId) {
        public Access {
            assigned = assigned == null ? Set.of() : Set.copyOf(assigned);
        }

        static final Access UNKNOWN = new Access(null, false, Set.of(), null);
    }

    /**
     * One alert's view; {@code involved} is everyone ever told about it (for digests). {@code urgency} is
     * {@link Urgency#ROUTINE} for an alert whose raise this service never saw (or stored before it kept urgency).
     */
    public record View(String alertId, String reference, String teamId, int stage, String responder,
                       Instant responseDueAt, Status status, Set<String> involved, Access access, Urgency urgency) {

        public View {
            access = access == null ? Access.UNKNOWN : access;
            urgency = urgency == null ? Urgency.ROUTINE : urgency;
        }

        public String referenceOrId() {
            return reference == null ? alertId : reference;
        }

        /** The alert's facts as {@link AlertVisibility} takes them. */
        public AlertVisibility.Alert visibility() {
            return new AlertVisibility.Alert(access.raisedBy(), teamId, access.assigned(), access.competenceConcern(),
                    access.socialWorkerId());
        }

        public boolean open() {
            return status == Status.OPEN || status == Status.RESPONDED || status == Status.ACTION_REVIEW;
        }
    }

    private final MongoCollection<Document> alerts;
    private final Map<String, View> views = new ConcurrentHashMap<>();

    public AlertProjection(MongoDatabase db) {
        this.alerts = db.getCollection("notification_alerts");
        alerts.find().forEach(d -> {
            View v = fromDoc(d);
            views.put(v.alertId(), v);
        });
    }

    public Optional<View> get(String alertId) {
        return Optional.ofNullable(views.get(alertId));
    }

    public List<View> all() {
        return new ArrayList<>(views.values());
    }

    /** Applies an event; returns the view after it. Applying the same event twice gives the same view. */
    public synchronized View apply(AlertEvent e, List<Recipient> recipients) {
        View cur = views.get(e.alertId());
        String ref = cur == null ? null : cur.reference();
        String team = cur == null ? null : cur.teamId();
        int stage = cur == null ? 0 : cur.stage();
        String responder = cur == null ? null : cur.responder();
        Instant due = cur == null ? null : cur.responseDueAt();
        Status status = cur == null ? Status.OPEN : cur.status();
        Set<String> involved = new LinkedHashSet<>(cur == null ? Set.of() : cur.involved());
        Access access = cur == null ? Access.UNKNOWN : cur.access();
        Urgency urgency = cur == null ? Urgency.ROUTINE : cur.urgency();
        Set<String> assigned = new LinkedHashSet<>(access.assigned());
        if (e instanceof StatusChange change) {
            status = Status.of(change.status());
        }
        if (e instanceof AlertRaised r) {
            ref = r.reference();
            team = r.teamId();
            stage = r.stage();
            responder = r.responder() == null ? null : r.responder().personId();
            due = r.deadlines() == null ? null : r.deadlines().responseDueAt();
            access = new Access(r.raisedBy(), r.competenceConcern(), Set.of(), r.socialWorkerId());
            urgency = r.urgency();
        } else if (e instanceof StageEscalated s) {
            stage = s.toStage();
            responder = s.responder() == null ? responder : s.responder().personId();
            due = s.deadlines() == null ? null : s.deadlines().responseDueAt();
        } else if (e instanceof FurtherActionsRequested f) {
            stage = f.stage();
            responder = f.responder() == null ? responder : f.responder().personId();
            due = f.deadlines() == null ? null : f.deadlines().responseDueAt();
        } else if (e instanceof ResponseRecorded r) {
            stage = Math.max(stage, r.stage()); // a late answer for the stage a missed deadline left stays there
            due = null;
        } else if (e instanceof ActionReviewScheduled a) {
            stage = a.stage();
            due = a.reviewDueAt();
        } else if (e instanceof AlertReopened r) {
            stage = r.toStage();
            responder = r.responder() == null ? responder : r.responder().personId();
            due = r.deadlines() == null ? null : r.deadlines().responseDueAt();
        } else if (e instanceof AlertResolved r) {
            stage = r.stage();
            due = null;
        } else if (e instanceof AlertWithdrawn w) {
            stage = w.stage();
            due = null;
        } else if (e instanceof AlertReassigned r) {
            stage = r.stage();
            responder = r.to() == null ? responder : r.to().personId();
        } else if (e instanceof DeadlineRescheduled d) {
            if (d.kind() == DeadlineKind.RESPONSE) {
                due = d.next();
            }
        }
        if (recipients != null) {
            recipients.forEach(rc -> involved.add(rc.personId()));
        }
        if (responder != null) {
            involved.add(responder);
        }
        assignedBy(e).ifPresent(a -> {
            assigned.add(a.personId());
            if (a.coverFor() != null) {
                assigned.add(a.coverFor());
            }
        });
        View next = new View(e.alertId(), ref, team, stage, responder, due, status, Set.copyOf(involved),
                new Access(access.raisedBy(), access.competenceConcern(), assigned, access.socialWorkerId()), urgency);
        if (!next.equals(cur)) {
            views.put(next.alertId(), next);
            alerts.replaceOne(Filters.eq("_id", next.alertId()), toDoc(next), new ReplaceOptions().upsert(true));
        }
        return next;
    }

    /** The person an event assigns the alert to, if it assigns it. */
    private static Optional<Assignment> assignedBy(AlertEvent e) {
        if (e instanceof AlertRaised r) {
            return Optional.ofNullable(r.responder());
        } else if (e instanceof StageEscalated s) {
            return Optional.ofNullable(s.responder());
        } else if (e instanceof FurtherActionsRequested f) {
            return Optional.ofNullable(f.responder());
        } else if (e instanceof AlertReopened r) {
            return Optional.ofNullable(r.responder());
        } else if (e instanceof AlertReassigned r) {
            return Optional.ofNullable(r.to());
        }
        return Optional.empty();
    }

    private static Document toDoc(View v) {
        return new Document("_id", v.alertId()).append("reference", v.reference()).append("teamId", v.teamId())
                .append("stage", v.stage()).append("responder", v.responder())
                .append("responseDueAt", v.responseDueAt() == null ? null : Date.from(v.responseDueAt()))
                .append("status", v.status().name()).append("involved", new ArrayList<>(v.involved()))
                .append("raisedBy", v.access().raisedBy()).append("competenceConcern", v.access().competenceConcern())
                .append("assigned", new ArrayList<>(v.access().assigned()))
                .append("socialWorkerId", v.access().socialWorkerId())
                .append("urgency", v.urgency().name());
    }

    private static View fromDoc(Document d) {
        Date due = d.getDate("responseDueAt");
        List<String> involved = d.getList("involved", String.class, List.of());
        return new View(d.getString("_id"), d.getString("reference"), d.getString("teamId"),
                d.getInteger("stage", 0), d.getString("responder"), due == null ? null : due.toInstant(),
                Status.valueOf(d.getString("status")), Set.copyOf(involved),
                new Access(d.getString("raisedBy"), d.getBoolean("competenceConcern", false),
                        Set.copyOf(d.getList("assigned", String.class, List.of())), d.getString("socialWorkerId")),
                d.getString("urgency") == null ? null : Urgency.valueOf(d.getString("urgency")));
    }
}
