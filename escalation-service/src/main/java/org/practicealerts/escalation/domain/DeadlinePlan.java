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
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatusChange;

/**
 * The schedule as a function of the alert's events: every instant comes from an event (the alert-service computed
 * it under the alert's policy), nothing is recomputed here. Applying the same event twice gives the same schedule.
 */
public final class DeadlinePlan {

    private static final Set<DeadlineKind> STAGE_KINDS = Set.of(DeadlineKind.RESPONSE, DeadlineKind.REMINDER);

    private DeadlinePlan() {
    }

    public static List<DeadlineChange> changesFor(AlertEvent event) {
        List<DeadlineChange> out = new ArrayList<>();
        if (event instanceof StatusChange change && !change.status().isOpen()) {
            out.add(new CancelAll(event.alertId())); // resolved or withdrawn: nothing is due any more
        } else if (event instanceof AlertRaised e) {
            stage(out, e.alertId(), e.stage(), e.deadlines());
            if (e.statutoryDueAt() != null) {
                out.add(new Schedule(new Deadline(e.alertId(), DeadlineKind.STATUTORY_TOTAL, e.stage(),
                        e.statutoryDueAt(), null)));
            }
        } else if (event instanceof ResponseRecorded e) {
            out.add(new Cancel(e.alertId(), STAGE_KINDS));
            e.actions().forEach(a -> out.add(new Schedule(new Deadline(e.alertId(), DeadlineKind.ACTION, e.stage(),
                    a.dueAt(), a.actionId()))));
        } else if (event instanceof FurtherActionsRequested e) {
            stage(out, e.alertId(), e.stage(), e.deadlines());
        } else if (event instanceof StageEscalated e) {
            stage(out, e.alertId(), e.toStage(), e.deadlines());
        } else if (event instanceof AlertReopened e) {
            out.add(new Cancel(e.alertId(), Set.of(DeadlineKind.REVIEW)));
            stage(out, e.alertId(), e.toStage(), e.deadlines());
        } else if (event instanceof ActionReviewScheduled e) {
            out.add(new Cancel(e.alertId(), STAGE_KINDS));
            out.add(new Schedule(new Deadline(e.alertId(), DeadlineKind.REVIEW, e.stage(), e.reviewDueAt(), null)));
        } else if (event instanceof ActionCompleted e) {
            out.add(new CancelAction(e.alertId(), e.actionId()));
        } else if (event instanceof ActionOverdue e) {
            out.add(new CancelAction(e.alertId(), e.actionId()));
        } else if (event instanceof DeadlineRescheduled e) {
            out.add(new Schedule(new Deadline(e.alertId(), e.kind(), e.stage(), e.next(), null)));
        }
        return out;
    }

    private static void stage(List<DeadlineChange> out, String alertId, int stage, StageDeadlines d) {
        out.add(new Schedule(new Deadline(alertId, DeadlineKind.RESPONSE, stage, d.responseDueAt(), null)));
        if (d.reminderAt() == null) {
            out.add(new Cancel(alertId, Set.of(DeadlineKind.REMINDER)));
        } else {
            out.add(new Schedule(new Deadline(alertId, DeadlineKind.REMINDER, stage, d.reminderAt(), null)));
        }
    }
}
