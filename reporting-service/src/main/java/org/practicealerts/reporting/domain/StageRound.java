package org.practicealerts.reporting.domain;

import java.time.Instant;
import org.practicealerts.events.Assignment;

/**
 * One turn at a stage: entered (raised, escalated, re-opened, or further actions asked for), a responder assigned
 * with a due instant, and perhaps answered. Mutable, owned by its {@link AlertRecord}.
 */
public final class StageRound {
    final int stage;
    final Instant enteredAt;
    /** RAISED, ESCALATED, REOPENED or FURTHER_ACTIONS. */
    final String entry;
    String responderId;
    String responderRole;
    /** The absent manager the responder answers for, when a cover applies. */
    String coverFor;
    Instant dueAt;
    Instant respondedAt;
    String respondedBy;
    Boolean onTime;
    /** How the round ended without a response: DEADLINE_MISSED, RESPONSE_INADEQUATE, BYPASS, CLOSED; or null. */
    String leftBy;
    Instant leftAt;
    /** The round's deadline passed and the alert stayed: RAISER_TO_PROGRESS or LADDER_EXHAUSTED; or null. */
    String missed;
    Instant missedAt;

    StageRound(int stage, Instant enteredAt, String entry, Assignment responder, Instant dueAt) {
        this.stage = stage;
        this.enteredAt = enteredAt;
        this.entry = entry;
        assign(responder);
        this.dueAt = dueAt;
    }

    void assign(Assignment responder) {
        this.responderId = responder == null ? null : responder.personId();
        this.responderRole = responder == null ? null : responder.role();
        this.coverFor = responder == null ? null : responder.coverFor();
    }

    public int stage() { return stage; }
    public Instant enteredAt() { return enteredAt; }
    public String entry() { return entry; }
    public String responderId() { return responderId; }
    public String responderRole() { return responderRole; }
    public Instant dueAt() { return dueAt; }
    public Instant respondedAt() { return respondedAt; }
    public String respondedBy() { return respondedBy; }
    public Boolean onTime() { return onTime; }
    public String leftBy() { return leftBy; }
    public Instant leftAt() { return leftAt; }
    public String missed() { return missed; }
    public Instant missedAt() { return missedAt; }

    /** The missed-deadline outcome recorded by {@code at}, or null. */
    public String missedBy(Instant at) {
        return missedAt != null && !missedAt.isAfter(at) ? missed : null;
    }

    /** Whether a response was recorded by {@code at}. */
    public boolean answeredBy(Instant at) {
        return respondedAt != null && !respondedAt.isAfter(at);
    }

    /** Whether the round still waited for a response at {@code at} (entered, not answered, not left). */
    public boolean awaitingAt(Instant at) {
        return !enteredAt.isAfter(at) && !answeredBy(at) && (leftAt == null || leftAt.isAfter(at));
    }
}
