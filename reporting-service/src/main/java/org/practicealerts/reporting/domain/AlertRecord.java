package org.practicealerts.reporting.domain;

import org.practicealerts.access.AlertVisibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;
import org.practicealerts.reporting.api.ChronologyEntry;

/**
 * Everything the reports know about one alert, folded from its events. Mutable; only {@link Projection} changes it.
 * Keeps the dated history (status changes, stage rounds, escalations) so a report "as of" a past date sees the alert
 * as it then stood.
 */
public final class AlertRecord {

    /** A status from an instant on. */
    public record StatusChange(Instant at, AlertStatus status) {
    }

    /** A move up the stages. {@code reason}: RESPONSE_INADEQUATE, BYPASS, DEADLINE_MISSED or REOPENED. */
    public record Escalation(Instant at, int fromStage, int toStage, String reason) {
        /** A bypass skips at least one stage, or is declared one. */
        public boolean bypass() {
            return "BYPASS".equals(reason) || toStage - fromStage > 1;
        }
    }

    final String alertId;
    String reference;
    String childRef;
    PlanType planType;
    String teamId;
    String raisedBy;
    /** The child's allocated social worker, when the raiser named them. */
    String socialWorkerId;
    String raiserRole;
    String primaryCategory;
    List<String> categories = List.of();
    Urgency urgency;
    boolean competenceConcern;
    /** Everyone a reassignment ever handed the alert to (stage rounds keep only the latest responder). */
    final Set<String> assigned = new HashSet<>();
    String externalAgency;
    boolean informalFirst;
    Instant raisedAt;
    /** The latest event's instant: lets period reports skip alerts quiet since before the period. */
    Instant lastEventAt;
    int entryStage;
    boolean enteredByBypass;
    int stage;
    int stageReached;
    String outcome;
    boolean resolvedAfterReview;
    Instant closedAt;
    int reopens;
    LocalDate cafcassReferredOn;
    Instant cafcassReferredAt;
    Instant partnershipReferredAt;
    Instant statutoryDueAt;
    Instant statutoryExceededAt;
    final List<StatusChange> statusHistory = new ArrayList<>(3);
    final List<StageRound> rounds = new ArrayList<>(2);
    final List<Escalation> escalations = new ArrayList<>(1);
    final List<ChronologyEntry> chronology = new ArrayList<>(6);

    AlertRecord(String alertId) {
        this.alertId = alertId;
    }

    public String alertId() { return alertId; }
    public String reference() { return reference; }
    public String childRef() { return childRef; }
    public PlanType planType() { return planType; }
    public String teamId() { return teamId; }
    public String raisedBy() { return raisedBy; }
    public String raiserRole() { return raiserRole; }
    public String primaryCategory() { return primaryCategory; }
    public List<String> categories() { return Collections.unmodifiableList(categories); }
    public Urgency urgency() { return urgency; }
    public boolean competenceConcern() { return competenceConcern; }
    public String externalAgency() { return externalAgency; }
    public boolean informalFirst() { return informalFirst; }
    public Instant raisedAt() { return raisedAt; }
    public Instant lastEventAt() { return lastEventAt; }
    public int entryStage() { return entryStage; }
    public int stage() { return stage; }
    public int stageReached() { return stageReached; }
    public String outcome() { return outcome; }
    public boolean resolvedAfterReview() { return resolvedAfterReview; }
    public Instant closedAt() { return closedAt; }
    public int reopens() { return reopens; }
    public LocalDate cafcassReferredOn() { return cafcassReferredOn; }
    public Instant cafcassReferredAt() { return cafcassReferredAt; }
    public Instant partnershipReferredAt() { return partnershipReferredAt; }
    public Instant statutoryDueAt() { return statutoryDueAt; }
    public Instant statutoryExceededAt() { return statutoryExceededAt; }
    public List<StatusChange> statusHistory() { return Collections.unmodifiableList(statusHistory); }
    public List<StageRound> rounds() { return Collections.unmodifiableList(rounds); }
    public List<Escalation> escalations() { return Collections.unmodifiableList(escalations); }
    public List<ChronologyEntry> chronology() { return Collections.unmodifiableList(chronology); }

    public AlertStatus status() {
        return statusHistory.isEmpty() ? AlertStatus.OPEN : statusHistory.get(statusHistory.size() - 1).status();
    }

    /** The status at an instant, or null if not yet raised then. */
    public AlertStatus statusAt(Instant at) {
        AlertStatus s = null;
        for (StatusChange c : statusHistory) {
            if (c.at().isAfter(at)) {
                break;
            }
            s = c.status();
        }
        return s;
    }

    /** The latest round entered by {@code at}, or null. */
    public StageRound roundAt(Instant at) {
        StageRound r = null;
        for (StageRound round : rounds) {
            if (round.enteredAt.isAfter(at)) {
                break;
            }
            r = round;
        }
        return r;
    }

    public StageRound currentRound() {
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }

    /** Bypasses: an entry above stage 1 with a reason, and every escalation that skipped or bypassed a stage. */
    public int bypasses() {
        int n = enteredByBypass ? 1 : 0;
        for (Escalation e : escalations) {
            if (e.bypass()) {
                n++;
            }
        }
        return n;
    }

    /** The facts the visibility rule asks about: raiser, team, everyone assigned or covered for, the restriction. */
    public AlertVisibility.Alert visibilityFacts() {
        Set<String> involved = new HashSet<>(assigned);
        for (StageRound r : rounds) {
            for (String p : new String[] {r.responderId, r.respondedBy, r.coverFor}) {
                if (p != null) {
                    involved.add(p);
                }
            }
        }
        return new AlertVisibility.Alert(raisedBy, teamId, involved, competenceConcern, socialWorkerId);
    }
}
