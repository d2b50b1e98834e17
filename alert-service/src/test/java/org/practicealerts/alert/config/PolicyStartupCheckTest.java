package org.practicealerts.alert.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.practicealerts.alert.InMemoryDirectory;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.domain.StagePlanner;

class PolicyStartupCheckTest {

    @Test
    void warnsThatTheCpcUrgentPracticeLadderCanRunPastTwentyWorkingDays() {
        // 10 working days + 24 hours + 7 working days + 5 working days: about 23 working days unanswered.
        StagePlanner planner = TestPolicies.planner("seed-000-cpc-urgent-practice", InMemoryDirectory.demo());
        assertThat(new PolicyStartupCheck(planner).exceeds(planner.policies().primary()))
                .hasValueSatisfying(w -> assertThat(w).contains("seed-000-cpc-urgent-practice")
                        .contains("CHILD_WE_CARE_FOR").contains("20 working days"));
    }

    @Test
    void saysNothingWhenFourStagesOfFiveWorkingDaysFitTheTotal() {
        StagePlanner planner = TestPolicies.planner("seed-002-cro-practice-alert", InMemoryDirectory.demo());
        assertThat(new PolicyStartupCheck(planner).exceeds(planner.policies().primary())).isEmpty();
    }
}
