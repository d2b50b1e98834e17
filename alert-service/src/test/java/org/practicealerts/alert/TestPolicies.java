package org.practicealerts.alert;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.practicealerts.alert.domain.ActiveProcedure;
import org.practicealerts.alert.domain.PolicyCatalogue;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.events.PolicyRef;

/** Presets as a catalogue, and a planner over the demo council with England and Wales bank holidays. */
public final class TestPolicies implements PolicyCatalogue {

    public static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales(2018, 2032,
            List.of());

    private final List<ActiveProcedure> procedures;
    private final Map<PolicyRef, Policy> all = new ConcurrentHashMap<>();

    /** One preset in force, for everyone. */
    public TestPolicies(String activePreset) {
        this(List.of(ActiveProcedure.forEveryone(PolicyLoader.preset(activePreset))));
    }

    /** Several procedures side by side; every preset's version is known, as if each had been used before. */
    public TestPolicies(List<ActiveProcedure> procedures) {
        this.procedures = List.copyOf(procedures);
        PolicyLoader.PRESETS.forEach(p -> {
            Policy policy = PolicyLoader.preset(p);
            all.put(policy.ref(), policy);
        });
        procedures.forEach(p -> all.put(p.policy().ref(), p.policy()));
    }

    public static StagePlanner planner(String preset, InMemoryDirectory directory) {
        return new StagePlanner(new TestPolicies(preset), directory, () -> CALENDAR);
    }

    @Override
    public List<ActiveProcedure> procedures() {
        return procedures;
    }

    @Override
    public Policy get(PolicyRef ref) {
        Policy p = all.get(ref);
        if (p == null) {
            throw new IllegalStateException("unknown policy " + ref);
        }
        return p;
    }
}
