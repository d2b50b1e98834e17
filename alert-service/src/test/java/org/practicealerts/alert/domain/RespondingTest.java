package org.practicealerts.alert.domain;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.AcknowledgeAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.NewAction;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.api.Commands.RequestFurtherActions;
import org.practicealerts.events.directory.Cover;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageEscalated;

/**
 * Responding at a stage: the responder (or their cover) acknowledges and answers with agreed actions; the raiser
 * may ask for further actions.
 */
class RespondingTest extends AlertFixture {

    @Test
    void responderAcknowledgesTheAlert() {
        raised().when(new AcknowledgeAlert(ALERT, TM_NORTH)).expectEventsMatching(only(AlertAcknowledged.class,
                e -> e.acknowledgedBy().equals("tm-north") && e.stage() == 1));
    }

    @Test
    void acknowledgingTwiceRecordsNothingMore() {
        fixture.givenCommands(routine(), new AcknowledgeAlert(ALERT, TM_NORTH))
                .when(new AcknowledgeAlert(ALERT, TM_NORTH)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesAcknowledgementBySomeoneNotAssigned() {
        raised().when(new AcknowledgeAlert(ALERT, SM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "assigned responder"));
    }

    @Test
    void responderRecordsAResponseWithActionsInTime() {
        whenLater(raised(), at("2026-01-08T11:00:00Z"), response(TM_NORTH)).expectEventsMatching(
                only(ResponseRecorded.class, e -> e.onTime() && e.stage() == 1 && e.respondedBy().equals("tm-north")
                        && e.onBehalfOf() == null && e.actions().size() == 1
                        && e.actions().get(0).actionId().equals(ALERT + "-a1")
                        && e.recipients().equals(List.of(new Recipient("iro-1", RecipientReason.RAISER)))));
    }

    @Test
    void aResponseAfterTheDeadlineIsRecordedAsLate() {
        whenLater(raised(), at("2026-01-12T17:00:01Z"), response(TM_NORTH))
                .expectEventsMatching(only(ResponseRecorded.class, e -> !e.onTime()));
    }

    @Test
    void coverRespondsOnBehalfOfTheAssignedTeamManager() {
        directory.add(new Cover("c1", "tm-north", "tm-duty", LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 9), "Sick"));
        whenLater(raised(), at("2026-01-07T10:00:00Z"), response(TM_DUTY)).expectEventsMatching(
                only(ResponseRecorded.class, e -> e.respondedBy().equals("tm-duty") && e.onBehalfOf().equals("tm-north")));
    }

    @Test
    void refusesAResponseFromSomeoneNotAssigned() {
        raised().when(response(SM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "assigned responder or their cover"));
    }

    @Test
    void refusesASecondResponseWhileTheFirstAwaitsJudgement() {
        fixture.givenCommands(routine(), response(TM_NORTH)).when(response(TM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "AWAITING_JUDGEMENT"));
    }

    @Test
    void refusesAnActionOwnedBySomeoneOutsideTheDirectory() {
        raised().when(new RecordResponse(ALERT, TM_NORTH, "ok",
                        List.of(new NewAction("Visit", "nobody", LocalDate.of(2026, 1, 9)))))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "nobody"));
    }

    @Test
    void raiserAsksForFurtherActionsAndTheStagesOwnDeadlineStillRuns() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH));
        // Raised Mon 5 Jan 09:30Z: stage 1 is due Mon 12 Jan 17:00Z, and asking on Thu 8 Jan does not move it.
        whenLater(given, at("2026-01-08T10:00:00Z"), new RequestFurtherActions(ALERT, IRO, "Add a PEP date"))
                .expectEventsMatching(only(FurtherActionsRequested.class, e -> e.stage() == 1
                        && e.responder().personId().equals("tm-north")
                        && e.deadlines().responseDueAt().equals(at("2026-01-12T17:00:00Z"))
                        && e.deadlines().reminderAt().equals(at("2026-01-09T17:00:00Z"))));
    }

    /** Issue 12: "each further-actions request gives a fresh full timescale, so escalation can be deferred for ever". */
    @Test
    void repeatedFurtherActionsRequestsCannotPushTheDueDatePastTheStagesOriginalDueDate() {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at("2026-01-06T10:00:00Z"));
        given.andGivenCommands(response(TM_NORTH));
        clock.set(at("2026-01-07T10:00:00Z"));
        given.andGivenCommands(new RequestFurtherActions(ALERT, IRO, "Add a PEP date"));
        clock.set(at("2026-01-08T10:00:00Z"));
        given.andGivenCommands(response(TM_NORTH));
        // The second request on Fri 9 Jan, after the reminder: still Mon 12 Jan 17:00Z, and no reminder in the past.
        whenLater(given, at("2026-01-09T17:30:00Z"), new RequestFurtherActions(ALERT, IRO, "And the review date"))
                .expectEventsMatching(only(FurtherActionsRequested.class,
                        e -> e.deadlines().responseDueAt().equals(at("2026-01-12T17:00:00Z"))
                                && e.deadlines().reminderAt() == null));
    }

    @Test
    void theMissedDeadlineAfterFurtherActionsEscalatesAtTheStagesOriginalDueInstant() {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at("2026-01-07T10:00:00Z"));
        given.andGivenCommands(response(TM_NORTH), new RequestFurtherActions(ALERT, IRO, "Add a PEP date"));
        whenLater(given, at("2026-01-12T17:00:00Z"), new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectEventsMatching(only(StageEscalated.class, e -> e.fromStage() == 1 && e.toStage() == 2
                        && e.reason() == EscalationReason.DEADLINE_MISSED));
    }

    @Test
    void refusesFurtherActionsOnceTheStagesDeadlineHasPassed() {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at("2026-01-12T16:00:00Z"));
        given.andGivenCommands(response(TM_NORTH));
        whenLater(given, at("2026-01-13T09:00:00Z"), new RequestFurtherActions(ALERT, IRO, "Add a PEP date"))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION,
                        "response deadline 2026-01-12T17:00:00Z has passed"));
    }

    @Test
    void refusesFurtherActionsBeforeAnyResponse() {
        raised().when(new RequestFurtherActions(ALERT, IRO, "more")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "only after a response"));
    }
}
