package org.practicealerts.alert.domain;

import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.api.Commands.RequestFurtherActions;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.StageEscalated;

/**
 * Escalating: the raiser judges a response inadequate or bypasses; a missed response deadline escalates on the
 * scheduler's trigger, fenced by stage and due instant.
 */
class EscalatingTest extends AlertFixture {

    @Test
    void raiserEscalatesAnInadequateResponseToTheServiceManager() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH));
        whenLater(given, at("2026-01-09T09:00:00Z"),
                new EscalateAlert(ALERT, IRO, EscalationReason.RESPONSE_INADEQUATE, null, "No date for the visit"))
                .expectEventsMatching(only(StageEscalated.class, e -> e.fromStage() == 1 && e.toStage() == 2
                        && e.reason() == EscalationReason.RESPONSE_INADEQUATE && e.escalatedBy().equals("iro-1")
                        && e.responder().personId().equals("sm-north")
                        && e.deadlines().responseDueAt().equals(at("2026-01-16T17:00:00Z"))
                        && e.recipients().contains(new Recipient("irs-sm", RecipientReason.RAISERS_SERVICE_MANAGER))
                        && e.recipients().contains(new Recipient("tm-north", RecipientReason.PREVIOUS_RESPONDER))));
    }

    @Test
    void refusesAnInadequateResponseEscalationBeforeAnyResponse() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.RESPONSE_INADEQUATE, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "must be recorded"));
    }

    @Test
    void raiserBypassesStraightToTheAssistantDirector() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.BYPASS, 4, "Serious harm risk"))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 4
                        && e.responder().personId().equals("ad-children")
                        && e.recipients().contains(new Recipient("ad-sqp", RecipientReason.RAISERS_ASSISTANT_DIRECTOR))
                        && e.recipients().contains(new Recipient("dcs", RecipientReason.DIRECTOR))));
    }

    @Test
    void refusesABypassWithoutTheStageOrReason() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.BYPASS, null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "toStage"));
    }

    @Test
    void refusesEscalationByAnyoneButTheRaiser() {
        raised().when(new EscalateAlert(ALERT, TM_NORTH, EscalationReason.BYPASS, 2, "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "only the raiser"));
    }

    @Test
    void refusesEscalationPastTheFinalStage() {
        fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "serious", null),
                        new RecordResponse(ALERT, new Actor("ad-children", Set.of("ASSISTANT_DIRECTOR")), "r", List.of()))
                .when(new EscalateAlert(ALERT, IRO, EscalationReason.RESPONSE_INADEQUATE, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "final stage"));
    }

    @Test
    void escalatesToTheServiceManagerWhenTheTeamManagerMissesFiveWorkingDays() {
        whenLater(raised(), at("2026-01-12T17:00:00Z"),
                new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 2
                        && e.reason() == EscalationReason.DEADLINE_MISSED && e.escalatedBy().equals("system")
                        && e.responder().personId().equals("sm-north")
                        && e.deadlines().responseDueAt().equals(at("2026-01-19T17:00:00Z"))
                        && e.recipients().contains(new Recipient("iro-1", RecipientReason.RAISER))));
    }

    @Test
    void aRepeatedMissedDeadlineTriggerChangesNothing() {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at("2026-01-12T17:00:00Z"));
        given.andGivenCommands(new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .when(new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z"))).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "stale deadline trigger"));
    }

    @Test
    void aStaleTriggerAfterAResponseChangesNothing() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH));
        whenLater(given, at("2026-01-12T17:00:05Z"), new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "stale"));
    }

    @Test
    void anEarlyTriggerChangesNothing() {
        whenLater(raised(), at("2026-01-12T16:59:59Z"), new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "has not passed"));
    }

    @Test
    void aMissedDeadlineAtTheFinalStageRecordsTheLadderExhaustedWithoutEscalating() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "x", null));
        EscalateMissedDeadline trigger = new EscalateMissedDeadline(ALERT, 4, at("2026-01-12T17:00:00Z"));
        whenLater(given, at("2026-01-12T17:00:00Z"), trigger).expectEventsMatching(only(DeadlineMissed.class,
                e -> e.outcome() == DeadlineMissed.Outcome.LADDER_EXHAUSTED && e.stage() == 4
                        && e.recipients().contains(new Recipient("dcs", RecipientReason.TOP_OF_RESPONDERS_LINE))));
    }

    @Test
    void aRepeatedFinalStageTriggerRecordsNothing() {
        EscalateMissedDeadline trigger = new EscalateMissedDeadline(ALERT, 4, at("2026-01-12T17:00:00Z"));
        TestExecutor<PracticeAlert> exhausted = fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "x",
                null));
        clock.set(at("2026-01-12T17:00:00Z"));
        exhausted.andGivenCommands(trigger);
        whenLater(exhausted, at("2026-01-12T17:05:00Z"), trigger)
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "already recorded"));
    }

    @Test
    void theRaiserCannotEscalateForAMissedDeadlineThatWasNotMissed() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, null, null,
                null));
        whenLater(given, at("2026-01-07T10:00:00Z"),
                new EscalateAlert(ALERT, IRO, EscalationReason.DEADLINE_MISSED, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "not been missed"));
    }

    /** Raised Mon 5 Jan 09:30Z, stage 1 due Mon 12 Jan 17:00Z, escalated by the system at that instant. */
    private TestExecutor<PracticeAlert> escalatedAtFiveOnTheDueDay() {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at("2026-01-12T17:00:00Z"));
        return given.andGivenCommands(new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")));
    }

    /** Issue 12: "a response posted at 17:05 on the due day is refused because the alert escalated at 17:00". */
    @Test
    void aResponsePostedAt1705OnTheDueDayIsRecordedAgainstTheStageItAnswersAndTheRaiserJudges() {
        whenLater(escalatedAtFiveOnTheDueDay(), at("2026-01-12T17:05:00Z"), response(TM_NORTH))
                .expectEventsMatching(only(ResponseRecorded.class, e -> e.stage() == 1
                        && e.respondedBy().equals("tm-north") && e.onBehalfOf() == null && !e.onTime()
                        && e.responseDueAt().equals(at("2026-01-12T17:00:00Z"))
                        && e.status() == AlertStatus.AWAITING_JUDGEMENT
                        && e.recipients().equals(List.of(new Recipient("iro-1", RecipientReason.RAISER),
                                new Recipient("sm-north", RecipientReason.RESPONDER)))));
    }

    @Test
    void afterJudgingTheLateAnswerTheRaiserHandsTheEscalatedStageBackWithItsOwnDeadline() {
        TestExecutor<PracticeAlert> given = escalatedAtFiveOnTheDueDay();
        clock.set(at("2026-01-12T17:05:00Z"));
        given.andGivenCommands(response(TM_NORTH));
        // Stage 2 was entered Mon 12 Jan 17:00Z: due Mon 19 Jan 17:00Z, whatever the raiser asks on Tue 13 Jan.
        whenLater(given, at("2026-01-13T10:00:00Z"), new RequestFurtherActions(ALERT, IRO, "Service manager: the plan?"))
                .expectEventsMatching(only(FurtherActionsRequested.class, e -> e.stage() == 2
                        && e.responder().personId().equals("sm-north")
                        && e.deadlines().responseDueAt().equals(at("2026-01-19T17:00:00Z"))));
    }

    @Test
    void theNextMorningTheMissedStagesAnswerIsRefusedNamingTheNewStageAndResponder() {
        whenLater(escalatedAtFiveOnTheDueDay(), at("2026-01-13T09:00:00Z"), response(TM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED,
                        "escalated to stage 2 (CRO and service manager) on 2026-01-12: only sm-north"));
    }

    @Test
    void theServiceManagerStillAnswersTheEscalatedStage() {
        whenLater(escalatedAtFiveOnTheDueDay(), at("2026-01-12T17:10:00Z"), response(SM_NORTH))
                .expectEventsMatching(only(ResponseRecorded.class, e -> e.stage() == 2 && e.onTime()
                        && e.responseDueAt().equals(at("2026-01-19T17:00:00Z"))
                        && e.recipients().equals(List.of(new Recipient("iro-1", RecipientReason.RAISER)))));
    }

    @Test
    void onlyOneAnswerIsTakenForTheMissedStage() {
        TestExecutor<PracticeAlert> given = escalatedAtFiveOnTheDueDay();
        clock.set(at("2026-01-12T17:05:00Z"));
        given.andGivenCommands(response(TM_NORTH));
        whenLater(given, at("2026-01-12T17:20:00Z"), response(TM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "AWAITING_JUDGEMENT"));
    }

    @Test
    void afterTheRaiserBypassesTheTeamManagersAnswerIsRefused() {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at("2026-01-06T10:00:00Z"));
        given.andGivenCommands(new EscalateAlert(ALERT, IRO, EscalationReason.BYPASS, 2, "No reply to calls"));
        whenLater(given, at("2026-01-06T10:05:00Z"), response(TM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "responder or their cover may respond at stage 2"));
    }

    /** Issue 12: "'communication not forthcoming' (seed 003) can only be recorded as a bypass". */
    @Test
    void communicationNotForthcomingMovesASeed003AlertToTheNextStageWithoutABypass() {
        fixture = fixture("seed-003-cp-resolution");
        TestExecutor<PracticeAlert> given = fixture.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, null, null, null));
        // Wed 7 Jan 2026, before stage 1's deadline (Mon 12 Jan) and with no answer: stage 2 runs from now.
        whenLater(given, at("2026-01-07T11:00:00Z"), new EscalateAlert(ALERT, CPC,
                EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null, "Three calls and two emails unanswered"))
                .expectEventsMatching(only(StageEscalated.class, e -> e.fromStage() == 1 && e.toStage() == 2
                        && e.reason() == EscalationReason.COMMUNICATION_NOT_FORTHCOMING
                        && e.escalatedBy().equals("cpc-1") && e.note().equals("Three calls and two emails unanswered")
                        && e.responder().personId().equals("sm-north")
                        && e.deadlines().responseDueAt().equals(at("2026-01-14T17:00:00Z"))));
    }

    @Test
    void communicationNotForthcomingAfterAResponseAlsoMovesToTheNextStage() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH));
        whenLater(given, at("2026-01-08T11:00:00Z"), new EscalateAlert(ALERT, IRO,
                EscalationReason.COMMUNICATION_NOT_FORTHCOMING, 2, "No reply about the visit date"))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 2
                        && e.reason() == EscalationReason.COMMUNICATION_NOT_FORTHCOMING));
    }

    @Test
    void refusesCommunicationNotForthcomingWithoutANoteOfTheContactAttempted() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null, " "))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "contact attempted"));
    }

    @Test
    void refusesCommunicationNotForthcomingPastTheNextStageBecauseThatIsABypass() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.COMMUNICATION_NOT_FORTHCOMING, 3, "No reply"))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "going further is a BYPASS"));
    }
}
