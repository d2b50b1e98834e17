package org.practicealerts.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.RecordDeadlineReached;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatutoryTotalExceeded;

/**
 * The deadlines an alert runs against (the current stage's response deadline and reminder, the action review, the
 * statutory total) and which of them have already become facts, so a repeated trigger records nothing. Owned by
 * {@link PracticeAlert} as an aggregate member: it changes only from the alert's events. It also fences the
 * scheduler's triggers: only a deadline still current and really reached becomes a fact.
 */
final class DeadlineFacts {

    /** One deadline a calendar change moves. */
    record Move(DeadlineKind kind, Instant from, Instant to) {
    }

    private Instant raisedAt;
    private Instant statutoryDueAt;
    private Instant stageEnteredAt;
    private StageDeadlines current;
    private Instant leftStageDueAt;
    private LocalDate reviewDate;
    private Instant reviewDueAt;
    private final Set<Instant> remindersSent = new HashSet<>();
    private final Set<String> actionsOverdue = new HashSet<>();
    private Instant reviewNotifiedFor;
    private boolean statutoryExceeded;
    /** The response deadline a {@link DeadlineMissed} was recorded for: it is told once. */
    private Instant missedRecordedFor;

    Instant raisedAt() {
        return raisedAt;
    }

    Instant responseDueAt() {
        return current.responseDueAt();
    }

    /** The response deadline of the stage the alert last escalated from, or null. */
    Instant leftStageDueAt() {
        return leftStageDueAt;
    }

    Instant reminderAt() {
        return current.reminderAt();
    }

    Instant statutoryDueAt() {
        return statutoryDueAt;
    }

    LocalDate reviewDate() {
        return reviewDate;
    }

    Instant reviewDueAt() {
        return reviewDueAt;
    }

    /** Refuses a missed-deadline trigger unless it is for the current stage's response deadline, now passed. */
    void requireMissed(EscalateMissedDeadline cmd, Instant now, int stage, AlertStatus status) {
        if (status != AlertStatus.AWAITING_RESPONSE || cmd.expectedStage() != stage
                || !current.responseDueAt().equals(cmd.expectedDueAt())) {
            throw AlertRefused.illegal("stale deadline trigger: alert is at stage " + stage + " (" + status + ")");
        }
        if (now.isBefore(current.responseDueAt())) {
            throw AlertRefused.illegal("the response deadline " + current.responseDueAt() + " has not passed");
        }
        if (missedRecorded()) {
            throw AlertRefused.illegal("the missed deadline " + current.responseDueAt() + " is already recorded");
        }
    }

    /** Whether the current response deadline passed and was recorded as missed (the alert did not move up). */
    boolean missedRecorded() {
        return current.responseDueAt().equals(missedRecordedFor);
    }

    /**
     * The deadlines a request for further actions runs against: the stage's own, unmoved, so asking again and again
     * never defers the escalation. Once the stage's deadline has passed the responder has had their time, and the
     * request is refused: the raiser escalates, sets an action review or resolves instead. A reminder already past
     * is dropped.
     */
    StageDeadlines keptForFurtherActions(Instant now, int stage) {
        Instant due = current.responseDueAt();
        if (!now.isBefore(due)) {
            throw AlertRefused.illegal("the stage " + stage + " response deadline " + due + " has passed: further "
                    + "actions are asked for within the stage's timescale; escalate, set an action review or resolve");
        }
        Instant reminder = current.reminderAt() != null && current.reminderAt().isAfter(now) ? current.reminderAt() : null;
        return new StageDeadlines(due, reminder);
    }

    /**
     * Refuses a deadline trigger that is already recorded, early, or no longer current (the response came in, the
     * action is done, the alert moved on).
     */
    void requireReached(RecordDeadlineReached cmd, Instant now, int stage, AlertStatus status, AgreedActions actions) {
        if (alreadyRecorded(cmd)) {
            throw AlertRefused.illegal("deadline " + cmd.kind() + " at " + cmd.expectedDueAt() + " is already recorded");
        }
        if (now.isBefore(cmd.expectedDueAt())) {
            throw AlertRefused.illegal("the " + cmd.kind() + " deadline " + cmd.expectedDueAt() + " has not arrived");
        }
        Instant due = cmd.expectedDueAt();
        switch (cmd.kind()) {
            case REMINDER -> {
                if (status != AlertStatus.AWAITING_RESPONSE || cmd.expectedStage() != stage
                        || !due.equals(current.reminderAt())) {
                    throw AlertRefused.illegal("stale reminder trigger: alert is at stage " + stage + " (" + status + ")");
                }
            }
            case ACTION -> {
                if (!status.isOpen() || !actions.isOpenAndDueAt(cmd.actionId(), due)) {
                    throw AlertRefused.illegal("stale action trigger for " + cmd.actionId());
                }
            }
            case REVIEW -> {
                if (status != AlertStatus.ACTION_REVIEW || !due.equals(reviewDueAt)) {
                    throw AlertRefused.illegal("stale review trigger: alert is " + status);
                }
            }
            case STATUTORY_TOTAL -> {
                // Under action review the response was judged adequate and the agreed actions are being checked:
                // the concern is not unresolved, so the total is not breached and Cafcass is not prompted.
                if (!status.isOpen() || status == AlertStatus.ACTION_REVIEW || !due.equals(statutoryDueAt)) {
                    throw AlertRefused.illegal("stale statutory-total trigger: alert is " + status);
                }
            }
            case RESPONSE -> {
                // the alert refuses it: a missed response deadline is escalated, not recorded
            }
        }
    }

    private boolean alreadyRecorded(RecordDeadlineReached cmd) {
        return switch (cmd.kind()) {
            case REMINDER -> remindersSent.contains(cmd.expectedDueAt());
            case ACTION -> actionsOverdue.contains(cmd.actionId());
            case REVIEW -> cmd.expectedDueAt().equals(reviewNotifiedFor);
            case STATUTORY_TOTAL -> statutoryExceeded;
            case RESPONSE -> false;
        };
    }

    /**
     * What a calendar change moves: the stage's response deadline and reminder (counted again from when the alert
     * reached the stage, only while a response is awaited) and the statutory total (from when it was raised). A
     * deadline already passed at {@code now} stays where it was.
     */
    List<Move> replan(Instant now, boolean awaitingResponse, Function<Instant, StageDeadlines> stageFrom,
                      UnaryOperator<Instant> statutoryFrom) {
        List<Move> moves = new ArrayList<>();
        if (awaitingResponse && current.responseDueAt().isAfter(now)) {
            StageDeadlines fresh = stageFrom.apply(stageEnteredAt);
            if (!fresh.responseDueAt().equals(current.responseDueAt())) {
                moves.add(new Move(DeadlineKind.RESPONSE, current.responseDueAt(), fresh.responseDueAt()));
            }
            Instant reminder = current.reminderAt();
            if (reminder != null && reminder.isAfter(now) && fresh.reminderAt() != null
                    && !fresh.reminderAt().equals(reminder)) {
                moves.add(new Move(DeadlineKind.REMINDER, reminder, fresh.reminderAt()));
            }
        }
        if (statutoryDueAt != null && statutoryDueAt.isAfter(now)) {
            Instant fresh = statutoryFrom.apply(raisedAt);
            if (fresh != null && !fresh.equals(statutoryDueAt)) {
                moves.add(new Move(DeadlineKind.STATUTORY_TOTAL, statutoryDueAt, fresh));
            }
        }
        return moves;
    }

    // --- state changes: event sourcing handlers only move state ---

    @EventSourcingHandler
    void on(AlertRaised e) {
        raisedAt = e.occurredAt();
        statutoryDueAt = e.statutoryDueAt();
        stageStarted(e.occurredAt(), e.deadlines());
    }

    @EventSourcingHandler
    void on(StageEscalated e) {
        leftStageDueAt = current.responseDueAt();
        stageStarted(e.occurredAt(), e.deadlines());
    }

    @EventSourcingHandler
    void on(AlertReopened e) {
        stageStarted(e.occurredAt(), e.deadlines());
    }

    /**
     * Asking for further actions keeps the stage's deadline. An event stored before that rule carried a fresh
     * timescale from the request: the stage's clock restarted then, so a re-plan counts from there.
     */
    @EventSourcingHandler
    void on(FurtherActionsRequested e) {
        if (!e.deadlines().responseDueAt().equals(current.responseDueAt())) {
            stageEnteredAt = e.occurredAt();
        }
        current = e.deadlines();
    }

    @EventSourcingHandler
    void on(DeadlineRescheduled e) {
        switch (e.kind()) {
            case RESPONSE -> current = new StageDeadlines(e.next(), current.reminderAt());
            case REMINDER -> current = new StageDeadlines(current.responseDueAt(), e.next());
            case STATUTORY_TOTAL -> statutoryDueAt = e.next();
            default -> {
                // other kinds are not re-planned
            }
        }
    }

    @EventSourcingHandler
    void on(ActionReviewScheduled e) {
        reviewDate = e.reviewDate();
        reviewDueAt = e.reviewDueAt();
    }

    @EventSourcingHandler
    void on(ReminderDue e) {
        remindersSent.add(e.reminderAt());
    }

    @EventSourcingHandler
    void on(ActionOverdue e) {
        actionsOverdue.add(e.actionId());
    }

    @EventSourcingHandler
    void on(ReviewDue e) {
        reviewNotifiedFor = reviewDueAt;
    }

    @EventSourcingHandler
    void on(DeadlineMissed e) {
        missedRecordedFor = e.dueAt();
    }

    @EventSourcingHandler
    void on(StatutoryTotalExceeded e) {
        statutoryExceeded = true;
    }

    private void stageStarted(Instant at, StageDeadlines due) {
        stageEnteredAt = at;
        current = due;
    }
}
