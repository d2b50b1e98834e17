package org.practicealerts.reporting.domain;

import java.time.Instant;
import java.util.function.Consumer;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.AlertEventVisitor;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageRecord;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatutoryTotalExceeded;
import org.practicealerts.reporting.api.ChronologyEntry;

/**
 * What each event after the first does to its alert's record: one method per event type, so a new event type
 * does not compile until it is given a meaning here. {@link Projection} starts the record on {@link AlertRaised}.
 */
final class AlertRecordFold implements AlertEventVisitor<Void> {

    private final AlertRecord a;
    private final StringPool pool;
    private final TextStore texts;
    private final Consumer<Consumer<ProjectionListener>> tell;

    AlertRecordFold(AlertRecord a, StringPool pool, TextStore texts, Consumer<Consumer<ProjectionListener>> tell) {
        this.a = a;
        this.pool = pool;
        this.texts = texts;
        this.tell = tell;
    }

    /** Never reached: {@link Projection#apply} starts a record from a raise before any fold. */
    @Override
    public Void visit(AlertRaised r) {
        return null;
    }

    @Override
    public Void visit(ResponseRecorded r) {
        StageRound round = openRound(a, r.stage());
        if (round != null) {
            round.respondedAt = r.occurredAt();
            round.respondedBy = pool.canonical(r.respondedBy());
            round.onTime = r.onTime();
            if (r.responseDueAt() != null) {
                round.dueAt = r.responseDueAt();
            }
            tell.accept(l -> l.responded(a, round));
        }
        StageRecord done = r.record();
        if (done != null && done.contact() != null) {
            line(new ChronologyEntry(done.contact().madeAt(), "Contact made with "
                    + done.contact().withPersonId(), r.stage(), r.respondedBy(), null));
        }
        if (done != null && done.meeting() != null) {
            line(new ChronologyEntry(done.meeting().heldAt(), "Meeting held, chaired by "
                    + done.meeting().chairId() + "; attended by " + String.join(", ", done.meeting().attendeeIds()),
                    r.stage(), r.respondedBy(), null));
        }
        line(new ChronologyEntry(r.occurredAt(), (r.onTime() ? "Response (on time)" : "Response (late)")
                + (done != null && done.actionsDueBy() != null ? "; action plan due by " + done.actionsDueBy() : ""),
                r.stage(), r.respondedBy(), r.response()));
        return null;
    }

    @Override
    public Void visit(StageEscalated s) {
        leave(a, s.occurredAt(), s.reason() == null ? "ESCALATED" : s.reason().name());
        a.escalated(new AlertRecord.Escalation(s.occurredAt(), s.fromStage(), s.toStage(),
                s.reason() == null ? "ESCALATED" : s.reason().name()));
        enter(a, s.toStage(), s.occurredAt(), "ESCALATED", pool.assignment(s.responder()),
                s.deadlines() == null ? null : s.deadlines().responseDueAt());
        setStatus(a, s.occurredAt(), AlertStatus.of(s.status()));
        line(new ChronologyEntry(s.occurredAt(), "Escalated to stage " + s.toStage()
                + " (" + (s.reason() == null ? "" : s.reason().name()) + ")", s.fromStage(), s.escalatedBy(), s.note()));
        tell.accept(l -> l.escalated(a, s.toStage()));
        return null;
    }

    @Override
    public Void visit(FurtherActionsRequested f) {
        leave(a, f.occurredAt(), "FURTHER_ACTIONS");
        enter(a, f.stage(), f.occurredAt(), "FURTHER_ACTIONS", pool.assignment(f.responder()),
                f.deadlines() == null ? null : f.deadlines().responseDueAt());
        line(new ChronologyEntry(f.occurredAt(), "Further actions requested", f.stage(),
                f.requestedBy(), f.request()));
        return null;
    }

    @Override
    public Void visit(AlertResolved r) {
        leave(a, r.occurredAt(), "CLOSED");
        a.outcomeAt = r.outcome() == null ? -1 : texts.put(r.outcome());
        a.resolvedAfterReview = r.afterReview();
        a.closedAt = r.occurredAt();
        setStatus(a, r.occurredAt(), AlertStatus.of(r.status()));
        line(new ChronologyEntry(r.occurredAt(), r.afterReview() ? "Resolved after action review"
                : "Resolved", r.stage(), r.resolvedBy(), r.outcome()));
        tell.accept(l -> l.closed(a));
        return null;
    }

    @Override
    public Void visit(AlertWithdrawn w) {
        leave(a, w.occurredAt(), "CLOSED");
        a.outcomeAt = texts.put("Withdrawn: " + w.reason());
        a.closedAt = w.occurredAt();
        setStatus(a, w.occurredAt(), AlertStatus.of(w.status()));
        line(new ChronologyEntry(w.occurredAt(), "Withdrawn", w.stage(), w.withdrawnBy(), w.reason()));
        tell.accept(l -> l.closed(a));
        return null;
    }

    @Override
    public Void visit(ActionReviewScheduled r) {
        setStatus(a, r.occurredAt(), AlertStatus.of(r.status()));
        line(new ChronologyEntry(r.occurredAt(), "Action review set for " + r.reviewDate(),
                r.stage(), r.scheduledBy(), r.note()));
        return null;
    }

    @Override
    public Void visit(AlertReopened r) {
        leave(a, r.occurredAt(), "REOPENED");
        a.reopens++;
        a.closedAt = null;
        a.outcomeAt = -1;
        a.escalated(new AlertRecord.Escalation(r.occurredAt(), r.fromStage(), r.toStage(), "REOPENED"));
        enter(a, r.toStage(), r.occurredAt(), "REOPENED", pool.assignment(r.responder()),
                r.deadlines() == null ? null : r.deadlines().responseDueAt());
        setStatus(a, r.occurredAt(), AlertStatus.of(r.status()));
        line(new ChronologyEntry(r.occurredAt(), "Re-opened at stage " + r.toStage(), r.fromStage(),
                r.reopenedBy(), r.reason()));
        tell.accept(l -> l.escalated(a, r.toStage()));
        return null;
    }

    @Override
    public Void visit(CafcassReferralRecorded c) {
        a.cafcassReferredOn = c.referredOn();
        a.cafcassReferredAt = c.occurredAt();
        line(new ChronologyEntry(c.occurredAt(), "Referred to Cafcass", c.stage(), c.referredBy(), c.note()));
        return null;
    }

    @Override
    public Void visit(PartnershipReferralRecorded p) {
        a.partnershipReferredAt = p.occurredAt();
        line(new ChronologyEntry(p.occurredAt(), "Referred to the Safeguarding Children Partnership",
                p.stage(), p.referredBy(), p.note()));
        return null;
    }

    @Override
    public Void visit(AlertReassigned r) {
        StageRound round = openRound(a, r.stage());
        if (round != null && r.to() != null) {
            round.assign(pool.assignment(r.to()));
            a.assigned(pool.canonical(r.to().personId()));
        }
        line(new ChronologyEntry(r.occurredAt(), "Reassigned", r.stage(), r.reassignedBy(), r.reason()));
        return null;
    }

    @Override
    public Void visit(DeadlineRescheduled d) {
        if (d.kind() == DeadlineKind.RESPONSE) {
            StageRound round = openRound(a, d.stage());
            if (round != null) {
                round.dueAt = d.next();
            }
        } else if (d.kind() == DeadlineKind.STATUTORY_TOTAL) {
            a.statutoryDueAt = d.next();
        }
        line(new ChronologyEntry(d.occurredAt(), "Deadline moved (" + d.kind() + ")", d.stage(),
                null, d.reason()));
        return null;
    }

    @Override
    public Void visit(StatutoryTotalExceeded s) {
        if (a.statutoryExceededAt == null) {
            a.statutoryExceededAt = s.occurredAt();
        }
        line(new ChronologyEntry(s.occurredAt(), "Statutory total exceeded", s.stage(), null, null));
        return null;
    }

    @Override
    public Void visit(DeadlineMissed m) {
        StageRound round = a.currentRound();
        if (round != null && round.stage() == m.stage() && round.missed == null) {
            round.missed = m.outcome().name();
            round.missedAt = m.occurredAt();
        }
        line(new ChronologyEntry(m.occurredAt(),
                m.outcome() == DeadlineMissed.Outcome.LADDER_EXHAUSTED ? "Final deadline missed: ladder exhausted"
                        : "Deadline missed: for the raiser to progress", m.stage(), null, null));
        return null;
    }

    @Override
    public Void visit(AlertAcknowledged k) {
        line(new ChronologyEntry(k.occurredAt(), "Acknowledged", k.stage(), k.acknowledgedBy(), null));
        return null;
    }

    @Override
    public Void visit(ActionCompleted c) {
        line(new ChronologyEntry(c.occurredAt(), "Action completed", null, c.completedBy(), c.note()));
        return null;
    }

    @Override
    public Void visit(ActionOverdue o) {
        line(new ChronologyEntry(o.occurredAt(), "Action overdue", null, o.ownerId(), null));
        return null;
    }

    @Override
    public Void visit(ReviewDue r) {
        line(new ChronologyEntry(r.occurredAt(), "Action review due", r.stage(), null, null));
        return null;
    }

    @Override
    public Void visit(NoteAdded n) {
        line(new ChronologyEntry(n.occurredAt(), "Note", null, n.addedBy(), n.text()));
        return null;
    }

    @Override
    public Void visit(ReminderDue r) {
        line(new ChronologyEntry(r.occurredAt(), "Reminder sent", r.stage(), null, null));
        return null;
    }
    /** Adds a line to the alert's chronology. */
    private void line(ChronologyEntry entry) {
        a.chronicle(pool, texts, entry);
    }

    private static StageRound openRound(AlertRecord a, int stage) {
        // Per-alert order is kept, so the current round is the one the event speaks of.
        return a.currentRound();
    }

    private static void leave(AlertRecord a, Instant at, String how) {
        StageRound round = a.currentRound();
        if (round != null && round.respondedAt == null && round.leftAt == null) {
            round.leftAt = at;
            round.leftBy = how;
        }
    }

    private static void enter(AlertRecord a, int stage, Instant at, String entry, Assignment responder,
                              Instant dueAt) {
        a.entered(new StageRound(stage, at, entry, responder, dueAt));
        a.stage = stage;
        a.stageReached = Math.max(a.stageReached, stage);
    }

    private static void setStatus(AlertRecord a, Instant at, AlertStatus status) {
        if (a.status() != status) {
            a.statusChanged(at, status);
        }
    }
}
