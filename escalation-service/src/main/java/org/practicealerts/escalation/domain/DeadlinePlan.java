package org.practicealerts.escalation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.practicealerts.escalation.domain.DeadlineChange.Cancel;
import org.practicealerts.escalation.domain.DeadlineChange.CancelAction;
import org.practicealerts.escalation.domain.DeadlineChange.CancelAll;
import org.practicealerts.escalation.domain.DeadlineChange.Schedule;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertEventVisitor;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatusChange;
import org.practicealerts.events.StatutoryTotalExceeded;

/**
 * The schedule as a function of the alert's events: every instant comes from an event (the alert-service computed
 * it under the alert's policy), nothing is recomputed here. Applying the same event twice gives the same schedule.
 * One method per event type: a new event type does not compile until it says what it does to the schedule.
 */
public final class DeadlinePlan implements AlertEventVisitor<List<DeadlineChange>> {

    private static final Set<DeadlineKind> STAGE_KINDS = Set.of(DeadlineKind.RESPONSE, DeadlineKind.REMINDER);
    private static final DeadlinePlan PLAN = new DeadlinePlan();

    private DeadlinePlan() {
    }

    public static List<DeadlineChange> changesFor(AlertEvent event) {
        if (event instanceof StatusChange change && !change.status().isOpen()) {
            return List.of(new CancelAll(event.alertId())); // resolved or withdrawn, as the event says: nothing is due
        }
        return event.accept(PLAN);
    }

    @Override
    public List<DeadlineChange> visit(AlertRaised e) {
        List<DeadlineChange> out = stage(e.alertId(), e.stage(), e.deadlines());
        if (e.statutoryDueAt() != null) {
            out.add(new Schedule(new Deadline(e.alertId(), DeadlineKind.STATUTORY_TOTAL, e.stage(),
                    e.statutoryDueAt(), null)));
        }
        return out;
    }

    @Override
    public List<DeadlineChange> visit(ResponseRecorded e) {
        List<DeadlineChange> out = new ArrayList<>();
        out.add(new Cancel(e.alertId(), STAGE_KINDS));
        e.actions().forEach(a -> out.add(new Schedule(new Deadline(e.alertId(), DeadlineKind.ACTION, e.stage(),
                a.dueAt(), a.actionId()))));
        return out;
    }

    @Override
    public List<DeadlineChange> visit(FurtherActionsRequested e) {
        return stage(e.alertId(), e.stage(), e.deadlines());
    }

    @Override
    public List<DeadlineChange> visit(StageEscalated e) {
        return stage(e.alertId(), e.toStage(), e.deadlines());
    }

    @Override
    public List<DeadlineChange> visit(AlertReopened e) {
        List<DeadlineChange> out = new ArrayList<>();
        out.add(new Cancel(e.alertId(), Set.of(DeadlineKind.REVIEW)));
        out.addAll(stage(e.alertId(), e.toStage(), e.deadlines()));
        return out;
    }

    @Override
    public List<DeadlineChange> visit(ActionReviewScheduled e) {
        return List.of(new Cancel(e.alertId(), STAGE_KINDS),
                new Schedule(new Deadline(e.alertId(), DeadlineKind.REVIEW, e.stage(), e.reviewDueAt(), null)));
    }

    @Override
    public List<DeadlineChange> visit(AlertResolved e) {
        return List.of(new CancelAll(e.alertId()));
    }

    @Override
    public List<DeadlineChange> visit(AlertWithdrawn e) {
        return List.of(new CancelAll(e.alertId()));
    }

    @Override
    public List<DeadlineChange> visit(ActionCompleted e) {
        return List.of(new CancelAction(e.alertId(), e.actionId()));
    }

    @Override
    public List<DeadlineChange> visit(ActionOverdue e) {
        return List.of(new CancelAction(e.alertId(), e.actionId()));
    }

    @Override
    public List<DeadlineChange> visit(DeadlineRescheduled e) {
        return List.of(new Schedule(new Deadline(e.alertId(), e.kind(), e.stage(), e.next(), null)));
    }

    // Events that leave the schedule as it is.

    @Override
    public List<DeadlineChange> visit(AlertAcknowledged e) {
        return List.of();
    }

    @Override
    public List<DeadlineChange> visit(CafcassReferralRecorded e) {
        return List.of();
    }

    @Override
    public List<DeadlineChange> visit(PartnershipReferralRecorded e) {
        return List.of();
    }

    @Override
    public List<DeadlineChange> visit(AlertReassigned e) {
        return List.of();
    }

    @Override
    public List<DeadlineChange> visit(NoteAdded e) {
        return List.of();
    }

    @Override
    public List<DeadlineChange> visit(ReminderDue e) {
        return List.of();
    }

    @Override
    public List<DeadlineChange> visit(ReviewDue e) {
        return List.of();
    }

    @Override
    public List<DeadlineChange> visit(StatutoryTotalExceeded e) {
        return List.of();
    }

    /** The response deadline already fired; the alert waits at its stage, so nothing new is scheduled. */
    @Override
    public List<DeadlineChange> visit(DeadlineMissed e) {
        return List.of();
    }

    private static List<DeadlineChange> stage(String alertId, int stage, StageDeadlines d) {
        List<DeadlineChange> out = new ArrayList<>();
        out.add(new Schedule(new Deadline(alertId, DeadlineKind.RESPONSE, stage, d.responseDueAt(), null)));
        if (d.reminderAt() == null) {
            out.add(new Cancel(alertId, Set.of(DeadlineKind.REMINDER)));
        } else {
            out.add(new Schedule(new Deadline(alertId, DeadlineKind.REMINDER, stage, d.reminderAt(), null)));
        }
        return out;
    }
}
