package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.alert.policy.LadderWalk.ALERT;
import static org.practicealerts.alert.policy.LadderWalk.CPC;
import static org.practicealerts.alert.policy.LadderWalk.at;
import static org.practicealerts.alert.policy.LadderWalk.responder;
import static org.practicealerts.alert.policy.LadderWalk.told;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.NewAction;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.alert.policy.LadderWalk.Rung;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageRecord;
import org.practicealerts.events.Urgency;

/**
 * Seed 000, the CPC procedure for urgent practice issues: the team manager has up to 10 working days; then the
 * service managers make contact within 24 hours (clock hours, not working days) and agree an urgent action plan with
 * actions within 7 days; then a professionals meeting within 7 working days; then the two group managers discuss;
 * then the Service Director within 5 working days. Working-day stages count from day 0 = the day the alert reaches
 * the stage and fall due at 17:00 London. Every instant below is worked out by hand.
 */
class Seed000CpcUrgentPracticeLadderTest {

    static final String PRESET = "seed-000-cpc-urgent-practice";

    static final Actor CHAIR_SERVICE_MANAGER = new Actor("irs-sm", Set.of("SERVICE_MANAGER"));

    /**
     * Raised on Friday 13 March 2026 for a child whose social worker is sw-north. The team manager's ten days end on a
     * Friday, so the 24 hours would end on Saturday: under this procedure they end on Monday instead (it never
     * escalates on a weekend). The service managers' contact is made on the Monday and the action plan's actions are
     * due within 7 days; with no resolution the CPC progresses to the professionals meeting, which counts across
     * Easter (Good Friday 3 April, Easter Monday 6 April was the plan's last day); from Sunday 29 March, 17:00 London
     * is 16:00Z. With no resolution after the meeting the group managers discuss, miss their deadline, and the
     * Service Director's stage runs out: the ladder is exhausted.
     */
    @Test
    void anAlertClimbsTenWorkingDaysThenA24HourContactAndActionPlanThenAMeetingThenTheGroupManagersAndTheServiceDirector() {
        LadderWalk walk = LadderWalk.of(PRESET, CPC, DemoDirectory.NORTH, PlanType.CHILD_PROTECTION, "sw-north",
                at("2026-03-13T09:00:00Z"));

        AlertRaised raised = walk.raise();
        assertThat(Rung.of(raised)).isEqualTo(new Rung(1, responder("tm-north", "TEAM_MANAGER"),
                // day 0 Fri 13 Mar; Mon 16 .. Fri 20 (5), Mon 23 .. Fri 27 (10) -> Fri 27 Mar 17:00 GMT
                at("2026-03-27T17:00:00Z"),
                // one working day before Fri 27 Mar -> Thu 26 Mar 17:00 GMT
                at("2026-03-26T17:00:00Z"),
                // "the CPC will in the first instance attempt to resolve the issue with the social worker and Team
                // Manager": both are told
                List.of(told("tm-north", "RESPONDER"), told("sw-north", "ALLOCATED_SOCIAL_WORKER"))));
        // the 20 working day total is for looked-after children only
        assertThat(raised.statutoryDueAt()).isNull();

        // tm-north is away Mon 16 to Wed 18 Mar, mid-stage: the duty team manager answers until they are back
        walk.absenceMidStage("tm-north", "tm-duty", LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 18));

        // Stage 1 of the seed: the team manager did not respond; the CPC progresses it on Friday 27 March at 17:00
        assertThat(Rung.of(walk.missed(1, at("2026-03-27T17:00:00Z")))).isEqualTo(new Rung(2,
                responder("irs-sm", "SERVICE_MANAGER"),
                // 24 hours from Fri 27 Mar 17:00Z end on Sat 28 Mar: not a working day, so the same time on the next
                // working day, Mon 30 Mar 17:00 London, which is BST from Sun 29 -> 16:00Z. Never on a weekend.
                at("2026-03-30T16:00:00Z"),
                // four clock hours before -> Mon 30 Mar 12:00Z (13:00 BST)
                at("2026-03-30T12:00:00Z"),
                // the chair service's service manager contacts the child's service manager, who is told
                List.of(told("irs-sm", "RESPONDER"), told("sm-north", "CHILDS_SERVICE_MANAGER"),
                        told("cpc-1", "RAISER"), told("tm-north", "PREVIOUS_RESPONDER"))));

        // Mon 30 Mar 11:00Z: the contact (made at 09:30Z with the child's service manager, whom the stage names) is
        // recorded with the urgent action plan: 7 days from Mon 30 Mar -> every action due by Mon 6 Apr
        RecordResponse withoutContact = new RecordResponse(ALERT, CHAIR_SERVICE_MANAGER, "Spoke to the service manager.",
                List.of(new NewAction("Core group to be held", "tm-north", LocalDate.of(2026, 4, 6))));
        walk.refuses(at("2026-03-30T11:00:00Z"), withoutContact, "contact");
        StageRecord.Contact contact = new StageRecord.Contact(null, at("2026-03-30T09:30:00Z"));
        walk.refuses(at("2026-03-30T11:00:00Z"), new RecordResponse(ALERT, CHAIR_SERVICE_MANAGER, "Agreed a plan.",
                List.of(), contact, null), "actions");
        walk.refuses(at("2026-03-30T11:00:00Z"), new RecordResponse(ALERT, CHAIR_SERVICE_MANAGER, "Agreed a plan.",
                List.of(new NewAction("Core group to be held", "tm-north", LocalDate.of(2026, 4, 7))), contact, null),
                "actions[0].dueDate");
        walk.refuses(at("2026-03-30T11:00:00Z"), new RecordResponse(ALERT, CHAIR_SERVICE_MANAGER, "Agreed a plan.",
                List.of(new NewAction("Core group to be held", "tm-north", LocalDate.of(2026, 4, 6))),
                new StageRecord.Contact(null, at("2026-03-30T12:00:00Z")), null), "contact.madeAt");
        ResponseRecorded plan = walk.answers(at("2026-03-30T11:00:00Z"), new RecordResponse(ALERT,
                CHAIR_SERVICE_MANAGER, "Urgent action plan agreed with the child's service manager.",
                List.of(new NewAction("Core group to be held", "tm-north", LocalDate.of(2026, 4, 6))), contact, null));
        assertThat(plan.stage()).isEqualTo(2);
        assertThat(plan.onTime()).isTrue();
        assertThat(plan.record()).isEqualTo(new StageRecord(
                new StageRecord.Contact("sm-north", at("2026-03-30T09:30:00Z")), null, LocalDate.of(2026, 4, 6)));
        // the action is due at the end of Easter Monday, 17:00 BST
        assertThat(plan.actions()).singleElement().satisfies(a -> assertThat(a.dueAt())
                .isEqualTo(at("2026-04-06T16:00:00Z")));
        assertThat(plan.recipients()).containsExactly(told("cpc-1", "RAISER"));

        // Stage 2 of the seed: no resolution after the plan; the CPC progresses on Tue 7 Apr at 09:00Z (10:00 BST)
        assertThat(Rung.of(walk.progresses(at("2026-04-07T09:00:00Z"), 2))).isEqualTo(new Rung(3,
                responder("irs-sm", "SERVICE_MANAGER"),
                // day 0 Tue 7 Apr; Wed 8 (1), Thu 9 (2), Fri 10 (3), Mon 13 (4), Tue 14 (5), Wed 15 (6), Thu 16 (7)
                // -> Thu 16 Apr 17:00 BST = 16:00Z
                at("2026-04-16T16:00:00Z"),
                // one working day before -> Wed 15 Apr 17:00 BST
                at("2026-04-15T16:00:00Z"),
                // the professionals meeting, chaired by the chair service's service manager (who stays the responder, so
                // is not told twice): those invited are told
                List.of(told("irs-sm", "RESPONDER"), told("sw-north", "ALLOCATED_SOCIAL_WORKER"),
                        told("cpc-1", "RAISER"), told("tm-north", "CHILDS_TEAM_MANAGER"),
                        told("sm-north", "CHILDS_SERVICE_MANAGER"))));

        // Tue 14 Apr 15:00Z: the meeting held that morning is recorded; the response is its outcome
        StageRecord.Meeting meeting = new StageRecord.Meeting(at("2026-04-14T09:00:00Z"), null,
                List.of("sw-north", "cpc-1", "tm-north", "sm-north"));
        walk.refuses(at("2026-04-14T15:00:00Z"), new RecordResponse(ALERT, CHAIR_SERVICE_MANAGER,
                "Meeting held.", List.of()), "meeting");
        walk.refuses(at("2026-04-14T15:00:00Z"), new RecordResponse(ALERT, CHAIR_SERVICE_MANAGER,
                "Meeting held.", List.of(), null, new StageRecord.Meeting(at("2026-04-14T09:00:00Z"), null,
                        List.of("sw-north", "nobody-1"))), "meeting.attendeeIds[1]");
        ResponseRecorded held = walk.answers(at("2026-04-14T15:00:00Z"), new RecordResponse(ALERT,
                CHAIR_SERVICE_MANAGER, "Agreed: core group within 5 days; no agreement on the visiting plan.",
                List.of(), null, meeting));
        assertThat(held.record()).isEqualTo(new StageRecord(null, new StageRecord.Meeting(at("2026-04-14T09:00:00Z"),
                "irs-sm", List.of("sw-north", "cpc-1", "tm-north", "sm-north")), null));

        // Still no resolution: the CPC progresses on Wed 15 Apr at 09:00Z to the group managers' discussion
        assertThat(Rung.of(walk.progresses(at("2026-04-15T09:00:00Z"), 3))).isEqualTo(new Rung(4,
                responder("irs-hos", "HEAD_OF_SERVICE"),
                // day 0 Wed 15 Apr; Thu 16 (1), Fri 17 (2), Mon 20 (3), Tue 21 (4), Wed 22 (5) -> 17:00 BST = 16:00Z
                at("2026-04-22T16:00:00Z"),
                // Tue 21 Apr 17:00 BST
                at("2026-04-21T16:00:00Z"),
                // the group manager (safeguarding and independent review) discusses with the operational group manager
                List.of(told("irs-hos", "RESPONDER"), told("hos-children", "CHILDS_HEAD_OF_SERVICE"),
                        told("cpc-1", "RAISER"), told("irs-sm", "PREVIOUS_RESPONDER"))));

        // Stage 3 of the seed: the discussion is not recorded by Wed 22 Apr; the CPC progresses it at the deadline
        assertThat(Rung.of(walk.missed(4, at("2026-04-22T16:00:00Z")))).isEqualTo(new Rung(5,
                responder("irs-hos", "HEAD_OF_SERVICE"),
                // day 0 Wed 22 Apr; Thu 23 (1), Fri 24 (2), Mon 27 (3), Tue 28 (4), Wed 29 (5) -> 17:00 BST = 16:00Z
                at("2026-04-29T16:00:00Z"),
                // Tue 28 Apr 17:00 BST
                at("2026-04-28T16:00:00Z"),
                // the group manager with the Service Director; the operational group manager is kept informed
                List.of(told("irs-hos", "RESPONDER"),
                        told("hos-children", "CHILDS_HEAD_OF_SERVICE"),
                        told("sd-children", "CHILDS_SERVICE_DIRECTOR"), told("cpc-1", "RAISER"))));

        // The final stage's deadline passes: no higher rung, so the ladder is exhausted. The raiser, their line,
        // the responder and whoever heads the responder's line are told, and prompted to the seed's next route.
        DeadlineMissed exhausted = walk.finalDeadlinePasses(5, at("2026-04-29T16:00:00Z"));
        assertThat(exhausted.nextRoute()).isEqualTo(NextRoute.NONE);
        assertThat(exhausted.recipients()).containsExactly(told("cpc-1", "RAISER"),
                told("irs-tm", "RAISERS_TEAM_MANAGER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                Recipient.of("irs-hos", List.of(RecipientReason.RAISERS_HEAD_OF_SERVICE, RecipientReason.RESPONDER)),
                told("dcs", "TOP_OF_RESPONDERS_LINE"));
    }

    /**
     * An urgent alert enters at stage 2 (the 24-hour stage). Raised at 10:00 GMT on Saturday 28 March 2026, its 24
     * elapsed hours span the clocks going forward at 01:00Z on Sunday 29 March and end at 11:00 London time on the
     * Sunday: not a working day, so 11:00 London time on Monday.
     */
    @Test
    void anUrgentAlertsTwentyFourHoursEndingOnASundayEndAtTheSameLondonTimeOnMonday() {
        MutableClock clock = new MutableClock(at("2026-03-28T10:00:00Z"));
        AlertRaised raised = LadderWalk.onlyEvent(LadderWalk.fixture(PRESET, clock).givenNoPriorActivity()
                .when(LadderWalk.raiseCommand(CPC, DemoDirectory.NORTH, PlanType.CHILD_PROTECTION, Urgency.URGENT)),
                AlertRaised.class);

        assertThat(Rung.of(raised)).isEqualTo(new Rung(2, responder("irs-sm", "SERVICE_MANAGER"),
                // Sat 28 Mar 10:00Z + 24 h -> Sun 29 Mar 10:00Z (11:00 BST, the clocks went forward), a Sunday: the
                // same London time on Monday -> Mon 30 Mar 11:00 BST = 10:00Z
                at("2026-03-30T10:00:00Z"),
                // four hours before -> Mon 30 Mar 06:00Z (07:00 BST)
                at("2026-03-30T06:00:00Z"),
                List.of(told("irs-sm", "RESPONDER"), told("sm-north", "CHILDS_SERVICE_MANAGER"))));
    }
}
