package org.practicealerts.alert.domain;

import java.util.Set;
import java.util.stream.Collectors;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Role;

/**
 * A procedure in force in this council and whom it applies to: the officers who raise under it and the plan types
 * of the children it covers. An empty set means every raiser, or every plan type.
 */
public record ActiveProcedure(Policy policy, Set<Role> raisers, Set<PlanType> planTypes) {

    public ActiveProcedure {
        raisers = Set.copyOf(raisers);
        planTypes = Set.copyOf(planTypes);
    }

    /** The procedure for everyone: what a council running a single procedure has. */
    public static ActiveProcedure forEveryone(Policy policy) {
        return new ActiveProcedure(policy, Set.of(), Set.of());
    }

    public String id() {
        return policy.id();
    }

    public boolean acceptsRaiser(Role role) {
        return raisers.isEmpty() || raisers.contains(role);
    }

    public boolean acceptsPlanType(PlanType planType) {
        return planTypes.isEmpty() || planTypes.contains(planType);
    }

    /** For a person choosing: {@code seed-000-cpc-urgent-practice (raised by CPC, for CHILD_PROTECTION)}. */
    public String describe() {
        return id() + " (raised by " + (raisers.isEmpty() ? "any officer" : sorted(raisers)) + ", for "
                + (planTypes.isEmpty() ? "any plan type" : sorted(planTypes)) + ")";
    }

    private static String sorted(Set<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
    }
}
