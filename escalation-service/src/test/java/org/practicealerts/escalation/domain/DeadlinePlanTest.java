package org.practicealerts.escalation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicealerts.escalation.domain.DeadlineChange.Cancel;
import org.practicealerts.escalation.domain.DeadlineChange.CancelAction;
import org.practicealerts.escalation.domain.DeadlineChange.CancelAll;
import org.practicealerts.escalation.domain.DeadlineChange.Schedule;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AgreedAction;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.Urgency;

class DeadlinePlanTest {

    static final String A = "alert-1";
    static final Instant T0 = Instant.parse("2026-01-05T09:30:00Z");
    static final Instant DUE = Instant.parse("2026-01-12T17:00:00Z");
    static final Instant REMIND = Instant.parse("2026-01-09T17:00:00Z");
    static final Instant STATUTORY = Instant.parse("2026-02-02T17:00:00Z");
    static final Assignment TM = new Assignment("tm", "TEAM_MANAGER", null);

    static AlertRaised raised(Instant statutory, Instant reminder) {
        return new AlertRaised("e1", A, T0, 1, "PA-1", new PolicyRef("p", 1), "C1", List.of(),
                PlanType.CHILD_WE_CARE_FOR, "team", "iro", "IRO", "X", List.of(), "s", "i", "v", List.of(),
                Urgency.ROUTINE, false, null, null, 1, null, TM, new StageDeadlines(DUE, reminder), statutory,
                List.of(), AlertStatus.AWAITING_RESPONSE);
    }

    @Test
    void aRaisedAlertSchedulesItsResponseReminderAndStatutoryTotal() {
        assertThat(DeadlinePlan.changesFor(raised(STATUTORY, REMIND))).containsExactly(
                new Schedule(new Deadline(A, DeadlineKind.RESPONSE, 1, DUE, null)),
                new Schedule(new Deadline(A, DeadlineKind.REMINDER, 1, REMIND, null)),
                new Schedule(new Deadline(A, DeadlineKind.STATUTORY_TOTAL, 1, STATUTORY, null)));
    }

    @Test
    void aStageWithoutAReminderCancelsAnyEarlierReminder() {
        assertThat(DeadlinePlan.changesFor(raised(null, null))).containsExactly(
                new Schedule(new Deadline(A, DeadlineKind.RESPONSE, 1, DUE, null)),
                new Cancel(A, Set.of(DeadlineKind.REMINDER)));
    }

    @Test
    void aResponseStopsTheStageClockAndSchedulesEachAgreedAction() {
        Instant actionDue = Instant.parse("2026-01-09T17:00:00Z");
        ResponseRecorded r = new ResponseRecorded("e2", A, T0, 1, 1, "tm", null, "ok",
                List.of(new AgreedAction("a1", "visit", "sw", LocalDate.of(2026, 1, 9), actionDue)), DUE, true,
                List.of(), AlertStatus.AWAITING_JUDGEMENT, null);
        assertThat(DeadlinePlan.changesFor(r)).containsExactly(
                new Cancel(A, Set.of(DeadlineKind.RESPONSE, DeadlineKind.REMINDER)),
                new Schedule(new Deadline(A, DeadlineKind.ACTION, 1, actionDue, "a1")));
    }

    @Test
    void anEscalationReplacesTheStageDeadlinesWithTheNewStages() {
        Instant due2 = Instant.parse("2026-01-19T17:00:00Z");
        StageEscalated e = new StageEscalated("e3", A, DUE, 1, 1, 2, EscalationReason.DEADLINE_MISSED, "system",
                null, TM, new StageDeadlines(due2, null), List.of(), AlertStatus.AWAITING_RESPONSE);
        assertThat(DeadlinePlan.changesFor(e)).containsExactly(
                new Schedule(new Deadline(A, DeadlineKind.RESPONSE, 2, due2, null)),
                new Cancel(A, Set.of(DeadlineKind.REMINDER)));
    }

    @Test
    void anActionReviewSchedulesTheReviewDate() {
        Instant review = Instant.parse("2026-02-02T17:00:00Z");
        assertThat(DeadlinePlan.changesFor(new ActionReviewScheduled("e4", A, T0, 1, 1, "iro",
                LocalDate.of(2026, 2, 2), review, null, AlertStatus.ACTION_REVIEW))).containsExactly(
                new Cancel(A, Set.of(DeadlineKind.RESPONSE, DeadlineKind.REMINDER)),
                new Schedule(new Deadline(A, DeadlineKind.REVIEW, 1, review, null)));
    }

    @Test
    void withdrawingDropsEveryDeadline() {
        assertThat(DeadlinePlan.changesFor(new AlertWithdrawn("e6", A, T0, 1, 1, "iro", "wrong child", List.of(),
                AlertStatus.WITHDRAWN)))
                .containsExactly(new CancelAll(A));
    }

    @Test
    void resolvingDropsEveryDeadline() {
        assertThat(DeadlinePlan.changesFor(new AlertResolved("e5", A, T0, 1, 1, "iro", "done", false, List.of(),
                AlertStatus.RESOLVED)))
                .containsExactly(new CancelAll(A));
    }

    @Test
    void aCompletedActionIsNoLongerWatched() {
        assertThat(DeadlinePlan.changesFor(new ActionCompleted("e6", A, T0, 1, "a1", "sw", LocalDate.of(2026, 1, 8),
                null))).containsExactly(new CancelAction(A, "a1"));
    }

    @Test
    void aRescheduledDeadlineMoves() {
        Instant later = Instant.parse("2026-01-13T17:00:00Z");
        assertThat(DeadlinePlan.changesFor(new DeadlineRescheduled("e7", A, T0, 1, 1, DeadlineKind.RESPONSE, DUE,
                later, "closure"))).containsExactly(new Schedule(new Deadline(A, DeadlineKind.RESPONSE, 1, later, null)));
    }

    @Test
    void aNoteChangesNoDeadline() {
        assertThat(DeadlinePlan.changesFor(new NoteAdded("e8", A, T0, 1, "n", "iro", "t"))).isEmpty();
    }
}
