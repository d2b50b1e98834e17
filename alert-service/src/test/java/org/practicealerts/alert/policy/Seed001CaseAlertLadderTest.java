package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.alert.policy.LadderWalk.IRO;
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
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;

/**
 * Seed 001, the Case Alert dispute resolution: team manager, service manager, assistant director, director, five
 * working days each (day 0 = the day the alert reaches the stage; due 17:00 London). The raiser's team manager is
 * told at every stage. Every instant below is worked out by hand.
 */
class Seed001CaseAlertLadderTest {

    static final String PRESET = "seed-001-case-alert";

    /**
     * Raised at 23:30Z on Thursday 30 April 2026, which in London (BST, UTC+1) is 00:30 on Friday 1 May: day 0 is
     * the London date, 1 May. The ladder crosses the Early May bank holiday (Monday 4 May) and the Spring bank
     * holiday (Monday 25 May). All in BST: 17:00 London is 16:00Z.
     */
    @Test
    void anUnansweredAlertRaisedJustAfterMidnightInSummerTimeCountsFromTheLondonDateOverTheMayBankHolidays() {
        LadderWalk walk = LadderWalk.of(PRESET, IRO, DemoDirectory.NORTH, PlanType.CHILD_WE_CARE_FOR,
                at("2026-04-30T23:30:00Z"));

        AlertRaised raised = walk.raise();
        assertThat(Rung.of(raised)).isEqualTo(new Rung(1, responder("tm-north", "TEAM_MANAGER"),
                // day 0 Fri 1 May (London); [weekend, Mon 4 Early May], Tue 5 (1), Wed 6 (2), Thu 7 (3), Fri 8 (4),
                // Mon 11 (5) -> Mon 11 May 17:00 BST = 16:00Z
                at("2026-05-11T16:00:00Z"),
                // one working day before Mon 11 May -> Fri 8 May 17:00 BST
                at("2026-05-08T16:00:00Z"),
                // the raiser's team manager is told by the stage and by the policy's raise list: once
                List.of(told("tm-north", "RESPONDER"), told("irs-tm", "RAISERS_TEAM_MANAGER"))));
        // 20 working days from Fri 1 May: May 5-8 (4), 11-15 (9), 18-22 (14), [Mon 25 Spring], 26-29 (18),
        // Mon 1 Jun (19), Tue 2 Jun (20) -> 17:00 BST, the same instant stage 4 falls due
        assertThat(raised.statutoryDueAt()).isEqualTo(at("2026-06-02T16:00:00Z"));

        // seed 001: "if the Team Manager is not available in this time the Duty Team Manager will take this
        // responsibility": tm-north is away Tue 5 and Wed 6 May, mid-stage
        walk.absenceMidStage("tm-north", "tm-duty", LocalDate.of(2026, 5, 5), LocalDate.of(2026, 5, 6));

        assertThat(Rung.of(walk.missed(1, at("2026-05-11T16:00:00Z")))).isEqualTo(new Rung(2,
                responder("sm-north", "SERVICE_MANAGER"),
                // day 0 Mon 11 May; Tue 12 .. Fri 15 (4), Mon 18 (5) -> 17:00 BST
                at("2026-05-18T16:00:00Z"),
                // Fri 15 May 17:00 BST
                at("2026-05-15T16:00:00Z"),
                // "escalated to Service Manager and Assistant Director level": the AD is copied in
                List.of(told("sm-north", "RESPONDER"), told("irs-tm", "RAISERS_TEAM_MANAGER"),
                        told("ad-children", "CHILDS_ASSISTANT_DIRECTOR"), told("iro-1", "RAISER"),
                        told("tm-north", "PREVIOUS_RESPONDER"))));

        assertThat(Rung.of(walk.missed(2, at("2026-05-18T16:00:00Z")))).isEqualTo(new Rung(3,
                responder("ad-children", "ASSISTANT_DIRECTOR"),
                // day 0 Mon 18 May; Tue 19 (1), Wed 20 (2), Thu 21 (3), Fri 22 (4), [weekend, Mon 25 Spring],
                // Tue 26 (5) -> 17:00 BST
                at("2026-05-26T16:00:00Z"),
                // one working day before Tue 26 May, stepping back over the bank holiday and weekend -> Fri 22 May
                at("2026-05-22T16:00:00Z"),
                List.of(told("ad-children", "RESPONDER"), told("irs-tm", "RAISERS_TEAM_MANAGER"),
                        told("irs-sm", "RAISERS_SERVICE_MANAGER"), told("iro-1", "RAISER"),
                        told("sm-north", "PREVIOUS_RESPONDER"))));

        assertThat(Rung.of(walk.missed(3, at("2026-05-26T16:00:00Z")))).isEqualTo(new Rung(4,
                // the Director of Children's Services, found up the child's team manager's line
                responder("dcs", "DIRECTOR"),
                // day 0 Tue 26 May; Wed 27, Thu 28, Fri 29, Mon 1 Jun, Tue 2 Jun (5) -> 17:00 BST
                at("2026-06-02T16:00:00Z"),
                // Mon 1 Jun 17:00 BST
                at("2026-06-01T16:00:00Z"),
                List.of(told("dcs", "RESPONDER"), told("irs-tm", "RAISERS_TEAM_MANAGER"),
                        told("irs-sm", "RAISERS_SERVICE_MANAGER"), told("iro-1", "RAISER"),
                        told("ad-children", "PREVIOUS_RESPONDER"))));

        // The final stage's deadline passes: no higher rung, so the ladder is exhausted. The raiser, their line,
        // the responder and whoever heads the responder's line are told, and prompted to the seed's next route.
        DeadlineMissed exhausted = walk.finalDeadlinePasses(4, at("2026-06-02T16:00:00Z"));
        assertThat(exhausted.nextRoute()).isEqualTo(NextRoute.DIRECTOR);
        assertThat(exhausted.recipients()).containsExactly(told("iro-1", "RAISER"),
                told("irs-tm", "RAISERS_TEAM_MANAGER"), told("irs-sm", "RAISERS_SERVICE_MANAGER"),
                told("irs-hos", "RAISERS_HEAD_OF_SERVICE"),
                // the Director answers the final stage, heads their own line and is the seed's next route: told once
                Recipient.of("dcs", List.of(RecipientReason.RESPONDER, RecipientReason.TOP_OF_RESPONDERS_LINE,
                        RecipientReason.DIRECTOR)));
    }
}
