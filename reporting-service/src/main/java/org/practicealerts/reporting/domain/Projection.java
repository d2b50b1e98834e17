package org.practicealerts.reporting.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.CommendationRecorded;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatutoryTotalExceeded;

/**
 * The alert events folded into one record per alert, plus commendations. Applying an event twice changes nothing
 * (de-duplicated on event id). Not thread-safe: {@code LiveProjection} guards it.
 */
public final class Projection {

    private final Map<String, AlertRecord> alerts = new HashMap<>();
    private final Map<String, List<AlertRecord>> byChild = new HashMap<>();
    private final List<Commendation> commendations = new ArrayList<>();
    /** Event ids seen; UUIDs are kept as UUID objects (half the memory of their strings). */
    private final Set<Object> seen = new HashSet<>();
    private ProjectionListener listener;
    private long applied;
    private long duplicates;
    private long orphans;
    private long listenerFailures;

    public Projection() {
        this(ProjectionListener.NONE);
    }

    public Projection(ProjectionListener listener) {
        this.listener = listener;
    }

    /** Applies one event; returns false for a duplicate (or an event of an alert never raised). */
    public boolean apply(PracticeEvent event) {
        if (!seen.add(idKey(event.eventId()))) {
            duplicates++;
            return false;
        }
        if (event instanceof CommendationRecorded) {
            CommendationRecorded c = (CommendationRecorded) event;
            commendations.add(new Commendation(c.commendationId(), c.occurredAt(), c.childRef(), c.planType(),
                    c.teamId(), c.recordedBy(), c.category()));
            applied++;
            return true;
        }
        AlertEvent e = (AlertEvent) event;
        if (e instanceof AlertRaised) {
            raise((AlertRaised) e);
            applied++;
            return true;
        }
        AlertRecord a = alerts.get(e.alertId());
        if (a == null) {
            // Per-alert order is kept on the topic, so this only happens if its start was deleted: count and skip.
            orphans++;
            return false;
        }
        fold(a, e);
        if (e.occurredAt() != null && (a.lastEventAt == null || e.occurredAt().isAfter(a.lastEventAt))) {
            a.lastEventAt = e.occurredAt();
        }
        applied++;
        return true;
    }

    private static Object idKey(String eventId) {
        if (eventId != null && eventId.length() == 36) {
            try {
                return UUID.fromString(eventId);
            } catch (IllegalArgumentException notUuid) {
                return eventId;
            }
        }
        return eventId;
    }

    private void raise(AlertRaised r) {
        AlertRecord a = new AlertRecord(r.alertId());
        a.reference = r.reference();
        a.childRef = r.childRef();
        a.planType = r.planType();
        a.teamId = r.teamId();
        a.raisedBy = r.raisedBy();
        a.raiserRole = r.raiserRole();
        a.primaryCategory = r.primaryCategory();
        a.categories = r.categories() == null || r.categories().isEmpty()
                ? (r.primaryCategory() == null ? List.of() : List.of(r.primaryCategory()))
                : List.copyOf(r.categories());
        a.urgency = r.urgency();
        a.competenceConcern = r.competenceConcern();
        a.externalAgency = r.externalAgency();
        a.informalFirst = r.informalResolution() != null;
        a.raisedAt = r.occurredAt();
        a.lastEventAt = r.occurredAt();
        a.entryStage = r.stage();
        a.enteredByBypass = r.stage() > 1 && r.bypassReason() != null;
        a.stage = r.stage();
        a.stageReached = r.stage();
        a.statutoryDueAt = r.statutoryDueAt();
        a.statusHistory.add(new AlertRecord.StatusChange(r.occurredAt(), AlertStatus.OPEN));
        a.rounds.add(new StageRound(r.stage(), r.occurredAt(), "RAISED", personOf(r.responder()),
                roleOf(r.responder()), r.deadlines() == null ? null : r.deadlines().responseDueAt()));
        a.chronology.add(new ChronologyEntry(r.occurredAt(), "Raised", r.stage(), r.raisedBy(),
                r.bypassReason() == null ? null : "Bypass: " + r.bypassReason()));
        alerts.put(a.alertId, a);
        if (a.childRef != null) {
            byChild.computeIfAbsent(a.childRef, k -> new ArrayList<>(1)).add(a);
        }
        tell(l -> l.raised(a));
    }

    private void fold(AlertRecord a, AlertEvent e) {
        if (e instanceof ResponseRecorded) {
            ResponseRecorded r = (ResponseRecorded) e;
            StageRound round = openRound(a, r.stage());
            if (round != null) {
                round.respondedAt = r.occurredAt();
                round.respondedBy = r.respondedBy();
                round.onTime = r.onTime();
                if (r.responseDueAt() != null) {
                    round.dueAt = r.responseDueAt();
                }
                tell(l -> l.responded(a, round));
            }
            a.chronology.add(new ChronologyEntry(r.occurredAt(), r.onTime() ? "Response (on time)" : "Response (late)",
                    r.stage(), r.respondedBy(), r.response()));
        } else if (e instanceof StageEscalated) {
            StageEscalated s = (StageEscalated) e;
            leave(a, s.occurredAt(), s.reason() == null ? "ESCALATED" : s.reason().name());
            a.escalations.add(new AlertRecord.Escalation(s.occurredAt(), s.fromStage(), s.toStage(),
                    s.reason() == null ? "ESCALATED" : s.reason().name()));
            enter(a, s.toStage(), s.occurredAt(), "ESCALATED", s.responder(),
                    s.deadlines() == null ? null : s.deadlines().responseDueAt());
            setStatus(a, s.occurredAt(), AlertStatus.OPEN);
            a.chronology.add(new ChronologyEntry(s.occurredAt(), "Escalated to stage " + s.toStage()
                    + " (" + (s.reason() == null ? "" : s.reason().name()) + ")", s.fromStage(), s.escalatedBy(), s.note()));
            tell(l -> l.escalated(a, s.toStage()));
        } else if (e instanceof FurtherActionsRequested) {
            FurtherActionsRequested f = (FurtherActionsRequested) e;
            leave(a, f.occurredAt(), "FURTHER_ACTIONS");
            enter(a, f.stage(), f.occurredAt(), "FURTHER_ACTIONS", f.responder(),
                    f.deadlines() == null ? null : f.deadlines().responseDueAt());
            a.chronology.add(new ChronologyEntry(f.occurredAt(), "Further actions requested", f.stage(),
                    f.requestedBy(), f.request()));
        } else if (e instanceof AlertResolved) {
            AlertResolved r = (AlertResolved) e;
            leave(a, r.occurredAt(), "CLOSED");
            a.outcome = r.outcome();
            a.resolvedAfterReview = r.afterReview();
            a.closedAt = r.occurredAt();
            setStatus(a, r.occurredAt(), AlertStatus.RESOLVED);
            a.chronology.add(new ChronologyEntry(r.occurredAt(), r.afterReview() ? "Resolved after action review"
                    : "Resolved", r.stage(), r.resolvedBy(), r.outcome()));
            tell(l -> l.closed(a));
        } else if (e instanceof AlertWithdrawn) {
            AlertWithdrawn w = (AlertWithdrawn) e;
            leave(a, w.occurredAt(), "CLOSED");
            a.outcome = "Withdrawn: " + w.reason();
            a.closedAt = w.occurredAt();
            setStatus(a, w.occurredAt(), AlertStatus.WITHDRAWN);
            a.chronology.add(new ChronologyEntry(w.occurredAt(), "Withdrawn", w.stage(), w.withdrawnBy(), w.reason()));
            tell(l -> l.closed(a));
        } else if (e instanceof ActionReviewScheduled) {
            ActionReviewScheduled r = (ActionReviewScheduled) e;
            setStatus(a, r.occurredAt(), AlertStatus.ACTION_REVIEW);
            a.chronology.add(new ChronologyEntry(r.occurredAt(), "Action review set for " + r.reviewDate(),
                    r.stage(), r.scheduledBy(), r.note()));
        } else if (e instanceof AlertReopened) {
            AlertReopened r = (AlertReopened) e;
            leave(a, r.occurredAt(), "REOPENED");
            a.reopens++;
            a.closedAt = null;
            a.outcome = null;
            a.escalations.add(new AlertRecord.Escalation(r.occurredAt(), r.fromStage(), r.toStage(), "REOPENED"));
            enter(a, r.toStage(), r.occurredAt(), "REOPENED", r.responder(),
                    r.deadlines() == null ? null : r.deadlines().responseDueAt());
            setStatus(a, r.occurredAt(), AlertStatus.OPEN);
            a.chronology.add(new ChronologyEntry(r.occurredAt(), "Re-opened at stage " + r.toStage(), r.fromStage(),
                    r.reopenedBy(), r.reason()));
            tell(l -> l.escalated(a, r.toStage()));
        } else if (e instanceof CafcassReferralRecorded) {
            CafcassReferralRecorded c = (CafcassReferralRecorded) e;
            a.cafcassReferredOn = c.referredOn();
            a.cafcassReferredAt = c.occurredAt();
            a.chronology.add(new ChronologyEntry(c.occurredAt(), "Referred to Cafcass", c.stage(), c.referredBy(), c.note()));
        } else if (e instanceof PartnershipReferralRecorded) {
            PartnershipReferralRecorded p = (PartnershipReferralRecorded) e;
            a.partnershipReferredAt = p.occurredAt();
            a.chronology.add(new ChronologyEntry(p.occurredAt(), "Referred to the Safeguarding Children Partnership",
                    p.stage(), p.referredBy(), p.note()));
        } else if (e instanceof AlertReassigned) {
            AlertReassigned r = (AlertReassigned) e;
            StageRound round = openRound(a, r.stage());
            if (round != null && r.to() != null) {
                round.responderId = r.to().personId();
                round.responderRole = r.to().role();
            }
            a.chronology.add(new ChronologyEntry(r.occurredAt(), "Reassigned", r.stage(), r.reassignedBy(), r.reason()));
        } else if (e instanceof DeadlineRescheduled) {
            DeadlineRescheduled d = (DeadlineRescheduled) e;
            if (d.kind() == DeadlineKind.RESPONSE) {
                StageRound round = openRound(a, d.stage());
                if (round != null) {
                    round.dueAt = d.next();
                }
            } else if (d.kind() == DeadlineKind.STATUTORY_TOTAL) {
                a.statutoryDueAt = d.next();
            }
            a.chronology.add(new ChronologyEntry(d.occurredAt(), "Deadline moved (" + d.kind() + ")", d.stage(),
                    null, d.reason()));
        } else if (e instanceof StatutoryTotalExceeded) {
            StatutoryTotalExceeded s = (StatutoryTotalExceeded) e;
            if (a.statutoryExceededAt == null) {
                a.statutoryExceededAt = s.occurredAt();
            }
            a.chronology.add(new ChronologyEntry(s.occurredAt(), "Statutory total exceeded", s.stage(), null, null));
        } else if (e instanceof AlertAcknowledged) {
            AlertAcknowledged k = (AlertAcknowledged) e;
            a.chronology.add(new ChronologyEntry(k.occurredAt(), "Acknowledged", k.stage(), k.acknowledgedBy(), null));
        } else if (e instanceof ActionCompleted) {
            ActionCompleted c = (ActionCompleted) e;
            a.chronology.add(new ChronologyEntry(c.occurredAt(), "Action completed", null, c.completedBy(), c.note()));
        } else if (e instanceof ActionOverdue) {
            ActionOverdue o = (ActionOverdue) e;
            a.chronology.add(new ChronologyEntry(o.occurredAt(), "Action overdue", null, o.ownerId(), null));
        } else if (e instanceof ReviewDue) {
            ReviewDue r = (ReviewDue) e;
            a.chronology.add(new ChronologyEntry(r.occurredAt(), "Action review due", r.stage(), null, null));
        } else if (e instanceof NoteAdded) {
            NoteAdded n = (NoteAdded) e;
            a.chronology.add(new ChronologyEntry(n.occurredAt(), "Note", null, n.addedBy(), n.text()));
        } else if (e instanceof ReminderDue) {
            ReminderDue r = (ReminderDue) e;
            a.chronology.add(new ChronologyEntry(r.occurredAt(), "Reminder sent", r.stage(), null, null));
        }
    }

    private static StageRound openRound(AlertRecord a, int stage) {
        // Per-alert order is kept, so the current round is the one the event speaks of.
        return a.currentRound();
    }

    private static void leave(AlertRecord a, java.time.Instant at, String how) {
        StageRound round = a.currentRound();
        if (round != null && round.respondedAt == null && round.leftAt == null) {
            round.leftAt = at;
            round.leftBy = how;
        }
    }

    private static void enter(AlertRecord a, int stage, java.time.Instant at, String entry,
                              org.practicealerts.events.Assignment responder, java.time.Instant dueAt) {
        a.rounds.add(new StageRound(stage, at, entry, personOf(responder), roleOf(responder), dueAt));
        a.stage = stage;
        a.stageReached = Math.max(a.stageReached, stage);
    }

    private static void setStatus(AlertRecord a, java.time.Instant at, AlertStatus status) {
        if (a.status() != status) {
            a.statusHistory.add(new AlertRecord.StatusChange(at, status));
        }
    }

    private static String personOf(org.practicealerts.events.Assignment x) {
        return x == null ? null : x.personId();
    }

    private static String roleOf(org.practicealerts.events.Assignment x) {
        return x == null ? null : x.role();
    }

    /** Who is told of applied events from now on (metrics count live events, never a rebuild's replay). */
    public void listenTo(ProjectionListener listener) {
        this.listener = listener == null ? ProjectionListener.NONE : listener;
    }

    /** A listener's failure (a metric) must never stop the projection: it is swallowed and counted. */
    private void tell(java.util.function.Consumer<ProjectionListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            listenerFailures++;
        }
    }

    public long listenerFailures() {
        return listenerFailures;
    }

    public ProjectionListener listener() {
        return listener;
    }

    public AlertRecord alert(String alertId) {
        return alerts.get(alertId);
    }

    public Collection<AlertRecord> alerts() {
        return Collections.unmodifiableCollection(alerts.values());
    }

    public List<AlertRecord> alertsAboutChild(String childRef) {
        return Collections.unmodifiableList(byChild.getOrDefault(childRef, List.of()));
    }

    public List<Commendation> commendations() {
        return Collections.unmodifiableList(commendations);
    }

    public long applied() {
        return applied;
    }

    public long duplicates() {
        return duplicates;
    }

    public long orphans() {
        return orphans;
    }
}
