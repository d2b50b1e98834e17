package org.practicealerts.escalation.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The escalation service's settings, validated at start-up.
 */
@Validated
@ConfigurationProperties("practice-alerts.escalation")
public record EscalationProperties(@Valid @NotNull Sweep sweep) {

    /**
     * @param workers      sweeper threads per instance
     * @param lease        how long a claim holds before another instance may take the deadline over
     * @param maxIdleWait  the longest a sweeper waits between looks when nothing is due (the firing precision bound
     *                     when the schedule changes under it, e.g. when the simulated clock jumps)
     * @param instanceId   names this instance's claims; defaults to host and process id
     * @param lookAhead    how long before their instant deadlines are claimed, so that a burst's claim is done when
     *                     it falls due and its commands go out at the instant (never before it); zero claims at the
     *                     instant
     */
    public record Sweep(@Min(1) int workers, @NotNull Duration lease, @NotNull Duration maxIdleWait, String instanceId,
                        @NotNull Duration lookAhead) {
    }

}
