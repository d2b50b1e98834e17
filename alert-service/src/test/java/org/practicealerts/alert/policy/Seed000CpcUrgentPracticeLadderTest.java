package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.alert.policy.LadderWalk.CPC;
import static org.practicealerts.alert.policy.LadderWalk.at;
import static org.practicealerts.alert.policy.LadderWalk.responder;
import static org.practicealerts.alert.policy.LadderWalk.told;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.alert.policy.LadderWalk.Rung;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;
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
     * Raised on Friday 13 March 2026. The team manager's ten days end on a Friday, so the 24 hours run into
     * Saturday; the professionals meeting stage then counts from that Saturday, across the change to summer time
     * (Sunday 29 March) and Easter (Good Friday 3 April, Easter Monday 6 April). From 29 March, 17:00 London is
     * 16:00Z.
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

        assertThat(Rung.of(walk.missed(1, at("2026-03-27T17:00:00Z")))).isEqualTo(new Rung(2,
                responder("sm-north", "SERVICE_MANAGER"),
                // 24 elapsed hours from Fri 27 Mar 17:00Z, weekend or not -> Sat 28 Mar 17:00Z (still GMT)
                at("2026-03-28T17:00:00Z"),
                // four clock hours before -> Sat 28 Mar 13:00Z
                at("2026-03-28T13:00:00Z"),
                List.of(told("sm-north", "RESPONDER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                        told("cpc-1", "RAISER"), told("tm-north", "PREVIOUS_RESPONDER"))));

        assertThat(Rung.of(walk.missed(2, at("2026-03-28T17:00:00Z")))).isEqualTo(new Rung(3,
                responder("hos-children", "HEAD_OF_SERVICE"),
                // day 0 Sat 28 Mar (not a working day; BST from Sun 29); Mon 30 (1), Tue 31 (2), Wed 1 Apr (3),
                // Thu 2 (4), [Fri 3 Good Friday, weekend, Mon 6 Easter Monday], Tue 7 (5), Wed 8 (6), Thu 9 (7)
                // -> Thu 9 Apr 17:00 BST = 16:00Z
                at("2026-04-09T16:00:00Z"),
                // one working day before Thu 9 Apr -> Wed 8 Apr 17:00 BST
                at("2026-04-08T16:00:00Z"),
                List.of(told("hos-children", "RESPONDER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                        told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("cpc-1", "RAISER"),
                        told("sm-north", "PREVIOUS_RESPONDER"))));

        assertThat(Rung.of(walk.missed(3, at("2026-04-09T16:00:00Z")))).isEqualTo(new Rung(4,
                responder("sd-children", "SERVICE_DIRECTOR"),
                // day 0 Thu 9 Apr; Fri 10 (1), Mon 13 (2), Tue 14 (3), Wed 15 (4), Thu 16 (5) -> 17:00 BST = 16:00Z
                at("2026-04-16T16:00:00Z"),
                // Wed 15 Apr 17:00 BST
                at("2026-04-15T16:00:00Z"),
                List.of(told("sd-children", "RESPONDER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                        told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("cpc-1", "RAISER"),
                        told("hos-children", "PREVIOUS_RESPONDER"))));

        // The final stage's deadline passes: no higher rung, so the ladder is exhausted. The raiser, their line,
        // the responder and whoever heads the responder's line are told, and prompted to the seed's next route.
        DeadlineMissed exhausted = walk.finalDeadlinePasses(4, at("2026-04-16T16:00:00Z"));
        assertThat(exhausted.nextRoute()).isEqualTo(NextRoute.NONE);
        assertThat(exhausted.recipients()).containsExactly(told("cpc-1", "RAISER"),
                told("irs-tm", "RAISERS_TEAM_MANAGER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("sd-children", "RESPONDER"),
                told("dcs", "TOP_OF_RESPONDERS_LINE"));
    }

    /**
     * An urgent alert enters at stage 2 (the 24-hour stage). Raised at 10:00 GMT on Saturday 28 March 2026, its 24
     * hours span the clocks going forward at 01:00Z on Sunday 29 March: due 24 elapsed hours later, 10:00Z, which
     * is 11:00 on the London wall clock.
     */
    @Test
    void anUrgentAlertsTwentyFourHoursAreElapsedHoursAcrossTheChangeToSummerTime() {
        MutableClock clock = new MutableClock(at("2026-03-28T10:00:00Z"));
        AlertRaised raised = LadderWalk.onlyEvent(LadderWalk.fixture(PRESET, clock).givenNoPriorActivity()
                .when(LadderWalk.raiseCommand(CPC, DemoDirectory.NORTH, PlanType.CHILD_PROTECTION, Urgency.URGENT)),
                AlertRaised.class);

        assertThat(Rung.of(raised)).isEqualTo(new Rung(2, responder("sm-north", "SERVICE_MANAGER"),
                // Sat 28 Mar 10:00Z + 24 h -> Sun 29 Mar 10:00Z (11:00 BST)
                at("2026-03-29T10:00:00Z"),
                // four hours before -> Sun 29 Mar 06:00Z (07:00 BST)
                at("2026-03-29T06:00:00Z"),
                List.of(told("sm-north", "RESPONDER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"))));
    }
}
