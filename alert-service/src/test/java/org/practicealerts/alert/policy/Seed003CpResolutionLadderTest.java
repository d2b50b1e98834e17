package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.alert.policy.LadderWalk.CPC;
import static org.practicealerts.alert.policy.LadderWalk.at;
import static org.practicealerts.alert.policy.LadderWalk.responder;
import static org.practicealerts.alert.policy.LadderWalk.told;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.alert.policy.LadderWalk.Rung;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;

/**
 * Seed 003, the Child Protection resolution process: team manager, service manager, head of service, service
 * director, five working days each (day 0 = the day the alert reaches the stage; due 17:00 London), before a
 * referral to the Safeguarding Children Partnership. Every instant below is worked out by hand.
 */
class Seed003CpResolutionLadderTest {

    static final String PRESET = "seed-003-cp-resolution";

    /**
     * Raised on Thursday 23 December 2027 for a child on a protection plan. Christmas Day 2027 is a Saturday and
     * Boxing Day a Sunday, so the substitute days are Monday 27 and Tuesday 28 December; New Year's Day 2028 is a
     * Saturday, so its substitute is Monday 3 January 2028. All in GMT: 17:00 London is 17:00Z.
     */
    @Test
    void anUnansweredAlertRaisedBeforeChristmas2027SkipsAllThreeSubstituteDays() {
        LadderWalk walk = LadderWalk.of(PRESET, CPC, DemoDirectory.SOUTH, PlanType.CHILD_PROTECTION,
                at("2027-12-23T10:00:00Z"));

        AlertRaised raised = walk.raise();
        assertThat(Rung.of(raised)).isEqualTo(new Rung(1,
                // tm-south's cover ended on 1 Jan 2027: they answer themselves
                responder("tm-south", "TEAM_MANAGER"),
                // day 0 Thu 23 Dec; Fri 24 (1), [Sat 25, Sun 26, Mon 27 + Tue 28 substitutes], Wed 29 (2),
                // Thu 30 (3), Fri 31 (4), [Sat 1, Sun 2, Mon 3 Jan substitute], Tue 4 Jan (5) -> 17:00 GMT
                at("2028-01-04T17:00:00Z"),
                // one working day before Tue 4 Jan, stepping back over Mon 3 Jan and the weekend -> Fri 31 Dec
                at("2027-12-31T17:00:00Z"),
                List.of(told("tm-south", "RESPONDER"))));
        // the 20 working day total is for looked-after children only
        assertThat(raised.statutoryDueAt()).isNull();

        // tm-south is away Wed 29 and Thu 30 Dec, mid-stage: the duty team manager answers until they are back
        walk.absenceMidStage("tm-south", "tm-duty", LocalDate.of(2027, 12, 29), LocalDate.of(2027, 12, 30));

        assertThat(Rung.of(walk.missed(1, at("2028-01-04T17:00:00Z")))).isEqualTo(new Rung(2,
                responder("sm-south", "SERVICE_MANAGER"),
                // day 0 Tue 4 Jan; Wed 5 (1), Thu 6 (2), Fri 7 (3), Mon 10 (4), Tue 11 (5) -> 17:00 GMT
                at("2028-01-11T17:00:00Z"),
                // Mon 10 Jan 17:00 GMT
                at("2028-01-10T17:00:00Z"),
                // the previous responder is told once, as the child's team manager (the stage names them) and as
                // the previous responder
                List.of(told("sm-south", "RESPONDER"), told("tm-south", "CHILDS_TEAM_MANAGER", "PREVIOUS_RESPONDER"),
                        told("cpc-1", "RAISER"))));

        assertThat(Rung.of(walk.missed(2, at("2028-01-11T17:00:00Z")))).isEqualTo(new Rung(3,
                responder("hos-children", "HEAD_OF_SERVICE"),
                // day 0 Tue 11 Jan; Wed 12, Thu 13, Fri 14, Mon 17, Tue 18 (5) -> 17:00 GMT
                at("2028-01-18T17:00:00Z"),
                // Mon 17 Jan 17:00 GMT
                at("2028-01-17T17:00:00Z"),
                // "The Heads of Service (from A & I and CPRU) should be informed": the chair's head of service too
                List.of(told("hos-children", "RESPONDER"),
                        told("sm-south", "CHILDS_SERVICE_MANAGER", "PREVIOUS_RESPONDER"),
                        told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("cpc-1", "RAISER"))));

        assertThat(Rung.of(walk.missed(3, at("2028-01-18T17:00:00Z")))).isEqualTo(new Rung(4,
                responder("sd-children", "SERVICE_DIRECTOR"),
                // day 0 Tue 18 Jan; Wed 19, Thu 20, Fri 21, Mon 24, Tue 25 (5) -> 17:00 GMT
                at("2028-01-25T17:00:00Z"),
                // Mon 24 Jan 17:00 GMT
                at("2028-01-24T17:00:00Z"),
                List.of(told("sd-children", "RESPONDER"),
                        told("hos-children", "CHILDS_HEAD_OF_SERVICE", "PREVIOUS_RESPONDER"),
                        told("cpc-1", "RAISER"))));

        // beyond the service director the procedure refers to the partnership; the scheduler does not escalate
        // The final stage's deadline passes: no higher rung, so the ladder is exhausted. The raiser, their line,
        // the responder and whoever heads the responder's line are told, and prompted to the seed's next route.
        DeadlineMissed exhausted = walk.finalDeadlinePasses(4, at("2028-01-25T17:00:00Z"));
        assertThat(exhausted.nextRoute()).isEqualTo(NextRoute.SAFEGUARDING_PARTNERSHIP);
        assertThat(exhausted.recipients()).containsExactly(told("cpc-1", "RAISER"),
                told("irs-tm", "RAISERS_TEAM_MANAGER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                told("irs-hos", "RAISERS_HEAD_OF_SERVICE"), told("sd-children", "RESPONDER"),
                told("dcs", "TOP_OF_RESPONDERS_LINE"));
    }
}
