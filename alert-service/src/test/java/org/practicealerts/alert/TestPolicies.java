package org.practicealerts.alert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.practicealerts.alert.domain.PolicyCatalogue;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.events.PolicyRef;

/** Presets as a catalogue, and a planner over the demo council with England and Wales bank holidays. */
public final class TestPolicies implements PolicyCatalogue {

    public static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.englandAndWales(2018, 2032,
            java.util.List.of());

    private final Policy active;
    private final Map<PolicyRef, Policy> all = new ConcurrentHashMap<>();

    public TestPolicies(String activePreset) {
        this.active = PolicyLoader.preset(activePreset);
        PolicyLoader.PRESETS.forEach(p -> {
            Policy policy = PolicyLoader.preset(p);
            all.put(policy.ref(), policy);
        });
    }

    public static StagePlanner planner(String preset, InMemoryDirectory directory) {
        return new StagePlanner(new TestPolicies(preset), directory, () -> CALENDAR);
    }

    @Override
    public Policy active() {
        return active;
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
