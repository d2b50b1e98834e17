package org.practicealerts.alert.domain;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.Urgency;

/**
 * Issue 12: "concerns raised by social work teams about a chair (seed 003, 'raised by CP chairs or social work
 * teams') have no route". Under seed 003 a social worker or team manager raises a concern about the chair; the
 * chair's line manager in the directory (the review unit's team manager, irs-tm) answers it.
 */
class ConcernAboutAChairTest extends AlertFixture {

    private static final ConcernAbout CHAIR_CPC_1 = new ConcernAbout(ConcernAbout.Subject.CHAIR, "cpc-1");
    private static final org.practicealerts.alert.api.Actor IRS_TM =
            new org.practicealerts.alert.api.Actor("irs-tm", java.util.Set.of("TEAM_MANAGER"));

    @Test
    void aSocialWorkTeamsConcernAboutTheChairGoesToTheChairsLineManager() {
        fixture = fixture("seed-003-cp-resolution");
        fixture.givenNoPriorActivity().when(aboutTheChair(SW_NORTH, CHAIR_CPC_1))
                .expectEventsMatching(only(AlertRaised.class, e -> e.raisedBy().equals("sw-north")
                        && e.raiserRole().equals("SOCIAL_WORKER") && e.concernAbout().equals(CHAIR_CPC_1)
                        && e.stage() == 1 && e.responder().personId().equals("irs-tm")
                        && e.deadlines().responseDueAt().equals(at("2026-01-12T17:00:00Z"))
                        && e.recipients().get(0).equals(new Recipient("irs-tm", RecipientReason.RESPONDER))));
    }

    @Test
    void theChairsLineManagerAnswersTheConcern() {
        fixture = fixture("seed-003-cp-resolution");
        TestExecutor<PracticeAlert> given = fixture.givenCommands(aboutTheChair(TM_NORTH, CHAIR_CPC_1));
        whenLater(given, at("2026-01-07T10:00:00Z"), new RecordResponse(ALERT, IRS_TM, "Spoken with the chair.", List.of()))
                .expectEventsMatching(only(ResponseRecorded.class, e -> e.respondedBy().equals("irs-tm")
                        && e.recipients().equals(List.of(new Recipient("tm-north", RecipientReason.RAISER)))));
    }

    @Test
    void refusesAConcernAboutAChairFromTheIndependentOfficer() {
        fixture = fixture("seed-003-cp-resolution");
        fixture.givenNoPriorActivity().when(aboutTheChair(IRO, CHAIR_CPC_1)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "social worker or team manager"));
    }

    @Test
    void refusesAConcernAboutSomeoneWhoIsNotAChair() {
        fixture = fixture("seed-003-cp-resolution");
        fixture.givenNoPriorActivity().when(aboutTheChair(SW_NORTH, new ConcernAbout(ConcernAbout.Subject.CHAIR, "tm-south")))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "tm-south is not a chair"));
    }

    @Test
    void refusesAConcernAboutAChairUnderAPolicyWithoutThatRoute() {
        fixture.givenNoPriorActivity().when(aboutTheChair(SW_NORTH, CHAIR_CPC_1)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "no procedure in force applies to an alert raised by SOCIAL_WORKER"));
    }

    @Test
    void aConcernAboutAChairGoesUpTheChairsLineNotTheChilds() {
        fixture = fixture("seed-003-cp-resolution");
        TestExecutor<PracticeAlert> given = fixture.givenCommands(aboutTheChair(SW_NORTH, CHAIR_CPC_1),
                new RecordResponse(ALERT, IRS_TM, "Spoken with the chair.", List.of()));
        // cpc-1 reports to irs-tm, who reports to irs-sm: the service manager above the chair, not sm-north
        given.when(new EscalateAlert(ALERT, SW_NORTH, EscalationReason.RESPONSE_INADEQUATE, null, null))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 2
                        && e.responder().personId().equals("irs-sm")
                        && e.recipients().equals(List.of(new Recipient("irs-sm", RecipientReason.RESPONDER),
                                new Recipient("sw-north", RecipientReason.RAISER),
                                new Recipient("irs-tm", RecipientReason.PREVIOUS_RESPONDER)))));
    }

    @Test
    void aConcernAboutAChairReachesTheHeadOfServiceAboveTheChairThenTheServiceDirector() {
        fixture = fixture("seed-003-cp-resolution");
        TestExecutor<PracticeAlert> given = fixture.givenCommands(aboutTheChair(SW_NORTH, CHAIR_CPC_1),
                new EscalateAlert(ALERT, SW_NORTH, EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null,
                        "No reply to two emails."));
        given.andGivenCommands(new EscalateAlert(ALERT, SW_NORTH, EscalationReason.COMMUNICATION_NOT_FORTHCOMING,
                        null, "No reply from the service manager."))
                .when(new EscalateAlert(ALERT, SW_NORTH, EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null,
                        "No reply from the head of service."))
                .expectEventsMatching(only(StageEscalated.class, e -> e.fromStage() == 3 && e.toStage() == 4
                        && e.responder().personId().equals("sd-children")));
        fixture.givenCommands(aboutTheChair(SW_NORTH, CHAIR_CPC_1),
                        new EscalateAlert(ALERT, SW_NORTH, EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null,
                                "No reply to two emails."))
                .when(new EscalateAlert(ALERT, SW_NORTH, EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null,
                        "No reply from the service manager."))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 3
                        && e.responder().personId().equals("irs-hos")));
    }

    @Test
    void underAProcedureThatKeepsAChairConcernWithTheLineManagerItCannotGoHigher() {
        fixture = fixture(withoutChairLadder());
        TestExecutor<PracticeAlert> given = fixture.givenCommands(aboutTheChair(SW_NORTH, CHAIR_CPC_1));
        whenLater(given, at("2026-01-07T10:00:00Z"), new EscalateAlert(ALERT, SW_NORTH,
                EscalationReason.COMMUNICATION_NOT_FORTHCOMING, null, "No reply."))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION,
                        "does not go up the ladder"));
    }

    @Test
    void underAProcedureThatKeepsAChairConcernWithTheLineManagerItsMissedDeadlineEndsTheLadderTellingTheRaiser() {
        fixture = fixture(withoutChairLadder());
        // raised Mon 5 Jan 09:30Z; 5 working days -> Mon 12 Jan 17:00Z: nobody answered, and there is no rung above
        whenLater(fixture.givenCommands(aboutTheChair(SW_NORTH, CHAIR_CPC_1)), at("2026-01-12T17:00:00Z"),
                new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectEventsMatching(only(DeadlineMissed.class, e -> e.stage() == 1
                        && e.outcome() == DeadlineMissed.Outcome.LADDER_EXHAUSTED
                        && e.recipients().get(0).equals(new Recipient("sw-north", RecipientReason.RAISER))));
    }

    /** Seed 003 as a council might have written it before chair concerns went higher: no {@code chairConcernLadder}. */
    private static Policy withoutChairLadder() {
        try (InputStream in = ConcernAboutAChairTest.class.getResourceAsStream("/policies/seed-003-cp-resolution.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replaceAll("(?m)^chairConcernLadder:.*$", "").replace("id: seed-003-cp-resolution", "id: council-own");
            return PolicyLoader.load("council-own.yaml", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RaiseAlert aboutTheChair(org.practicealerts.alert.api.Actor by, ConcernAbout about) {
        RaiseAlert r = raise(by, PlanType.CHILD_PROTECTION, null, null, Urgency.ROUTINE);
        return new RaiseAlert(r.alertId(), r.reference(), by, r.child(), r.concern(), r.routing(), r.circumstances(),
                about);
    }
}
