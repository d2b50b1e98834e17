package org.practicealerts.alert.domain;

import java.util.List;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ResponseRecorded;
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
    void aConcernAboutAChairDoesNotGoUpTheChildsLadder() {
        fixture = fixture("seed-003-cp-resolution");
        TestExecutor<PracticeAlert> given = fixture.givenCommands(aboutTheChair(SW_NORTH, CHAIR_CPC_1),
                new RecordResponse(ALERT, IRS_TM, "Spoken with the chair.", List.of()));
        given.when(new EscalateAlert(ALERT, SW_NORTH, EscalationReason.RESPONSE_INADEQUATE, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION,
                        "does not go up the ladder"));
    }

    private static RaiseAlert aboutTheChair(org.practicealerts.alert.api.Actor by, ConcernAbout about) {
        RaiseAlert r = raise(by, PlanType.CHILD_PROTECTION, null, null, Urgency.ROUTINE);
        return new RaiseAlert(r.alertId(), r.reference(), by, r.child(), r.concern(), r.routing(), r.circumstances(),
                about);
    }
}
