package org.practicealerts.alert.domain;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Urgency;

/** Raising an alert: who may raise, the stage it enters, who answers by when, and who is told at once. */
class RaisingAnAlertTest extends AlertFixture {

    @Test
    void raisesAtStageOneForTheChildsTeamManagerDueAtEndOfTheFifthWorkingDay() {
        fixture.givenNoPriorActivity().when(routine()).expectEventsMatching(only(AlertRaised.class, e ->
                e.stage() == 1 && e.responder().personId().equals("tm-north") && e.responder().coverFor() == null
                        && e.deadlines().responseDueAt().equals(at("2026-01-12T17:00:00Z"))
                        && e.deadlines().reminderAt().equals(at("2026-01-09T17:00:00Z"))
                        && e.statutoryDueAt().equals(at("2026-02-02T17:00:00Z"))
                        && e.policy().id().equals("seed-002-cro-practice-alert") && e.policy().version() == 1
                        && e.recipients().equals(List.of(new Recipient("tm-north", RecipientReason.RESPONDER)))
                        && e.raiserRole().equals("IRO") && e.bypassReason() == null));
    }

    @Test
    void setsNoStatutoryTotalForAChildProtectionPlan() {
        fixture.givenNoPriorActivity().when(raise(CPC, PlanType.CHILD_PROTECTION, null, null, Urgency.ROUTINE))
                .expectEventsMatching(only(AlertRaised.class, e -> e.statutoryDueAt() == null
                        && e.raiserRole().equals("CPC")));
    }

    @Test
    void bypassesToStageThreeAndTellsTheRaisersServiceManagerAndHeadOfService() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 3, "Third review: drift", null))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 3
                        && e.responder().personId().equals("hos-children")
                        && e.bypassReason().equals("Third review: drift")
                        && e.recipients().equals(List.of(new Recipient("hos-children", RecipientReason.RESPONDER),
                        new Recipient("irs-sm", RecipientReason.RAISERS_SERVICE_MANAGER),
                        new Recipient("irs-hos", RecipientReason.RAISERS_HEAD_OF_SERVICE)))));
    }

    @Test
    void refusesABypassWithoutAReason() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 2, " ", null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "bypassReason is required"));
    }

    @Test
    void refusesAStartStageBeyondTheLadder() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 5, "why", null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "between 1 and 4"));
    }

    @Test
    void refusesACategoryThePolicyDoesNotHave() {
        fixture.givenNoPriorActivity().when(raise(IRO,
                        new RaiseAlert.Child("C1", List.of(), PlanType.CHILD_WE_CARE_FOR, DemoDirectory.NORTH), "PARKING"))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "category PARKING"));
    }

    @Test
    void refusesARaiseByAManager() {
        fixture.givenNoPriorActivity().when(raise(SM_NORTH, PlanType.CHILD_WE_CARE_FOR, null, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "CPC, IRO or CRO"));
    }

    @Test
    void refusesATeamTheDirectoryDoesNotKnow() {
        fixture.givenNoPriorActivity().when(raise(IRO,
                        new RaiseAlert.Child("C1", List.of(), PlanType.CHILD_WE_CARE_FOR, "team-nowhere"), "STATUTORY_VISIT"))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "team-nowhere"));
    }

    @Test
    void urgentAlertStartsAtThePolicysUrgentEntryStage() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, null, null, Urgency.URGENT))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 2
                        && e.responder().personId().equals("sm-north") && e.urgency() == Urgency.URGENT));
    }

    @Test
    void immediateRiskTellsSeniorManagersOnBothSidesAtOnce() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, null, null, Urgency.IMMEDIATE_RISK))
                .expectEventsMatching(only(AlertRaised.class, e -> e.recipients().containsAll(List.of(
                        new Recipient("irs-hos", RecipientReason.IMMEDIATE_RISK_RAISERS_HEAD_OF_SERVICE),
                        new Recipient("hos-children", RecipientReason.IMMEDIATE_RISK_CHILDS_HEAD_OF_SERVICE)))
                        && e.recipients().stream().anyMatch(r -> r.personId().equals("irs-sm"))));
    }

    @Test
    void immediateRiskUnderSeed000TellsEachServiceManagerOnceWithEveryReasonTheRiskFirst() {
        // Seed 000 enters an urgent alert at stage 2: the chair service's service manager makes the 24-hour contact
        // with the child's service manager, and an immediate risk tells both service managers at once.
        fixture = fixture("seed-000-cpc-urgent-practice");
        fixture.givenNoPriorActivity().when(raise(CPC, PlanType.CHILD_PROTECTION, null, null, Urgency.IMMEDIATE_RISK))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 2 && e.recipients().equals(List.of(
                        Recipient.of("irs-sm", List.of(RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER,
                                RecipientReason.RESPONDER)),
                        Recipient.of("sm-north", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER,
                                RecipientReason.CHILDS_SERVICE_MANAGER))))));
    }

    @Test
    void assignsTheDutyManagerWhenTheTeamManagerIsCoveredFor() {
        clock.set(at("2026-12-22T10:00:00Z"));
        fixture.givenNoPriorActivity().when(raise(CPC,
                        new RaiseAlert.Child("C1", List.of(), PlanType.CHILD_PROTECTION, DemoDirectory.SOUTH), "STATUTORY_VISIT"))
                .expectEventsMatching(only(AlertRaised.class, e -> e.responder().personId().equals("tm-duty")
                        && "tm-south".equals(e.responder().coverFor())
                        // raised Tue 22 Dec: 23, 24, 29 (after Christmas, Boxing Day substitute and weekend), 30, 31
                        && e.deadlines().responseDueAt().equals(at("2026-12-31T17:00:00Z"))));
    }

    @Test
    void tellsTheRaisersTeamManagerOnRaiseWhenTheProcedureSaysSo() {
        fixture = fixture("seed-001-case-alert");
        fixture.givenNoPriorActivity().when(routine()).expectEventsMatching(only(AlertRaised.class,
                e -> e.recipients().contains(new Recipient("irs-tm", RecipientReason.RAISERS_TEAM_MANAGER))));
    }

    @Test
    void movingTheClockDoesNotChangeRecordedDeadlines() {
        clock.advance(Duration.ofDays(3));
        fixture.givenNoPriorActivity().when(routine()).expectEventsMatching(only(AlertRaised.class,
                e -> e.deadlines().responseDueAt().equals(at("2026-01-15T17:00:00Z"))));
    }
}
