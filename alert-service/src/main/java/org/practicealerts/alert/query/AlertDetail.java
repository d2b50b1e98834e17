package org.practicealerts.alert.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AgreedAction;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.InformalResolution;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.RecommendedAction;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatusChange;
import org.practicealerts.events.StatutoryTotalExceeded;
import org.practicealerts.events.Urgency;

/**
 * Everything about one alert, folded from its events in the event store (so it is never behind a command that
 * just succeeded): state, every stage with its deadline and whether it was met, responses, actions, notes and the
 * full history. {@link #restrict()} hides the detail of a competence-concern alert from people not entitled to it.
 */
public class AlertDetail {

    public String id;
    public String reference;
    public String childRef;
    public List<String> siblingRefs;
    public PlanType planType;
    public String teamId;
    public String raisedBy;
    public String raiserRole;
    /** The child's allocated social worker, when the raiser named them. */
    public String socialWorkerId;
    public PolicyRef policy;
    public String primaryCategory;
    public List<String> categories;
    public Urgency urgency;
    public boolean competenceConcern;
    /** True when this caller sees only that the alert exists, not its detail. */
    public boolean restricted;
    public String externalAgency;
    public String summary;
    public String impactOnChild;
    public String childsVoice;
    public List<RecommendedAction> recommendedActions;
    public InformalResolution informalResolution;
    public int stage;
    public AlertStatus status;
    public Assignment responder;
    public Instant responseDueAt;
    public Instant reminderAt;
    public Instant statutoryDueAt;
    public Instant raisedAt;
    public LocalDate reviewDate;
    public LocalDate cafcassReferredOn;
    public boolean partnershipReferral;
    /**
     * The current stage's deadline passed and the alert did not move up: {@code RAISER_TO_PROGRESS} (the raiser is to
     * progress it) or {@code LADDER_EXHAUSTED} (the final stage; {@link #nextRoute} says where next); null otherwise.
     */
    public DeadlineMissed.Outcome deadlineMissed;
    public NextRoute nextRoute;
    public String outcome;
    public final List<StageRecord> stages = new ArrayList<>();
    public final List<ResponseRecorded> responses = new ArrayList<>();
    public final Map<String, ActionView> actions = new LinkedHashMap<>();
    public final List<NoteAdded> notes = new ArrayList<>();
    public final List<HistoryEntry> history = new ArrayList<>();
    /** Everyone ever assigned a stage of this alert (for access decisions; not serialised as detail). */
    private final Set<String> assigned = new LinkedHashSet<>();

    /** One stage the alert reached. */
    public record StageRecord(int stage, Instant enteredAt, String enteredBy, EscalationReason reason,
                              Assignment responder, Instant responseDueAt, Instant respondedAt, Boolean onTime) {
    }

    /** An agreed action and whether it is done. */
    public record ActionView(AgreedAction action, LocalDate completedOn, String completedBy) {
    }

    /** One recorded fact, in order. {@code event} is null for a restricted viewer. */
    public record HistoryEntry(String eventId, String type, Instant occurredAt, AlertEvent event) {
    }

    public static AlertDetail fold(List<? extends AlertEvent> events) {
        AlertDetail d = new AlertDetail();
        events.forEach(d::apply);
        return d;
    }

    public Set<String> assignedPeople() {
        return assigned;
    }

    /** Keeps only what anyone who may see the alert may see: that it exists, where it is and who must act. */
    public AlertDetail restrict() {
        restricted = true;
        summary = null;
        impactOnChild = null;
        childsVoice = null;
        recommendedActions = List.of();
        informalResolution = null;
        outcome = null;
        responses.clear();
        actions.clear();
        notes.clear();
        history.replaceAll(h -> new HistoryEntry(h.eventId(), h.type(), h.occurredAt(), null));
        return this;
    }

    void apply(AlertEvent event) {
        history.add(new HistoryEntry(event.eventId(), event.getClass().getSimpleName(), event.occurredAt(), event));
        if (event instanceof StatusChange change) {
            status = change.status();
        }
        if (event instanceof AlertRaised e) {
            id = e.alertId();
            reference = e.reference();
            childRef = e.childRef();
            siblingRefs = e.siblingRefs();
            planType = e.planType();
            teamId = e.teamId();
            raisedBy = e.raisedBy();
            raiserRole = e.raiserRole();
            policy = e.policy();
            primaryCategory = e.primaryCategory();
            categories = e.categories();
            urgency = e.urgency();
            competenceConcern = e.competenceConcern();
            externalAgency = e.externalAgency();
            summary = e.summary();
            impactOnChild = e.impactOnChild();
            childsVoice = e.childsVoice();
            recommendedActions = e.recommendedActions();
            informalResolution = e.informalResolution();
            statutoryDueAt = e.statutoryDueAt();
            raisedAt = e.occurredAt();
            socialWorkerId = e.socialWorkerId();
            enter(e.stage(), e.occurredAt(), e.raisedBy(), e.stage() > 1 ? EscalationReason.BYPASS : null,
                    e.responder(), e.deadlines());
        } else if (event instanceof ResponseRecorded e) {
            responses.add(e);
            e.actions().forEach(a -> actions.put(a.actionId(), new ActionView(a, null, null)));
            markResponded(e.stage(), e.occurredAt(), e.onTime());
            if (deadlineMissed == DeadlineMissed.Outcome.RAISER_TO_PROGRESS) {
                deadlineMissed = null; // answered late: the raiser now judges the response instead
            }
            responseDueAt = null;
            reminderAt = null;
        } else if (event instanceof FurtherActionsRequested e) {
            setDeadlines(e.deadlines());
        } else if (event instanceof StageEscalated e) {
            enter(e.toStage(), e.occurredAt(), e.escalatedBy(), e.reason(), e.responder(),
                e.deadlines());
        } else if (event instanceof AlertReopened e) {
            enter(e.toStage(), e.occurredAt(), e.reopenedBy(), null, e.responder(),
                e.deadlines());
        } else if (event instanceof ActionReviewScheduled e) {
            reviewDate = e.reviewDate();
        } else if (event instanceof AlertResolved e) {
            outcome = e.outcome();
            responseDueAt = null;
            reminderAt = null;
        } else if (event instanceof AlertWithdrawn e) {
            outcome = e.reason();
            responseDueAt = null;
            reminderAt = null;
        } else if (event instanceof CafcassReferralRecorded e) {
            cafcassReferredOn = e.referredOn();
        } else if (event instanceof PartnershipReferralRecorded) {
            partnershipReferral = true;
        } else if (event instanceof AlertReassigned e) {
            responder = e.to();
            assigned.add(e.to().personId());
        } else if (event instanceof ActionCompleted e) {
            actions.computeIfPresent(e.actionId(),
                (k, v) -> new ActionView(v.action(), e.completedOn(), e.completedBy()));
        } else if (event instanceof NoteAdded e) {
            notes.add(e);
        } else if (event instanceof DeadlineMissed e) {
            deadlineMissed = e.outcome();
            nextRoute = e.outcome() == DeadlineMissed.Outcome.LADDER_EXHAUSTED ? e.nextRoute() : null;
        } else if (event instanceof DeadlineRescheduled e) {
            switch (e.kind()) {
                case RESPONSE -> responseDueAt = e.next();
                case REMINDER -> reminderAt = e.next();
                case STATUTORY_TOTAL -> statutoryDueAt = e.next();
                default -> {
                    // other deadlines are not re-planned
                }
            }
        } else if (event instanceof AlertAcknowledged || event instanceof ReminderDue || event instanceof ActionOverdue
                || event instanceof ReviewDue || event instanceof StatutoryTotalExceeded) {
            // recorded in the history only
        }
    }

    private void enter(int newStage, Instant at, String by, EscalationReason reason, Assignment who,
                       StageDeadlines deadlines) {
        stage = newStage;
        responder = who;
        deadlineMissed = null;
        nextRoute = null;
        assigned.add(who.personId());
        setDeadlines(deadlines);
        stages.add(new StageRecord(newStage, at, by, reason, who, deadlines.responseDueAt(), null, null));
    }

    private void setDeadlines(StageDeadlines deadlines) {
        responseDueAt = deadlines.responseDueAt();
        reminderAt = deadlines.reminderAt();
    }

    /** Marks the latest record of the stage answered: a late answer after an escalation answers an earlier one. */
    private void markResponded(int stage, Instant at, boolean onTime) {
        for (int i = stages.size() - 1; i >= 0; i--) {
            StageRecord s = stages.get(i);
            if (s.stage() == stage) {
                if (s.respondedAt() == null) {
                    stages.set(i, new StageRecord(s.stage(), s.enteredAt(), s.enteredBy(), s.reason(), s.responder(),
                            s.responseDueAt(), at, onTime));
                }
                return;
            }
        }
    }
}
