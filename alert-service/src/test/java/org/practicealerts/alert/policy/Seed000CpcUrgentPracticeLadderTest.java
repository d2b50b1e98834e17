package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.alert.policy.LadderWalk.CPC;
import static org.practicealerts.alert.policy.LadderWalk.at;
import static org.practicealerts.alert.policy.LadderWalk.responder;
import static org.practicealerts.alert.policy.LadderWalk.told;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.alert.policy.LadderWalk.Rung;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.Urgency;

/**
 * Seed 000, the CPC procedure for urgent practice issues: the team manager has up to 10 working days; then the
 * service managers make contact within 24 hours (clock hours, not working days); then a professionals meeting
 * within 7 working days; then the Service Director within 5 working days. Working-day stages count from day 0 =
 * the day the alert reaches the stage and fall due at 17:00 London. Every instant below is worked out by hand.
 */
class Seed000CpcUrgentPracticeLadderTest {

    static final String PRESET = "seed-000-cpc-urgent-practice";

    /**
     * Raised on Friday 13 March 2026. The team manager's ten days end on a Friday, so the 24 hours would end on
     * Saturday: under this procedure they end on Monday instead (it never escalates on a weekend). The CPC progresses
     * each missed deadline (the walk has them do so at the deadline). The professionals meeting stage then counts
     * across Easter (Good Friday 3 April, Easter Monday 6 April); from Sunday 29 March, 17:00 London is 16:00Z.
     */
    @Test
    void anUnansweredAlertClimbsTenWorkingDaysThen24ClockHoursThenSevenAndFiveWorkingDaysOverEasterAndTheClockChange() {
        LadderWalk walk = LadderWalk.of(PRESET, CPC, DemoDirectory.NORTH, PlanType.CHILD_PROTECTION,
                at("2026-03-13T09:00:00Z"));

        AlertRaised raised = walk.raise();
        assertThat(Rung.of(raised)).isEqualTo(new Rung(1, responder("tm-north", "TEAM_MANAGER"),
                // day 0 Fri 13 Mar; Mon 16 .. Fri 20 (5), Mon 23 .. Fri 27 (10) -> Fri 27 Mar 17:00 GMT
                at("2026-03-27T17:00:00Z"),
                // one working day before Fri 27 Mar -> Thu 26 Mar 17:00 GMT
                at("2026-03-26T17:00:00Z"),
                List.of(told("tm-north", "RESPONDER"))));
        // the 20 working day total is for looked-after children only
        assertThat(raised.statutoryDueAt()).isNull();

        // tm-north is away Mon 16 to Wed 18 Mar, mid-stage: the duty team manager answers until they are back
        walk.absenceMidStage("tm-north", "tm-duty", LocalDate.of(2026, 3, 16), LocalDate.of(2026, 3, 18));

        assertThat(Rung.of(walk.missed(1, at("2026-03-27T17:00:00Z")))).isEqualTo(new Rung(2,
                responder("irs-sm", "SERVICE_MANAGER"),
                // 24 hours from Fri 27 Mar 17:00Z end on Sat 28 Mar: not a working day, so the same time on the next
                // working day, Mon 30 Mar 17:00 London, which is BST from Sun 29 -> 16:00Z. Never on a weekend.
                at("2026-03-30T16:00:00Z"),
                // four clock hours before -> Mon 30 Mar 12:00Z (13:00 BST)
                at("2026-03-30T12:00:00Z"),
                // the chair service's service manager contacts the child's service manager
                List.of(told("irs-sm", "RESPONDER"), told("sm-north", "CHILDS_SERVICE_MANAGER"),
                        told("cpc-1", "RAISER"), told("tm-north", "PREVIOUS_RESPONDER"))));

        assertThat(Rung.of(walk.missed(2, at("2026-03-30T16:00:00Z")))).isEqualTo(new Rung(3,
                responder("irs-sm", "SERVICE_MANAGER"),
                // day 0 Mon 30 Mar; Tue 31 (1), Wed 1 Apr (2), Thu 2 (3), [Fri 3 Good Friday, weekend, Mon 6 Easter
                // Monday], Tue 7 (4), Wed 8 (5), Thu 9 (6), Fri 10 (7) -> Fri 10 Apr 17:00 BST = 16:00Z
                at("2026-04-10T16:00:00Z"),
                // one working day before Fri 10 Apr -> Thu 9 Apr 17:00 BST
                at("2026-04-09T16:00:00Z"),
                // the professionals meeting, chaired by the chair service's service manager: those who attend are told
                List.of(told("irs-sm", "RESPONDER"), told("sm-north", "CHILDS_SERVICE_MANAGER"),
                        told("tm-north", "CHILDS_TEAM_MANAGER"), told("cpc-1", "RAISER"))));

        assertThat(Rung.of(walk.missed(3, at("2026-04-10T16:00:00Z")))).isEqualTo(new Rung(4,
                responder("irs-hos", "HEAD_OF_SERVICE"),
                // day 0 Fri 10 Apr; Mon 13 (1), Tue 14 (2), Wed 15 (3), Thu 16 (4), Fri 17 (5) -> 17:00 BST = 16:00Z
                at("2026-04-17T16:00:00Z"),
                // Thu 16 Apr 17:00 BST
                at("2026-04-16T16:00:00Z"),
                // the group manager (safeguarding and independent review) with the Service Director and the
                // operational group manager
                List.of(told("irs-hos", "RESPONDER"), told("sd-children", "CHILDS_SERVICE_DIRECTOR"),
                        told("hos-children", "CHILDS_HEAD_OF_SERVICE"), told("cpc-1", "RAISER"),
                        told("irs-sm", "PREVIOUS_RESPONDER"))));

        // The final stage's deadline passes: no higher rung, so the ladder is exhausted. The raiser, their line,
        // the responder and whoever heads the responder's line are told, and prompted to the seed's next route.
        DeadlineMissed exhausted = walk.finalDeadlinePasses(4, at("2026-04-17T16:00:00Z"));
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
