package org.practicealerts.alert.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * Now, to the millisecond: every instant the alert records is stored (MongoDB, JSON) and compared later (the
     * deadline fences), so it must survive a round trip through a millisecond-precision store unchanged.
     */
    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    public String nextEventId() {
        return eventIds.get();
    }
}
