package org.practicealerts.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;
import org.practicealerts.reporting.api.ChronologyEntry;

/**
 * Everything the reports know about one alert, folded from its events. Mutable; only {@link Projection} changes it.
 * Keeps the dated history (status changes, stage rounds, escalations) so a report "as of" a past date sees the alert
 * as it then stood.
 *
 * <p>A projection keeps a million of these, so each is laid out to be small (under a kilobyte with its share of the maps): ids shared through the
 * projection's {@link StringPool}, the history in exactly sized arrays, the chronology packed ({@link ChronologyLog})
 * and the free text out of the heap ({@link TextStore}).
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

    private static final Object[] NONE = new Object[0];
    private static final StageRound[] NO_ROUNDS = new StageRound[0];
    private static final long[] NO_IDS = new long[0];

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
    private Set<String> assigned = Set.of();
    String externalAgency;
    boolean informalFirst;
    Instant raisedAt;
    /** The latest event's instant: lets period reports skip alerts quiet since before the period. */
    Instant lastEventAt;
    int entryStage;
    boolean enteredByBypass;
    int stage;
    int stageReached;
    /** Where the outcome (sealed free text) is in the projection's {@link TextStore}; -1 for none. */
    long outcomeAt = -1;
    boolean resolvedAfterReview;
    Instant closedAt;
    int reopens;
    LocalDate cafcassReferredOn;
    Instant cafcassReferredAt;
    Instant partnershipReferredAt;
    Instant statutoryDueAt;
    Instant statutoryExceededAt;
    /** Each status change as its instant and its status, side by side in one exactly sized array. */
    private Object[] statuses = NONE;
    /** The first round, and the rest when there are more (most alerts are answered at the stage they entered). */
    private StageRound firstRound;
    private StageRound[] laterRounds = NO_ROUNDS;
    /** Empty and shared until the first move: most alerts never escalate. */
    private List<Escalation> escalations = List.of();
    /** The chronology, packed ({@link ChronologyLog}). */
    byte[] chronology = ChronologyLog.EMPTY;
    /** The UUID event ids applied to this alert, two longs each: what a redelivered event is recognised by. */
    private long[] eventIds = NO_IDS;

    AlertRecord(String alertId) {
        this.alertId = alertId;
    }

    void statusChanged(Instant at, AlertStatus status) {
        statuses = Arrays.copyOf(statuses, statuses.length + 2);
        statuses[statuses.length - 2] = at;
        statuses[statuses.length - 1] = status;
    }

    void entered(StageRound round) {
        if (firstRound == null) {
            firstRound = round;
            return;
        }
        laterRounds = Arrays.copyOf(laterRounds, laterRounds.length + 1);
        laterRounds[laterRounds.length - 1] = round;
    }

    void assigned(String personId) {
        if (assigned.isEmpty()) {
            assigned = new HashSet<>(2);
        }
        assigned.add(personId);
    }

    void escalated(Escalation e) {
        if (escalations.isEmpty()) {
            escalations = new ArrayList<>(1);
        }
        escalations.add(e);
    }

    void chronicle(StringPool pool, TextStore texts, ChronologyEntry entry) {
        chronology = ChronologyLog.add(chronology, pool, texts, entry);
    }

    /** Records an event id applied to this alert; false if it was applied before. */
    boolean firstSight(UUID eventId) {
        long hi = eventId.getMostSignificantBits();
        long lo = eventId.getLeastSignificantBits();
        for (int i = 0; i < eventIds.length; i += 2) {
            if (eventIds[i] == hi && eventIds[i + 1] == lo) {
                return false;
            }
        }
        // Exactly sized, one more at a time: an alert has a dozen events or so, and a spare slot is 16 bytes an alert.
        eventIds = Arrays.copyOf(eventIds, eventIds.length + 2);
        eventIds[eventIds.length - 2] = hi;
        eventIds[eventIds.length - 1] = lo;
        return true;
    }

    /** Takes over the event ids of the record this one replaces (a second raise of the same alert). */
    void inheritEventIds(AlertRecord previous) {
        eventIds = previous.eventIds.clone();
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
    public boolean resolvedAfterReview() { return resolvedAfterReview; }
    public Instant closedAt() { return closedAt; }
    public int reopens() { return reopens; }
    public LocalDate cafcassReferredOn() { return cafcassReferredOn; }
    public Instant cafcassReferredAt() { return cafcassReferredAt; }
    public Instant partnershipReferredAt() { return partnershipReferredAt; }
    public Instant statutoryDueAt() { return statutoryDueAt; }
    public Instant statutoryExceededAt() { return statutoryExceededAt; }
    /** The status changes, oldest first: a read-only view, each change made as it is read. */
    public List<StatusChange> statusHistory() {
        Object[] changes = statuses;
        return new AbstractList<>() {
            @Override
            public StatusChange get(int i) {
                return new StatusChange((Instant) changes[2 * i], (AlertStatus) changes[2 * i + 1]);
            }

            @Override
            public int size() {
                return changes.length / 2;
            }
        };
    }
    /** The stage rounds, oldest first. */
    public List<StageRound> rounds() {
        if (firstRound == null) {
            return List.of();
        }
        if (laterRounds.length == 0) {
            return List.of(firstRound);
        }
        StageRound[] all = new StageRound[laterRounds.length + 1];
        all[0] = firstRound;
        System.arraycopy(laterRounds, 0, all, 1, laterRounds.length);
        return List.of(all);
    }
    public List<Escalation> escalations() { return Collections.unmodifiableList(escalations); }

    public AlertStatus status() {
        return statuses.length == 0 ? AlertStatus.OPEN : (AlertStatus) statuses[statuses.length - 1];
    }

    /** The status at an instant, or null if not yet raised then. */
    public AlertStatus statusAt(Instant at) {
        AlertStatus s = null;
        for (int i = 0; i < statuses.length; i += 2) {
            if (((Instant) statuses[i]).isAfter(at)) {
                break;
            }
            s = (AlertStatus) statuses[i + 1];
        }
        return s;
    }

    /** The latest round entered by {@code at}, or null. */
    public StageRound roundAt(Instant at) {
        StageRound r = null;
        for (StageRound round : rounds()) {
            if (round.enteredAt.isAfter(at)) {
                break;
            }
            r = round;
        }
        return r;
    }

    public StageRound currentRound() {
        return laterRounds.length > 0 ? laterRounds[laterRounds.length - 1] : firstRound;
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
        for (StageRound r : rounds()) {
            for (String p : new String[] {r.responderId, r.respondedBy, r.coverFor}) {
                if (p != null) {
                    involved.add(p);
                }
            }
        }
        return new AlertVisibility.Alert(raisedBy, teamId, involved, competenceConcern, socialWorkerId);
    }
}
