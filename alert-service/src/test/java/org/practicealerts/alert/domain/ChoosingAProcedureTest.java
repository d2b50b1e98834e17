package org.practicealerts.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Role;

/**
 * A council running the CP chairs' urgent-practice procedure (seed 000, CPCs on child protection plans) beside the
 * reviewing officers' procedure (seed 002, CROs and IROs on any plan): which one a raise falls under.
 */
class ChoosingAProcedureTest {

    static final String URGENT_PRACTICE = "seed-000-cpc-urgent-practice";
    static final String CRO_ALERT = "seed-002-cro-practice-alert";
    static final PolicyCatalogue SIDE_BY_SIDE = new TestPolicies(List.of(
            new ActiveProcedure(PolicyLoader.preset(URGENT_PRACTICE), Set.of(Role.CPC), Set.of(PlanType.CHILD_PROTECTION)),
            new ActiveProcedure(PolicyLoader.preset(CRO_ALERT), Set.of(Role.CRO, Role.IRO), Set.of())));

    static final Actor CPC = new Actor("cpc-1", Set.of("CPC"));
    static final Actor IRO = new Actor("iro-1", Set.of("IRO"));
    static final Actor CPC_AND_IRO = new Actor("both", Set.of("CPC", "IRO"));

    @ParameterizedTest(name = "{0} for {1} falls under {2} as {3}")
    @CsvSource({
            "cpc-1, CHILD_PROTECTION, seed-000-cpc-urgent-practice, CPC",
            "iro-1, CHILD_WE_CARE_FOR, seed-002-cro-practice-alert, IRO",
            "iro-1, CHILD_PROTECTION, seed-002-cro-practice-alert, IRO"})
    void aRaiseWithoutAProcedureGetsTheOneThatApplies(String raiser, PlanType planType, String procedure, Role role) {
        Actor actor = raiser.equals("cpc-1") ? CPC : IRO;
        RaisingPolicy.Choice choice = RaisingPolicy.choose(SIDE_BY_SIDE, actor, null, planType, null);
        assertThat(choice.policy().id()).isEqualTo(procedure);
        assertThat(choice.raiserRole()).isEqualTo(role);
    }

    @Test
    void aPersonBothProceduresApplyToMustNameOneAndIsToldTheChoices() {
        AlertRefused refused = catchThrowableOfType(AlertRefused.class,
                () -> RaisingPolicy.choose(SIDE_BY_SIDE, CPC_AND_IRO, null, PlanType.CHILD_PROTECTION, null));
        assertThat(refused.kind()).isEqualTo(AlertRefused.Kind.INVALID);
        assertThat(refused.field()).isEqualTo("procedure");
        assertThat(refused.getMessage()).contains("more than one procedure applies", URGENT_PRACTICE, CRO_ALERT);
    }

    @Test
    void namingAProcedureSettlesTheChoiceAndRaisesInTheRoleItAccepts() {
        RaisingPolicy.Choice choice = RaisingPolicy.choose(SIDE_BY_SIDE, CPC_AND_IRO, URGENT_PRACTICE,
                PlanType.CHILD_PROTECTION, null);
        assertThat(choice.policy().id()).isEqualTo(URGENT_PRACTICE);
        assertThat(choice.raiserRole()).isEqualTo(Role.CPC);
    }

    @Test
    void aRaiseNoProcedureAppliesToIsRefusedNamingThoseInForce() {
        AlertRefused refused = catchThrowableOfType(AlertRefused.class,
                () -> RaisingPolicy.choose(SIDE_BY_SIDE, CPC, null, PlanType.CHILD_WE_CARE_FOR, null));
        assertThat(refused.field()).isEqualTo("procedure");
        assertThat(refused.getMessage()).contains("no procedure in force applies to an alert raised by CPC for "
                + "CHILD_WE_CARE_FOR", URGENT_PRACTICE + " (raised by CPC, for CHILD_PROTECTION)");
    }

    @Test
    void aNamedProcedureThatDoesNotApplyOrIsNotInForceIsRefused() {
        assertThat(catchThrowableOfType(AlertRefused.class,
                () -> RaisingPolicy.choose(SIDE_BY_SIDE, IRO, URGENT_PRACTICE, PlanType.CHILD_PROTECTION, null))
                .getMessage()).contains("does not apply to an alert raised by IRO for CHILD_PROTECTION");
        assertThat(catchThrowableOfType(AlertRefused.class,
                () -> RaisingPolicy.choose(SIDE_BY_SIDE, IRO, "seed-001-case-alert", PlanType.CHILD_PROTECTION, null))
                .getMessage()).contains("seed-001-case-alert is not in force");
    }
}
