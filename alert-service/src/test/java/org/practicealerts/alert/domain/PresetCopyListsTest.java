package org.practicealerts.alert.domain;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.Urgency;

/**
 * Who each preset tells, where its seed names them: the copy lists of the escalated stages, and who an immediate risk
 * reaches at once. Each expectation is read from the seed's text (quoted), with the demo directory's people.
 */
class PresetCopyListsTest extends AlertFixture {

    @Test
    void seed001sServiceManagerStageAlsoTellsTheAssistantDirector() {
        // Seed 001: "escalate to Service Manager and Assistant Director level".
        AggregateTestFixture<PracticeAlert> f = fixture("seed-001-case-alert");
        TestExecutor<PracticeAlert> given = f.givenCommands(routine());
        whenLater(given, at("2026-01-12T17:00:01Z"), new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 2
                        && e.responder().personId().equals("sm-north")
                        && e.recipients().equals(List.of(
                                new Recipient("sm-north", RecipientReason.RESPONDER),
                                new Recipient("irs-tm", RecipientReason.RAISERS_TEAM_MANAGER),
                                new Recipient("ad-children", RecipientReason.CHILDS_ASSISTANT_DIRECTOR),
                                new Recipient("iro-1", RecipientReason.RAISER),
                                new Recipient("tm-north", RecipientReason.PREVIOUS_RESPONDER)))));
    }

    @Test
    void seed003sStageThreeAlsoTellsTheReviewUnitsHeadOfService() {
        // Seed 003, stage 3: "the Heads of Service (from A & I and CPRU) should be informed": the child's and the
        // review unit's (the raiser's) heads of service.
        AggregateTestFixture<PracticeAlert> f = fixture("seed-003-cp-resolution");
        TestExecutor<PracticeAlert> given = f.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, null, null, null),
                new EscalateAlert(ALERT, CPC, EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null, "No reply"));
        whenLater(given, at("2026-01-08T11:00:00Z"), new EscalateAlert(ALERT, CPC,
                EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null, "No reply again"))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 3
                        && e.responder().personId().equals("hos-children")
                        && e.recipients().equals(List.of(
                                new Recipient("hos-children", RecipientReason.RESPONDER),
                                Recipient.of("sm-north", List.of(RecipientReason.CHILDS_SERVICE_MANAGER,
                                        RecipientReason.PREVIOUS_RESPONDER)),
                                new Recipient("irs-hos", RecipientReason.RAISERS_HEAD_OF_SERVICE),
                                new Recipient("cpc-1", RecipientReason.RAISER)))));
    }

    @Test
    void anImmediateRiskUnderSeed001TellsTheSocialWorkerAndTheChildsTeamManagerAtOnce() {
        // Seed 001: "raise a Case Alert and notify the relevant Social Worker and if necessary Team Manager
        // immediately". The alert enters at stage 2, so the child's team manager is told for the risk alone.
        fixture("seed-001-case-alert").givenNoPriorActivity().when(immediateRisk(IRO))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 2 && e.recipients().equals(List.of(
                        Recipient.of("sm-north", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER,
                                RecipientReason.RESPONDER)),
                        Recipient.of("irs-tm", List.of(RecipientReason.IMMEDIATE_RISK_RAISERS_TEAM_MANAGER,
                                RecipientReason.RAISERS_TEAM_MANAGER)),
                        Recipient.of("ad-children", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_ASSISTANT_DIRECTOR,
                                RecipientReason.CHILDS_ASSISTANT_DIRECTOR)),
                        Recipient.of("sw-north", List.of(RecipientReason.IMMEDIATE_RISK_ALLOCATED_SOCIAL_WORKER,
                                RecipientReason.ALLOCATED_SOCIAL_WORKER)),
                        new Recipient("tm-north", RecipientReason.IMMEDIATE_RISK_CHILDS_TEAM_MANAGER)))));
    }

    @Test
    void anImmediateRiskUnderSeed003TellsTheSocialWorkerTheTeamManagerAndTheManagersAtOnce() {
        // Seed 003: at "immediate risk of significant harm the appropriate action needs to take place and each stage
        // need not be followed in sequence"; the chair and the social worker managing the plan talk first.
        fixture("seed-003-cp-resolution").givenNoPriorActivity().when(immediateRisk(CPC))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 2 && e.recipients().equals(List.of(
                        Recipient.of("sm-north", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER,
                                RecipientReason.RESPONDER)),
                        Recipient.of("tm-north", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_TEAM_MANAGER,
                                RecipientReason.CHILDS_TEAM_MANAGER)),
                        Recipient.of("sw-north", List.of(RecipientReason.IMMEDIATE_RISK_ALLOCATED_SOCIAL_WORKER,
                                RecipientReason.ALLOCATED_SOCIAL_WORKER)),
                        new Recipient("irs-sm", RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER),
                        new Recipient("hos-children", RecipientReason.IMMEDIATE_RISK_CHILDS_HEAD_OF_SERVICE)))));
    }

    @Test
    void theSocialWorkerIsToldOfARoutineRaiseUnderSeed003() {
        // Seed 003: "The CP Chair and the Social Worker responsible for managing the Child Protection Plan should have
        // a telephone conversation", and the informal resolution "will send an alert to the Social Worker and Team
        // Manager".
        RaiseAlert r = raise(CPC, PlanType.CHILD_PROTECTION, null, null, Urgency.ROUTINE);
        fixture("seed-003-cp-resolution").givenNoPriorActivity().when(withSocialWorker(r))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 1 && e.recipients().equals(List.of(
                        new Recipient("tm-north", RecipientReason.RESPONDER),
                        new Recipient("sw-north", RecipientReason.ALLOCATED_SOCIAL_WORKER)))));
    }

    private static RaiseAlert immediateRisk(org.practicealerts.alert.api.Actor by) {
        return withSocialWorker(raise(by, PlanType.CHILD_PROTECTION, null, null, Urgency.IMMEDIATE_RISK));
    }

    private static RaiseAlert withSocialWorker(RaiseAlert r) {
        return new RaiseAlert(r.alertId(), r.reference(), r.actor(), new RaiseAlert.Child(r.child().childRef(),
                List.of(), r.child().planType(), DemoDirectory.NORTH, "sw-north"), r.concern(), r.routing(),
                r.circumstances());
    }
}
