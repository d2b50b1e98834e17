package org.practicealerts.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;

/** Who raises in which role, and the stage an alert enters, one row per case. CRO procedure (seed 002). */
class RaisingPolicyTest {

    static final Policy CRO_PROCEDURE = PolicyLoader.preset("seed-002-cro-practice-alert");
    static final PolicyCatalogue ONE_PROCEDURE = new TestPolicies("seed-002-cro-practice-alert");

    @ParameterizedTest(name = "{0} raises as {1}")
    @CsvSource({"CPC, CPC", "IRO, IRO", "CRO, CRO", "IRO CPC, IRO", "CRO IRO CPC, CRO"})
    void raisesInTheMostSpecificOfficersRole(String roles, String raisedAs) {
        assertThat(RaisingPolicy.choose(ONE_PROCEDURE, new Actor("officer", Set.of(roles.split(" "))), null,
                PlanType.CHILD_WE_CARE_FOR, null).raiserRole().name()).isEqualTo(raisedAs);
    }

    @Test
    void refusesAnyoneWhoIsNotAnIndependentOfficer() {
        AlertRefused refused = catchThrowableOfType(AlertRefused.class,
                () -> RaisingPolicy.choose(ONE_PROCEDURE, new Actor("sm", Set.of("SERVICE_MANAGER")), null,
                        PlanType.CHILD_WE_CARE_FOR, null));
        assertThat(refused.kind()).isEqualTo(AlertRefused.Kind.NOT_PERMITTED);
    }

    @ParameterizedTest(name = "startStage {0}, urgency {1} enters at stage {2}")
    @CsvSource(nullValues = "-", value = {
            "-, -, 1", "-, ROUTINE, 1", "-, URGENT, 2", "-, IMMEDIATE_RISK, 2", "3, -, 3", "3, URGENT, 3", "4, -, 4"})
    void entersAtTheRequestedStageOrTheUrgentEntryStageIfHigher(Integer startStage, Urgency urgency, int stage) {
        String reason = startStage == null ? null : "serious";
        assertThat(RaisingPolicy.entryStage(CRO_PROCEDURE, new RaiseAlert.Routing(startStage, reason, urgency)))
                .isEqualTo(stage);
    }
}
