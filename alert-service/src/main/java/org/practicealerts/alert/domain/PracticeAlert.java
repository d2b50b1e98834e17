package org.practicealerts.alert.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.AcknowledgeAlert;
import org.practicealerts.alert.api.Commands.AddNote;
import org.practicealerts.alert.api.Commands.CompleteAction;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.NewAction;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.api.Commands.ReassignAlert;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.api.Commands.RecordDeadlineReached;
import org.practicealerts.alert.api.Commands.ReplanDeadlines;
import org.practicealerts.alert.api.Commands.ReferToCafcass;
import org.practicealerts.alert.api.Commands.ReferToPartnership;
import org.practicealerts.alert.api.Commands.ReopenAlert;
import org.practicealerts.alert.api.Commands.RequestFurtherActions;
import org.practicealerts.alert.api.Commands.ResolveAlert;
import org.practicealerts.alert.api.Commands.ScheduleActionReview;
import org.practicealerts.alert.api.Commands.WithdrawAlert;
import org.practicealerts.alert.directory.Person;
import org.practicealerts.alert.directory.Role;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.Relation;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AgreedAction;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatutoryTotalExceeded;
import org.practicealerts.events.Urgency;

/**
 * One practice alert, event-sourced. Command handlers check the procedure's rules and record facts; event
 * sourcing handlers only move state. A refused command throws {@link AlertRefused} and records nothing.
 */
public class PracticeAlert {

    @AggregateIdentifier
    private String alertId;
    private PolicyRef policy;
    private String raisedBy;
    private String teamId;
    private PlanType planType;
    private int stage;
    private AlertStatus status;
    private Assignment responder;
    private StageDeadlines deadlines;
    private final Set<String> acknowledgedAtStage = new HashSet<>();
    private final Set<String> everAssigned = new HashSet<>();
    private final Map<String, AgreedAction> actions = new LinkedHashMap<>();
    private final Map<String, Boolean> actionDone = new HashMap<>();
    private LocalDate cafcassReferredOn;
    private boolean partnershipReferred;
    private Instant stageEnteredAt;
    private Instant raisedAt;
    private boolean statutoryExceeded;
    private final Set<String> overdueActions = new HashSet<>();
    private Instant statutoryDueAt;
    private Instant reviewDueAt;
    private LocalDate reviewDate;
    /** Deadline facts already recorded, so a repeated trigger records nothing. */
    private final Set<Instant> remindersSent = new HashSet<>();
    private Instant reviewNotifiedFor;

    protected PracticeAlert() {
        // for Axon
    }

    @CommandHandler
    public PracticeAlert(RaiseAlert cmd, AlertContext ctx) {
        Actor actor = cmd.actor();
        if (!(actor.has(Role.CPC.name()) || actor.has(Role.IRO.name()) || actor.has(Role.CRO.name()))) {
            throw AlertRefused.notPermitted("only a CPC, IRO or CRO may raise a practice alert");
        }
        RaiseAlert.Child child = cmd.child();
        RaiseAlert.Concern concern = cmd.concern();
        RaiseAlert.Circumstances circumstances = cmd.circumstances();
        StagePlanner planner = ctx.planner();
        Policy p = planner.policies().active();
        List<String> categories = concern.categories() == null ? List.of() : concern.categories();
        for (String c : concat(List.of(concern.primaryCategory()), categories)) {
            if (!p.hasCategory(c)) {
                throw AlertRefused.invalid("category " + c + " is not in policy " + p.id() + " v" + p.version());
            }
        }
        int start = entryStage(p, cmd.routing());
        Instant now = ctx.now();
        Parties parties = new Parties(child.teamId(), actor.personId());
        if (planner.lines().team(child.teamId()).isEmpty()) {
            throw AlertRefused.invalid("team " + child.teamId() + " is not in the directory");
        }
        StageEntry entry = planner.enter(p, start, parties, now);
        List<Recipient> recipients = new ArrayList<>(entry.recipients());
        recipients.addAll(planner.recipients(p.raiseNotify(), parties));
        if (cmd.routing().urgency() == Urgency.IMMEDIATE_RISK) {
            planner.recipients(p.immediateRiskNotify(), parties).forEach(r ->
                    recipients.add(new Recipient(r.personId(), "IMMEDIATE_RISK_" + r.reason())));
        }
        String raiserRole = actor.has(Role.CRO.name()) ? "CRO" : actor.has(Role.IRO.name()) ? "IRO" : "CPC";
        apply(new AlertRaised(ctx.nextEventId(), cmd.alertId(), now, AlertRaised.SCHEMA_VERSION, cmd.reference(),
                p.ref(), child.childRef(), listOrEmpty(child.siblingRefs()), child.planType(), child.teamId(),
                actor.personId(), raiserRole, concern.primaryCategory(), categories, concern.summary(),
                concern.impactOnChild(), concern.childsVoice(), listOrEmpty(concern.recommendedActions()),
                urgencyOf(cmd.routing()), circumstances.competenceConcern(), circumstances.externalAgency(),
                circumstances.informalResolution(), start, start > 1 ? cmd.routing().bypassReason() : null,
                entry.responder(), entry.deadlines(), planner.statutoryDue(p, child.planType(), now),
                distinct(recipients)));
    }

    private static int entryStage(Policy p, RaiseAlert.Routing cmd) {
        int requested = cmd.startStage() == null ? 1 : cmd.startStage();
        if (requested < 1 || requested > p.finalStage()) {
            throw AlertRefused.invalid("startStage must be between 1 and " + p.finalStage());
        }
        Urgency urgency = urgencyOf(cmd);
        int start = urgency == Urgency.ROUTINE ? requested : Math.max(requested, p.urgentEntryStage());
        if (requested > 1) {
            if (!p.bypassStages().contains(requested)) {
                throw AlertRefused.invalid("policy " + p.id() + " does not allow raising directly at stage " + requested);
            }
            if (isBlank(cmd.bypassReason())) {
                throw AlertRefused.invalid("bypassReason is required to raise at stage " + requested);
            }
        }
        return start;
    }

    @CommandHandler
    public void handle(AcknowledgeAlert cmd, AlertContext ctx) {
        requireOpen("acknowledge");
        if (!ctx.planner().actsFor(cmd.actor().personId(), responder, today(ctx))) {
            throw AlertRefused.notPermitted("only the assigned responder or their cover may acknowledge this alert");
        }
        if (acknowledgedAtStage.contains(cmd.actor().personId())) {
            return; // acknowledging twice changes nothing
        }
        apply(new AlertAcknowledged(ctx.nextEventId(), alertId, ctx.now(), AlertAcknowledged.SCHEMA_VERSION, stage,
                cmd.actor().personId()));
    }

    @CommandHandler
    public void handle(RecordResponse cmd, AlertContext ctx) {
        if (status != AlertStatus.AWAITING_RESPONSE) {
            throw AlertRefused.illegal("a response can only be recorded while one is awaited (status is " + status + ")");
        }
        String by = cmd.actor().personId();
        if (!ctx.planner().actsFor(by, responder, today(ctx))) {
            throw AlertRefused.notPermitted("only the assigned responder or their cover may respond at stage " + stage);
        }
        List<AgreedAction> agreed = new ArrayList<>();
        int n = actions.size();
        for (NewAction a : listOrEmpty(cmd.actions())) {
            if (ctx.planner().lines().person(a.ownerId()).isEmpty()) {
                throw AlertRefused.invalid("action owner " + a.ownerId() + " is not in the directory");
            }
            agreed.add(new AgreedAction(alertId + "-a" + (++n), a.description(), a.ownerId(), a.dueDate(),
                    endOfDay(ctx, a.dueDate())));
        }
        Instant now = ctx.now();
        String onBehalfOf = by.equals(responder.personId()) ? responder.coverFor() : responder.personId();
        apply(new ResponseRecorded(ctx.nextEventId(), alertId, now, ResponseRecorded.SCHEMA_VERSION, stage, by,
                onBehalfOf, cmd.response(), agreed, deadlines.responseDueAt(),
                !now.isAfter(deadlines.responseDueAt()), List.of(new Recipient(raisedBy, "RAISER"))));
    }

    @CommandHandler
    public void handle(RequestFurtherActions cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "ask for further actions");
        if (status != AlertStatus.AWAITING_JUDGEMENT) {
            throw AlertRefused.illegal("further actions can be asked for only after a response (status is " + status + ")");
        }
        Policy p = policy(ctx);
        StageDeadlines fresh = ctx.planner().deadlines(p, p.stage(stage), ctx.now());
        apply(new FurtherActionsRequested(ctx.nextEventId(), alertId, ctx.now(),
                FurtherActionsRequested.SCHEMA_VERSION, stage, cmd.actor().personId(), cmd.request(), responder, fresh,
                List.of(new Recipient(responder.personId(), "RESPONDER"))));
    }

    @CommandHandler
    public void handle(EscalateAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "escalate");
        requireOpen("escalate");
        if (status == AlertStatus.ACTION_REVIEW) {
            throw AlertRefused.illegal("an alert under action review is re-opened at a higher stage, not escalated");
        }
        Policy p = policy(ctx);
        int to;
        if (cmd.reason() == EscalationReason.RESPONSE_INADEQUATE) {
            if (status != AlertStatus.AWAITING_JUDGEMENT) {
                throw AlertRefused.illegal("a response must be recorded before it can be judged inadequate");
            }
            to = cmd.toStage() == null ? stage + 1 : cmd.toStage();
        } else if (cmd.reason() == EscalationReason.BYPASS) {
            if (cmd.toStage() == null || isBlank(cmd.note())) {
                throw AlertRefused.invalid("a bypass names the stage to go to (toStage) and why (note)");
            }
            to = cmd.toStage();
            if (!p.bypassStages().contains(to)) {
                throw AlertRefused.invalid("policy " + p.id() + " does not allow bypassing to stage " + to);
            }
        } else {
            throw AlertRefused.invalid("the raiser escalates for RESPONSE_INADEQUATE or BYPASS");
        }
        requireHigherStage(p, to);
        escalate(ctx, p, to, cmd.reason(), cmd.actor().personId(), cmd.note());
    }

    @CommandHandler
    public void handle(EscalateMissedDeadline cmd, AlertContext ctx) {
        // Fenced: only the deadline the scheduler saw, still current and really passed, escalates. Anything else
        // (a repeat, a stale trigger after a response, a re-planned deadline) is refused and records nothing.
        if (status != AlertStatus.AWAITING_RESPONSE || cmd.expectedStage() != stage
                || !deadlines.responseDueAt().equals(cmd.expectedDueAt())) {
            throw AlertRefused.illegal("stale deadline trigger: alert is at stage " + stage + " (" + status + ")");
        }
        if (ctx.now().isBefore(deadlines.responseDueAt())) {
            throw AlertRefused.illegal("the response deadline " + deadlines.responseDueAt() + " has not passed");
        }
        Policy p = policy(ctx);
        if (stage >= p.finalStage()) {
            throw AlertRefused.illegal("stage " + stage + " is the final stage: there is no higher stage");
        }
        escalate(ctx, p, stage + 1, EscalationReason.DEADLINE_MISSED, StageEscalated.SYSTEM, null);
    }

    private void escalate(AlertContext ctx, Policy p, int to, EscalationReason reason, String by, String note) {
        Instant now = ctx.now();
        StageEntry entry = ctx.planner().enter(p, to, parties(), now);
        List<Recipient> recipients = new ArrayList<>(entry.recipients());
        recipients.add(new Recipient(raisedBy, "RAISER"));
        if (!responder.personId().equals(entry.responder().personId())) {
            recipients.add(new Recipient(responder.personId(), "PREVIOUS_RESPONDER"));
        }
        apply(new StageEscalated(ctx.nextEventId(), alertId, now, StageEscalated.SCHEMA_VERSION, stage, to, reason, by,
                note, entry.responder(), entry.deadlines(), distinct(recipients)));
    }

    @CommandHandler
    public void handle(RecordDeadlineReached cmd, AlertContext ctx) {
        if (alreadyRecorded(cmd)) {
            throw AlertRefused.illegal("deadline " + cmd.kind() + " at " + cmd.expectedDueAt() + " is already recorded");
        }
        if (ctx.now().isBefore(cmd.expectedDueAt())) {
            throw AlertRefused.illegal("the " + cmd.kind() + " deadline " + cmd.expectedDueAt() + " has not arrived");
        }
        Instant now = ctx.now();
        switch (cmd.kind()) {
            case REMINDER -> {
                if (status != AlertStatus.AWAITING_RESPONSE || cmd.expectedStage() != stage
                        || !cmd.expectedDueAt().equals(deadlines.reminderAt())) {
                    throw AlertRefused.illegal("stale reminder trigger: alert is at stage " + stage + " (" + status + ")");
                }
                apply(new ReminderDue(ctx.nextEventId(), alertId, now, ReminderDue.SCHEMA_VERSION, stage,
                        deadlines.reminderAt(), deadlines.responseDueAt(), responderRecipients()));
            }
            case ACTION -> {
                AgreedAction action = actions.get(cmd.actionId());
                if (action == null || actionDone.getOrDefault(cmd.actionId(), false) || !status.isOpen()
                        || !cmd.expectedDueAt().equals(action.dueAt())) {
                    throw AlertRefused.illegal("stale action trigger for " + cmd.actionId());
                }
                List<Recipient> to = new ArrayList<>();
                to.add(new Recipient(action.ownerId(), "ACTION_OWNER"));
                to.addAll(responderRecipients());
                to.add(new Recipient(raisedBy, "RAISER"));
                apply(new ActionOverdue(ctx.nextEventId(), alertId, now, ActionOverdue.SCHEMA_VERSION,
                        action.actionId(), action.ownerId(), action.dueDate(), distinct(to)));
            }
            case REVIEW -> {
                if (status != AlertStatus.ACTION_REVIEW || !cmd.expectedDueAt().equals(reviewDueAt)) {
                    throw AlertRefused.illegal("stale review trigger: alert is " + status);
                }
                apply(new ReviewDue(ctx.nextEventId(), alertId, now, ReviewDue.SCHEMA_VERSION, stage, reviewDate,
                        List.of(new Recipient(raisedBy, "RAISER"))));
            }
            case STATUTORY_TOTAL -> {
                if (!status.isOpen() || !cmd.expectedDueAt().equals(statutoryDueAt)) {
                    throw AlertRefused.illegal("stale statutory-total trigger: alert is " + status);
                }
                boolean considerCafcass = planType == PlanType.CHILD_WE_CARE_FOR && cafcassReferredOn == null;
                List<Recipient> to = new ArrayList<>();
                to.add(new Recipient(raisedBy, "RAISER"));
                to.addAll(ctx.planner().recipients(List.of(Relation.RAISERS_TEAM_MANAGER), parties()));
                to.addAll(responderRecipients());
                apply(new StatutoryTotalExceeded(ctx.nextEventId(), alertId, now, StatutoryTotalExceeded.SCHEMA_VERSION,
                        stage, statutoryDueAt, considerCafcass, distinct(to)));
            }
            case RESPONSE -> throw AlertRefused.invalid("a missed response deadline is escalated, not recorded");
        }
    }

    /**
     * Re-plans what the calendar change moves: the current stage's response deadline and reminder (counted again
     * from when the alert reached the stage) and the statutory total (from when it was raised). A deadline that has
     * already passed stays where it was: nothing already fired is undone.
     */
    @CommandHandler
    public void handle(ReplanDeadlines cmd, AlertContext ctx) {
        if (!status.isOpen()) {
            return;
        }
        Policy p = policy(ctx);
        Instant now = ctx.now();
        if (status == AlertStatus.AWAITING_RESPONSE && deadlines.responseDueAt().isAfter(now)) {
            StageDeadlines fresh = ctx.planner().deadlines(p, p.stage(stage), stageEnteredAt);
            if (!fresh.responseDueAt().equals(deadlines.responseDueAt())) {
                apply(new DeadlineRescheduled(ctx.nextEventId(), alertId, now, DeadlineRescheduled.SCHEMA_VERSION,
                        stage, DeadlineKind.RESPONSE, deadlines.responseDueAt(), fresh.responseDueAt(), cmd.reason()));
            }
            Instant reminder = deadlines.reminderAt();
            if (reminder != null && reminder.isAfter(now) && fresh.reminderAt() != null
                    && !fresh.reminderAt().equals(reminder)) {
                apply(new DeadlineRescheduled(ctx.nextEventId(), alertId, now, DeadlineRescheduled.SCHEMA_VERSION,
                        stage, DeadlineKind.REMINDER, reminder, fresh.reminderAt(), cmd.reason()));
            }
        }
        if (statutoryDueAt != null && statutoryDueAt.isAfter(now)) {
            Instant fresh = ctx.planner().statutoryDue(p, planType, raisedAt);
            if (fresh != null && !fresh.equals(statutoryDueAt)) {
                apply(new DeadlineRescheduled(ctx.nextEventId(), alertId, now, DeadlineRescheduled.SCHEMA_VERSION,
                        stage, DeadlineKind.STATUTORY_TOTAL, statutoryDueAt, fresh, cmd.reason()));
            }
        }
    }

    private boolean alreadyRecorded(RecordDeadlineReached cmd) {
        return switch (cmd.kind()) {
            case REMINDER -> remindersSent.contains(cmd.expectedDueAt());
            case ACTION -> overdueActions.contains(cmd.actionId());
            case REVIEW -> cmd.expectedDueAt().equals(reviewNotifiedFor);
            case STATUTORY_TOTAL -> statutoryExceeded;
            case RESPONSE -> false;
        };
    }

    private List<Recipient> responderRecipients() {
        List<Recipient> out = new ArrayList<>();
        out.add(new Recipient(responder.personId(), "RESPONDER"));
        if (responder.coverFor() != null) {
            out.add(new Recipient(responder.coverFor(), "COVERED_RESPONDER"));
        }
        return out;
    }

    private Instant endOfDay(AlertContext ctx, LocalDate date) {
        Policy p = policy(ctx);
        return date.atTime(p.endOfDay()).atZone(p.zone()).toInstant();
    }

    @CommandHandler
    public void handle(ResolveAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "resolve");
        requireOpen("resolve");
        apply(new AlertResolved(ctx.nextEventId(), alertId, ctx.now(), AlertResolved.SCHEMA_VERSION, stage,
                cmd.actor().personId(), cmd.outcome(), status == AlertStatus.ACTION_REVIEW,
                List.of(new Recipient(responder.personId(), "RESPONDER"))));
    }

    @CommandHandler
    public void handle(ScheduleActionReview cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "set an action review");
        if (status != AlertStatus.AWAITING_JUDGEMENT) {
            throw AlertRefused.illegal("an action review follows a response (status is " + status + ")");
        }
        Policy p = policy(ctx);
        if (cmd.reviewDate() == null || !cmd.reviewDate().isAfter(today(ctx))) {
            throw AlertRefused.invalid("reviewDate must be after today");
        }
        Instant dueAt = cmd.reviewDate().atTime(p.endOfDay()).atZone(p.zone()).toInstant();
        apply(new ActionReviewScheduled(ctx.nextEventId(), alertId, ctx.now(), ActionReviewScheduled.SCHEMA_VERSION,
                stage, cmd.actor().personId(), cmd.reviewDate(), dueAt, cmd.note()));
    }

    @CommandHandler
    public void handle(ReopenAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "re-open");
        if (status != AlertStatus.ACTION_REVIEW) {
            throw AlertRefused.illegal("only an alert under action review can be re-opened (status is " + status + ")");
        }
        Policy p = policy(ctx);
        int to = cmd.toStage() == null ? stage + 1 : cmd.toStage();
        requireHigherStage(p, to);
        StageEntry entry = ctx.planner().enter(p, to, parties(), ctx.now());
        apply(new AlertReopened(ctx.nextEventId(), alertId, ctx.now(), AlertReopened.SCHEMA_VERSION, stage, to,
                cmd.actor().personId(), cmd.reason(), entry.responder(), entry.deadlines(), entry.recipients()));
    }

    @CommandHandler
    public void handle(WithdrawAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "withdraw");
        requireOpen("withdraw");
        if (isBlank(cmd.reason())) {
            throw AlertRefused.invalid("a withdrawal needs a reason");
        }
        apply(new AlertWithdrawn(ctx.nextEventId(), alertId, ctx.now(), AlertWithdrawn.SCHEMA_VERSION, stage,
                cmd.actor().personId(), cmd.reason(), List.of(new Recipient(responder.personId(), "RESPONDER"))));
    }

    @CommandHandler
    public void handle(ReferToCafcass cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "refer to Cafcass");
        requireOpen("refer to Cafcass");
        if (planType != PlanType.CHILD_WE_CARE_FOR) {
            throw AlertRefused.illegal("a Cafcass referral is only for a looked-after child (plan type " + planType + ")");
        }
        if (cafcassReferredOn != null) {
            throw AlertRefused.illegal("already referred to Cafcass on " + cafcassReferredOn);
        }
        LocalDate on = cmd.referredOn() == null ? today(ctx) : cmd.referredOn();
        if (on.isAfter(today(ctx))) {
            throw AlertRefused.invalid("referredOn cannot be in the future");
        }
        apply(new CafcassReferralRecorded(ctx.nextEventId(), alertId, ctx.now(),
                CafcassReferralRecorded.SCHEMA_VERSION, stage, cmd.actor().personId(), on, cmd.note(),
                seniorRecipients(ctx)));
    }

    @CommandHandler
    public void handle(ReferToPartnership cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "refer to the Safeguarding Children Partnership");
        requireOpen("refer to the partnership");
        Policy p = policy(ctx);
        if (!p.finalStageReferral()) {
            throw AlertRefused.illegal("policy " + p.id() + " has no referral to the Safeguarding Children Partnership");
        }
        if (stage != p.finalStage()) {
            throw AlertRefused.illegal("the partnership referral is made at the final stage (" + p.finalStage()
                    + "); the alert is at stage " + stage);
        }
        if (partnershipReferred) {
            throw AlertRefused.illegal("already referred to the Safeguarding Children Partnership");
        }
        apply(new PartnershipReferralRecorded(ctx.nextEventId(), alertId, ctx.now(),
                PartnershipReferralRecorded.SCHEMA_VERSION, stage, cmd.actor().personId(), cmd.note(),
                seniorRecipients(ctx)));
    }

    @CommandHandler
    public void handle(ReassignAlert cmd, AlertContext ctx) {
        requireOpen("reassign");
        if (status == AlertStatus.ACTION_REVIEW) {
            throw AlertRefused.illegal("nobody is assigned while the alert is under action review");
        }
        Actor actor = cmd.actor();
        if (!actor.isAdmin() && !ctx.planner().actsFor(actor.personId(), responder, today(ctx))) {
            throw AlertRefused.notPermitted("only an admin or the assigned responder may reassign this alert");
        }
        Person to = ctx.planner().lines().person(cmd.toPersonId()).filter(Person::active).orElseThrow(() ->
                AlertRefused.invalid("toPersonId " + cmd.toPersonId() + " is not an active person in the directory"));
        if (to.id().equals(responder.personId())) {
            throw AlertRefused.illegal("the alert is already assigned to " + to.id());
        }
        String coverFor = responder.coverFor() == null ? responder.personId() : responder.coverFor();
        Assignment next = new Assignment(to.id(), responder.role(), to.id().equals(coverFor) ? null : coverFor);
        apply(new AlertReassigned(ctx.nextEventId(), alertId, ctx.now(), AlertReassigned.SCHEMA_VERSION, stage,
                actor.personId(), responder, next, cmd.reason(),
                List.of(new Recipient(to.id(), "RESPONDER"), new Recipient(responder.personId(), "PREVIOUS_RESPONDER"))));
    }

    @CommandHandler
    public void handle(CompleteAction cmd, AlertContext ctx) {
        AgreedAction action = actions.get(cmd.actionId());
        if (action == null) {
            throw AlertRefused.invalid("alert " + alertId + " has no action " + cmd.actionId());
        }
        String by = cmd.actor().personId();
        if (!by.equals(action.ownerId()) && !by.equals(raisedBy) && !everAssigned.contains(by)) {
            throw AlertRefused.notPermitted("only the action's owner, a responder or the raiser may complete it");
        }
        if (actionDone.getOrDefault(cmd.actionId(), false)) {
            throw AlertRefused.illegal("action " + cmd.actionId() + " is already complete");
        }
        LocalDate on = cmd.completedOn() == null ? today(ctx) : cmd.completedOn();
        if (on.isAfter(today(ctx))) {
            throw AlertRefused.invalid("completedOn cannot be in the future");
        }
        apply(new ActionCompleted(ctx.nextEventId(), alertId, ctx.now(), ActionCompleted.SCHEMA_VERSION,
                cmd.actionId(), by, on, cmd.note()));
    }

    @CommandHandler
    public void handle(AddNote cmd, AlertContext ctx) {
        String by = cmd.actor().personId();
        if (!by.equals(raisedBy) && !everAssigned.contains(by) && !cmd.actor().isAdmin()) {
            throw AlertRefused.notPermitted("only the raiser, a responder or an admin may add a note");
        }
        apply(new NoteAdded(ctx.nextEventId(), alertId, ctx.now(), NoteAdded.SCHEMA_VERSION,
                alertId + "-n" + ctx.nextEventId(), by, cmd.text()));
    }

    // --- state changes: event sourcing handlers only move state ---

    @EventSourcingHandler
    void on(AlertRaised e) {
        alertId = e.alertId();
        policy = e.policy();
        raisedBy = e.raisedBy();
        teamId = e.teamId();
        planType = e.planType();
        raisedAt = e.occurredAt();
        statutoryDueAt = e.statutoryDueAt();
        enterStage(e.stage(), e.responder(), e.deadlines(), e.occurredAt());
    }

    @EventSourcingHandler
    void on(ReminderDue e) {
        remindersSent.add(e.reminderAt());
    }

    @EventSourcingHandler
    void on(ActionOverdue e) {
        overdueActions.add(e.actionId());
    }

    @EventSourcingHandler
    void on(ReviewDue e) {
        reviewNotifiedFor = reviewDueAt;
    }

    @EventSourcingHandler
    void on(StatutoryTotalExceeded e) {
        statutoryExceeded = true;
    }

    @EventSourcingHandler
    void on(DeadlineRescheduled e) {
        switch (e.kind()) {
            case RESPONSE -> deadlines = new StageDeadlines(e.next(), deadlines.reminderAt());
            case REMINDER -> deadlines = new StageDeadlines(deadlines.responseDueAt(), e.next());
            case STATUTORY_TOTAL -> statutoryDueAt = e.next();
            default -> {
                // other kinds are not re-planned
            }
        }
    }

    @EventSourcingHandler
    void on(AlertAcknowledged e) {
        acknowledgedAtStage.add(e.acknowledgedBy());
    }

    @EventSourcingHandler
    void on(ResponseRecorded e) {
        status = AlertStatus.AWAITING_JUDGEMENT;
        e.actions().forEach(a -> actions.put(a.actionId(), a));
        everAssigned.add(e.respondedBy());
    }

    @EventSourcingHandler
    void on(FurtherActionsRequested e) {
        status = AlertStatus.AWAITING_RESPONSE;
        deadlines = e.deadlines();
        stageEnteredAt = e.occurredAt();
    }

    @EventSourcingHandler
    void on(StageEscalated e) {
        enterStage(e.toStage(), e.responder(), e.deadlines(), e.occurredAt());
    }

    @EventSourcingHandler
    void on(AlertReopened e) {
        enterStage(e.toStage(), e.responder(), e.deadlines(), e.occurredAt());
    }

    @EventSourcingHandler
    void on(ActionReviewScheduled e) {
        status = AlertStatus.ACTION_REVIEW;
        reviewDate = e.reviewDate();
        reviewDueAt = e.reviewDueAt();
    }

    @EventSourcingHandler
    void on(AlertResolved e) {
        status = AlertStatus.RESOLVED;
    }

    @EventSourcingHandler
    void on(AlertWithdrawn e) {
        status = AlertStatus.WITHDRAWN;
    }

    @EventSourcingHandler
    void on(CafcassReferralRecorded e) {
        cafcassReferredOn = e.referredOn();
    }

    @EventSourcingHandler
    void on(PartnershipReferralRecorded e) {
        partnershipReferred = true;
    }

    @EventSourcingHandler
    void on(AlertReassigned e) {
        responder = e.to();
        everAssigned.add(e.to().personId());
        acknowledgedAtStage.clear();
    }

    @EventSourcingHandler
    void on(ActionCompleted e) {
        actionDone.put(e.actionId(), true);
    }

    private void enterStage(int newStage, Assignment assigned, StageDeadlines due, Instant at) {
        stage = newStage;
        stageEnteredAt = at;
        responder = assigned;
        deadlines = due;
        status = AlertStatus.AWAITING_RESPONSE;
        acknowledgedAtStage.clear();
        everAssigned.add(assigned.personId());
    }

    // --- rules shared by several commands ---

    private List<Recipient> seniorRecipients(AlertContext ctx) {
        List<Recipient> out = new ArrayList<>(ctx.planner().recipients(
                List.of(Relation.RAISERS_SERVICE_MANAGER, Relation.CHILDS_SERVICE_MANAGER), parties()));
        out.add(new Recipient(responder.personId(), "RESPONDER"));
        return distinct(out);
    }

    private void requireRaiser(Actor actor, String what) {
        if (!actor.personId().equals(raisedBy)) {
            throw AlertRefused.notPermitted("only the raiser may " + what + " this alert");
        }
    }

    private void requireOpen(String what) {
        if (!status.isOpen()) {
            throw AlertRefused.illegal("cannot " + what + ": the alert is " + status);
        }
    }

    private void requireHigherStage(Policy p, int to) {
        if (stage >= p.finalStage()) {
            throw AlertRefused.illegal("stage " + stage + " is the final stage of " + p.id()
                    + (p.finalStageReferral() ? ": refer to the Safeguarding Children Partnership instead" : ""));
        }
        if (to <= stage || to > p.finalStage()) {
            throw AlertRefused.invalid("toStage must be between " + (stage + 1) + " and " + p.finalStage());
        }
    }

    private Policy policy(AlertContext ctx) {
        return ctx.planner().policies().get(policy);
    }

    private Parties parties() {
        return new Parties(teamId, raisedBy);
    }

    private LocalDate today(AlertContext ctx) {
        return LocalDate.ofInstant(ctx.now(), policy(ctx).zone());
    }

    private static Urgency urgencyOf(RaiseAlert.Routing cmd) {
        return cmd.urgency() == null ? Urgency.ROUTINE : cmd.urgency();
    }

    private static List<Recipient> distinct(List<Recipient> recipients) {
        Map<String, Recipient> byPerson = new LinkedHashMap<>();
        recipients.forEach(r -> byPerson.putIfAbsent(r.personId(), r));
        return List.copyOf(byPerson.values());
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
