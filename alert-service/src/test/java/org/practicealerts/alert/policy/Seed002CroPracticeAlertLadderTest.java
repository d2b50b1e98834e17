package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.alert.policy.LadderWalk.CRO;
import static org.practicealerts.alert.policy.LadderWalk.at;
import static org.practicealerts.alert.policy.LadderWalk.responder;
import static org.practicealerts.alert.policy.LadderWalk.told;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.alert.policy.LadderWalk.Rung;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;

/**
 * Seed 002, the CRO practice alert: team manager, service manager, head of service, assistant director, five
 * working days each from the moment the alert reaches the stage (day 0 = the day it arrives; due 17:00 London).
 * Every instant below is worked out by hand from the England and Wales bank holidays.
 */
class Seed002CroPracticeAlertLadderTest {

    static final String PRESET = "seed-002-cro-practice-alert";

    /**
     * Raised on Tuesday 22 December 2026 for a looked-after child in the South team, whose team manager is on leave
     * (the duty team manager covers 21 Dec – 1 Jan). The ladder crosses Christmas Day (Friday 25 Dec), the Boxing
     * Day substitute (Monday 28 Dec, Boxing Day being a Saturday), New Year's Day (Friday 1 Jan 2027) and weekends.
     * All in GMT: 17:00 London is 17:00Z.
     */
    @Test
    void anUnansweredAlertRaisedBeforeChristmasClimbsEveryStageOverTheBankHolidaysAndSubstituteDay() {
        LadderWalk walk = LadderWalk.of(PRESET, CRO, DemoDirectory.SOUTH, PlanType.CHILD_WE_CARE_FOR,
                at("2026-12-22T10:00:00Z"));

        AlertRaised raised = walk.raise();
        assertThat(Rung.of(raised)).isEqualTo(new Rung(1,
                // tm-south is on leave on 22 Dec: the duty team manager answers for them
                new Assignment("tm-duty", "TEAM_MANAGER", "tm-south"),
                // day 0 Tue 22 Dec; Wed 23 (1), Thu 24 (2), [Fri 25 Christmas, Sat, Sun, Mon 28 substitute],
                // Tue 29 (3), Wed 30 (4), Thu 31 (5) -> Thu 31 Dec 17:00 GMT
                at("2026-12-31T17:00:00Z"),
                // one working day before Thu 31 Dec -> Wed 30 Dec 17:00 GMT
                at("2026-12-30T17:00:00Z"),
                List.of(told("tm-duty", "RESPONDER"), told("tm-south", "COVERED_RESPONDER"))));
        // 20 working days from Tue 22 Dec: Dec 23, 24, 29, 30, 31 (5); Jan 4-8 (10, Fri 1 Jan is a holiday);
        // Jan 11-15 (15); Jan 18-22 (20) -> Fri 22 Jan 2027 17:00 GMT, the same instant stage 4 falls due
        assertThat(raised.statutoryDueAt()).isEqualTo(at("2027-01-22T17:00:00Z"));

        assertThat(Rung.of(walk.missed(1, at("2026-12-31T17:00:00Z")))).isEqualTo(new Rung(2,
                responder("sm-south", "SERVICE_MANAGER"),
                // day 0 Thu 31 Dec; [Fri 1 Jan New Year's Day, weekend], Mon 4 (1), Tue 5 (2), Wed 6 (3), Thu 7 (4),
                // Fri 8 (5) -> Fri 8 Jan 2027 17:00 GMT
                at("2027-01-08T17:00:00Z"),
                // one working day before Fri 8 Jan -> Thu 7 Jan 17:00 GMT
                at("2027-01-07T17:00:00Z"),
                List.of(told("sm-south", "RESPONDER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                        told("cro-1", "RAISER"), told("tm-duty", "PREVIOUS_RESPONDER"))));

        // sm-south is away Mon 4 and Tue 5 Jan, mid-stage: sm-north answers for them until they are back
        walk.absenceMidStage("sm-south", "sm-north", LocalDate.of(2027, 1, 4), LocalDate.of(2027, 1, 5));

        assertThat(Rung.of(walk.missed(2, at("2027-01-08T17:00:00Z")))).isEqualTo(new Rung(3,
                responder("hos-children", "HEAD_OF_SERVICE"),
                // day 0 Fri 8 Jan; [weekend], Mon 11 .. Fri 15 (5) -> Fri 15 Jan 17:00 GMT
                at("2027-01-15T17:00:00Z"),
                // Thu 14 Jan 17:00 GMT
                at("2027-01-14T17:00:00Z"),
                List.of(told("hos-children", "RESPONDER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                        told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("cro-1", "RAISER"),
                        told("sm-south", "PREVIOUS_RESPONDER"))));

        assertThat(Rung.of(walk.missed(3, at("2027-01-15T17:00:00Z")))).isEqualTo(new Rung(4,
                responder("ad-children", "ASSISTANT_DIRECTOR"),
                // day 0 Fri 15 Jan; Mon 18 .. Fri 22 (5) -> Fri 22 Jan 17:00 GMT
                at("2027-01-22T17:00:00Z"),
                // Thu 21 Jan 17:00 GMT
                at("2027-01-21T17:00:00Z"),
                // stage 4 also tells the raiser's assistant director (SQP) and the DCS
                List.of(told("ad-children", "RESPONDER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                        told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("ad-sqp", "RAISERS_ASSISTANT_DIRECTOR"),
                        told("dcs", "DIRECTOR"), told("cro-1", "RAISER"),
                        told("hos-children", "PREVIOUS_RESPONDER"))));

        // The final stage's deadline passes: no higher rung, so the ladder is exhausted. The raiser, their line,
        // the responder and whoever heads the responder's line are told, and prompted to the seed's next route.
        DeadlineMissed exhausted = walk.finalDeadlinePasses(4, at("2027-01-22T17:00:00Z"));
        assertThat(exhausted.nextRoute()).isEqualTo(NextRoute.NONE);
        assertThat(exhausted.recipients()).containsExactly(told("cro-1", "RAISER"),
                told("irs-tm", "RAISERS_TEAM_MANAGER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("ad-children", "RESPONDER"),
                told("dcs", "TOP_OF_RESPONDERS_LINE"));
    }

    /** The clocks go back on Sunday 25 October 2026: a stage raised in summer time and due after it is 17:00 GMT. */
    @Test
    void aStageRaisedInSummerTimeAndDueAfterTheClocksGoBackIsDueAtFivePmGmt() {
        LadderWalk walk = LadderWalk.of(PRESET, CRO, DemoDirectory.NORTH, PlanType.CHILD_WE_CARE_FOR,
                at("2026-10-20T09:00:00Z")); // 10:00 BST

        assertThat(Rung.of(walk.raise())).isEqualTo(new Rung(1, responder("tm-north", "TEAM_MANAGER"),
                // day 0 Tue 20 Oct; Wed 21 (1), Thu 22 (2), Fri 23 (3), [weekend: BST ends Sun 25],
                // Mon 26 (4), Tue 27 (5) -> Tue 27 Oct 17:00 GMT = 17:00Z
                at("2026-10-27T17:00:00Z"),
                // Mon 26 Oct 17:00 GMT
                at("2026-10-26T17:00:00Z"),
                List.of(told("tm-north", "RESPONDER"))));
    }
}
