package org.practicealerts.alert.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What the aggregate needs from outside, injected into its command handlers: the planner (policy, directory,
 * calendar), the clock and the source of event ids.
 */
public record AlertContext(StagePlanner planner, Clock clock, Supplier<String> eventIds) {

    public static AlertContext of(StagePlanner planner, Clock clock) {
        return new AlertContext(planner, clock, () -> UUID.randomUUID().toString());
    }

    public Instant now() {
        return clock.instant();
    }

    public String nextEventId() {
        return eventIds.get();
    }
}
