package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/**
 * A stage's response deadline passed and the alert did not move up by itself: either the procedure has its raiser
 * progress it ({@link Outcome#RAISER_TO_PROGRESS}: the raiser is told and escalates, or not, and the missed deadline
 * is shown in the weekly pack until they do), or it was the final stage ({@link Outcome#LADDER_EXHAUSTED}: there is
 * no higher rung, so the raiser, their managers and the top of the responder's line are told and prompted to the
 * procedure's next route). The alert still awaits a response at the same stage.
 *
 * @param dueAt     the deadline that passed
 * @param nextRoute what the procedure names after its final stage ({@link NextRoute#NONE} unless exhausted)
 */
public record DeadlineMissed(String eventId, String alertId, Instant occurredAt, int schemaVersion, int stage,
                             Instant dueAt, Outcome outcome, NextRoute nextRoute, List<Recipient> recipients)
        implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    /** What the missed deadline means under the alert's procedure. */
    public enum Outcome { RAISER_TO_PROGRESS, LADDER_EXHAUSTED }

    public DeadlineMissed {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        nextRoute = nextRoute == null ? NextRoute.NONE : nextRoute;
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
