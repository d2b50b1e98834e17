package org.practicealerts.alert.domain;

import java.time.LocalDate;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.ReopenAlert;
import org.practicealerts.alert.api.Commands.RequestFurtherActions;
import org.practicealerts.alert.api.Commands.ResolveAlert;
import org.practicealerts.alert.api.Commands.ScheduleActionReview;
import org.practicealerts.alert.api.Commands.WithdrawAlert;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageEscalated;

/** Every event that moves the alert says the status it leaves the alert in, so no reader works it out. */
class StatusOnEventsTest extends AlertFixture {

    @Test
    void aRaisedAlertAwaitsAResponse() {
        fixture.givenNoPriorActivity().when(routine()).expectEventsMatching(
                only(AlertRaised.class, e -> e.status() == AlertStatus.AWAITING_RESPONSE));
    }

    @Test
    void aResponseLeavesTheAlertAwaitingTheRaisersJudgement() {
        raised().when(response(TM_NORTH)).expectEventsMatching(
                only(ResponseRecorded.class, e -> e.status() == AlertStatus.AWAITING_JUDGEMENT));
    }

    @Test
    void askingForFurtherActionsAwaitsAResponseAgain() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new RequestFurtherActions(ALERT, IRO, "A date for the PEP, please.")).expectEventsMatching(
                        only(FurtherActionsRequested.class, e -> e.status() == AlertStatus.AWAITING_RESPONSE));
    }

    @Test
    void anEscalatedAlertAwaitsTheNewStagesResponse() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new EscalateAlert(ALERT, IRO, EscalationReason.RESPONSE_INADEQUATE, null, null))
                .expectEventsMatching(only(StageEscalated.class, e -> e.status() == AlertStatus.AWAITING_RESPONSE));
    }

    @Test
    void anActionReviewPutsTheAlertUnderReview() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null)).expectEventsMatching(
                        only(ActionReviewScheduled.class, e -> e.status() == AlertStatus.ACTION_REVIEW));
    }

    @Test
    void aReopenedAlertAwaitsTheHigherStagesResponse() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH),
                new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null));
        whenLater(given, at("2026-02-02T10:00:00Z"), new ReopenAlert(ALERT, IRO, null, "Visits lapsed again"))
                .expectEventsMatching(only(AlertReopened.class, e -> e.status() == AlertStatus.AWAITING_RESPONSE));
    }

    @Test
    void aResolvedAlertIsResolved() {
        fixture.givenCommands(routine(), response(TM_NORTH)).when(new ResolveAlert(ALERT, IRO, "Visits happening"))
                .expectEventsMatching(only(AlertResolved.class, e -> e.status() == AlertStatus.RESOLVED));
    }

    @Test
    void aWithdrawnAlertIsWithdrawn() {
        raised().when(new WithdrawAlert(ALERT, IRO, "Raised on the wrong record"))
                .expectEventsMatching(only(AlertWithdrawn.class, e -> e.status() == AlertStatus.WITHDRAWN));
    }
}
