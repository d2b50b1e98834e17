package org.practicealerts.alert.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateMember;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.AcknowledgeAlert;
import org.practicealerts.alert.api.Commands.AddNote;
import org.practicealerts.alert.api.Commands.CompleteAction;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.FollowCover;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.api.Commands.ReassignAlert;
import org.practicealerts.alert.api.Commands.RecordDeadlineReached;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.api.Commands.ReferToCafcass;
import org.practicealerts.alert.api.Commands.ReferToPartnership;
import org.practicealerts.alert.api.Commands.ReopenAlert;
import org.practicealerts.alert.api.Commands.ReplanDeadlines;
import org.practicealerts.alert.api.Commands.RequestFurtherActions;
import org.practicealerts.alert.api.Commands.ResolveAlert;
import org.practicealerts.alert.api.Commands.ScheduleActionReview;
import org.practicealerts.alert.api.Commands.WithdrawAlert;
import org.practicealerts.events.directory.Cover;
import org.practicealerts.events.directory.Person;
import org.practicealerts.alert.policy.MissedDeadline;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.StageRule;
import org.practicealerts.calendar.Timescale;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AgreedAction;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.NextRoute;
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
import org.practicealerts.events.StageRecord;
import org.practicealerts.events.StatutoryTotalExceeded;
import org.practicealerts.events.Urgency;

/**
 * One practice alert, event-sourced. Command handlers check the procedure's rules and record facts; event
 * sourcing handlers only move state. A refused command throws {@link AlertRefused} and records nothing. The rules
 * of raising and escalating are {@link RaisingPolicy} and {@link EscalationPolicy}; who is told is
 * {@link Recipients}; the alert owns its {@link AgreedActions}, {@link DeadlineFacts} and {@link Referrals}.
 */
public class PracticeAlert {

    @AggregateIdentifier
    private String alertId;
    private PolicyRef policy;
    private Parties parties;
    private PlanType planType;
    private int stage;
    private AlertStatus status;
    private Assignment responder;
    /** Whether the answer follows the directory's covers (false once a person reassigned the stage by hand). */
    private boolean followsCover;
    /** Set by a missed-deadline escalation until the next response or stage change; see {@link MissedStage}. */
    private MissedStage missed;
    private final Set<String> acknowledgedAtStage = new HashSet<>();
    private final Set<String> everAssigned = new HashSet<>();
    @AggregateMember
    private final AgreedActions actions = new AgreedActions();
    @AggregateMember
    private final DeadlineFacts deadlines = new DeadlineFacts();
    @AggregateMember
    private final Referrals referrals = new Referrals();

    protected PracticeAlert() {
        // for Axon
    }

    /**
     * Refuses (403) someone who may not raise this kind of alert at all, before anything is reserved for it (such as
     * its reference number); the raise itself checks everything else.
     */
    public static void requireMayRaise(Actor actor, ConcernAbout about) {
        RaisingPolicy.raiserRoles(actor, about);
    }

    @CommandHandler
    public PracticeAlert(RaiseAlert cmd, AlertContext ctx) {
        StagePlanner planner = ctx.planner();
        RaiseAlert.Child child = cmd.child();
        RaisingPolicy.Choice chosen = RaisingPolicy.choose(planner.policies(), cmd.actor(),
                cmd.routing().procedure(), child.planType(), cmd.concernAbout());
        Policy p = chosen.policy();
        String raiserRole = chosen.raiserRole().name();
        RaiseAlert.Concern concern = cmd.concern();
        RaiseAlert.Circumstances circumstances = cmd.circumstances();
        RaisingPolicy.requireCategories(p, concern);
        int start = RaisingPolicy.entryStage(p, cmd.routing());
        Instant now = ctx.now();
        Parties raisedFor = new Parties(child.teamId(), cmd.actor().personId(),
                cmd.concernAbout() == null ? null : cmd.concernAbout().personId(), child.socialWorkerId());
        RaisingPolicy.requireSocialWorker(child.socialWorkerId(), planner.lines());
        if (planner.lines().team(child.teamId()).isEmpty()) {
            throw AlertRefused.invalid("team " + child.teamId() + " is not in the directory");
        }
        RaisingPolicy.requireChair(cmd.concernAbout(), planner.lines());
        StageEntry entry = planner.enter(p, start, raisedFor, now);
        Urgency urgency = RaisingPolicy.urgency(cmd.routing());
        apply(new AlertRaised(ctx.nextEventId(), cmd.alertId(), now, AlertRaised.SCHEMA_VERSION, cmd.reference(),
                p.ref(), child.childRef(), listOrEmpty(child.siblingRefs()), child.planType(), child.teamId(),
                raisedFor.raiserId(), raiserRole, concern.primaryCategory(), RaisingPolicy.categories(concern),
                concern.summary(), concern.impactOnChild(), concern.childsVoice(),
                listOrEmpty(concern.recommendedActions()), urgency, circumstances.competenceConcern(),
                circumstances.externalAgency(), circumstances.informalResolution(), start,
                start > 1 ? cmd.routing().bypassReason() : null, entry.responder(), entry.deadlines(),
                planner.statutoryDue(p, child.planType(), now),
                Recipients.ofRaise(planner, p, entry, raisedFor, urgency), AlertStatus.AWAITING_RESPONSE,
                cmd.concernAbout(), child.socialWorkerId()));
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
        boolean current = ctx.planner().actsFor(by, responder, today(ctx));
        if (!current && !answersMissedStage(by, ctx)) {
            throw notTheResponder(by, ctx);
        }
        Policy p = policy(ctx);
        Instant now = ctx.now();
        // A late answer for the stage a missed deadline escalated from is recorded against that stage; the alert
        // stays at the stage it escalated to, its responder is told, and the raiser judges.
        int answeredStage = current ? stage : missed.stage();
        StageWork work = stageWork(ctx, p, answeredStage, by, now);
        StageRecord record = work.record(cmd, planDueBy(ctx, p, work.rule(), now));
        List<AgreedAction> agreed = actions.commit(alertId, listOrEmpty(cmd.actions()), ctx.planner().lines(),
                date -> endOfDay(p, date));
        Assignment answered = current ? responder : missed.responder();
        Instant dueAt = current ? deadlines.responseDueAt() : deadlines.leftStageDueAt();
        List<Recipient> told = new ArrayList<>(Recipients.raiserOnly(parties));
        if (!current) {
            told.addAll(Recipients.responderOnly(responder));
        }
        String onBehalfOf = by.equals(answered.personId()) ? answered.coverFor() : answered.personId();
        apply(new ResponseRecorded(ctx.nextEventId(), alertId, now, ResponseRecorded.SCHEMA_VERSION,
                answeredStage, by, onBehalfOf, cmd.response(), agreed, dueAt,
                !now.isAfter(dueAt), List.copyOf(told), AlertStatus.AWAITING_JUDGEMENT, record));
    }

    private StageWork stageWork(AlertContext ctx, Policy p, int answeredStage, String by, Instant now) {
        StagePlanner planner = ctx.planner();
        StageRule rule = planner.ruleFor(p, answeredStage, parties);
        Optional<String> contactWith = Optional.ofNullable(rule.task().contactWith())
                .flatMap(r -> planner.resolve(r, parties)).map(Person::id);
        return new StageWork(rule, deadlines.raisedAt(), now, p.zone(), by, contactWith, planner.lines());
    }

    /** The last day a stage's action plan allows, counted from now; null if the stage has none. */
    private static LocalDate planDueBy(AlertContext ctx, Policy p, StageRule rule, Instant now) {
        Timescale within = rule.task().actionPlanWithin();
        return within == null ? null
                : LocalDate.ofInstant(ctx.planner().calculator(p).due(now, within), p.zone());
    }

    private boolean answersMissedStage(String by, AlertContext ctx) {
        return missed != null && missed.stillAnswerableOn(today(ctx), policy(ctx).zone())
                && ctx.planner().actsFor(by, missed.responder(), today(ctx));
    }

    private AlertRefused notTheResponder(String by, AlertContext ctx) {
        if (missed != null && ctx.planner().actsFor(by, missed.responder(), today(ctx))) {
            return AlertRefused.notPermitted("stage " + missed.stage() + " missed its deadline and the alert escalated"
                    + " to stage " + stage + " (" + policy(ctx).stage(stage).name() + ") on "
                    + LocalDate.ofInstant(missed.escalatedAt(), policy(ctx).zone()) + ": only " + responder.personId()
                    + ", the stage " + stage + " responder, or their cover may respond now");
        }
        return AlertRefused.notPermitted("only the assigned responder or their cover may respond at stage " + stage);
    }

    @CommandHandler
    public void handle(RequestFurtherActions cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "ask for further actions");
        if (status != AlertStatus.AWAITING_JUDGEMENT) {
            throw AlertRefused.illegal("further actions can be asked for only after a response (status is " + status + ")");
        }
        StageDeadlines kept = deadlines.keptForFurtherActions(ctx.now(), stage);
        apply(new FurtherActionsRequested(ctx.nextEventId(), alertId, ctx.now(),
                FurtherActionsRequested.SCHEMA_VERSION, stage, cmd.actor().personId(), cmd.request(), responder, kept,
                Recipients.responderOnly(responder), AlertStatus.AWAITING_RESPONSE));
    }

    @CommandHandler
    public void handle(EscalateAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "escalate");
        requireOpen("escalate");
        Policy p = policy(ctx);
        int to = EscalationPolicy.targetOf(cmd, p, stage, status, deadlines.missedRecorded());
        escalate(ctx, p, to, cmd.reason(), cmd.actor().personId(), cmd.note());
    }

    @CommandHandler
    public void handle(EscalateMissedDeadline cmd, AlertContext ctx) {
        // Fenced: only the deadline the scheduler saw, still current and really passed, escalates. Anything else
        // (a repeat, a stale trigger after a response, a re-planned deadline) is refused and records nothing.
        deadlines.requireMissed(cmd, ctx.now(), stage, status);
        Policy p = policy(ctx);
        if (stage >= finalStage(p)) {
            recordMissed(ctx, DeadlineMissed.Outcome.LADDER_EXHAUSTED, p.afterFinalStage(),
                    Recipients.ofLadderExhausted(ctx.planner(), p, parties, responder));
        } else if (p.onMissedDeadline() == MissedDeadline.TELL_RAISER) {
            recordMissed(ctx, DeadlineMissed.Outcome.RAISER_TO_PROGRESS, NextRoute.NONE, Recipients.raiserOnly(parties));
        } else {
            escalate(ctx, p, stage + 1, EscalationReason.DEADLINE_MISSED, StageEscalated.SYSTEM, null);
        }
    }

    /** The stage's deadline passed and the alert stays where it is (see {@link DeadlineMissed}). */
    private void recordMissed(AlertContext ctx, DeadlineMissed.Outcome outcome, NextRoute route,
                              List<Recipient> recipients) {
        apply(new DeadlineMissed(ctx.nextEventId(), alertId, ctx.now(), DeadlineMissed.SCHEMA_VERSION, stage,
                deadlines.responseDueAt(), outcome, route, recipients));
    }

    private void escalate(AlertContext ctx, Policy p, int to, EscalationReason reason, String by, String note) {
        Instant now = ctx.now();
        StageEntry entry = ctx.planner().enter(p, to, parties, now);
        apply(new StageEscalated(ctx.nextEventId(), alertId, now, StageEscalated.SCHEMA_VERSION, stage, to, reason, by,
                note, entry.responder(), entry.deadlines(), Recipients.ofEscalation(entry, parties, responder),
                AlertStatus.AWAITING_RESPONSE));
    }

    @CommandHandler
    public void handle(RecordDeadlineReached cmd, AlertContext ctx) {
        deadlines.requireReached(cmd, ctx.now(), stage, status, actions);
        Instant now = ctx.now();
        switch (cmd.kind()) {
            case REMINDER -> apply(new ReminderDue(ctx.nextEventId(), alertId, now, ReminderDue.SCHEMA_VERSION, stage,
                    deadlines.reminderAt(), deadlines.responseDueAt(), Recipients.responderAndCovered(responder)));
            case ACTION -> {
                AgreedAction action = actions.find(cmd.actionId()).orElseThrow();
                apply(new ActionOverdue(ctx.nextEventId(), alertId, now, ActionOverdue.SCHEMA_VERSION,
                        action.actionId(), action.ownerId(), action.dueDate(),
                        Recipients.ofActionOverdue(action, parties, responder)));
            }
            case REVIEW -> apply(new ReviewDue(ctx.nextEventId(), alertId, now, ReviewDue.SCHEMA_VERSION, stage,
                    deadlines.reviewDate(), Recipients.raiserOnly(parties)));
            case STATUTORY_TOTAL -> {
                apply(new StatutoryTotalExceeded(ctx.nextEventId(), alertId, now, StatutoryTotalExceeded.SCHEMA_VERSION,
                        stage, deadlines.statutoryDueAt(), referrals.cafcassToConsider(planType),
                        Recipients.ofStatutoryTotal(ctx.planner(), parties, responder)));
            }
            case RESPONSE -> throw AlertRefused.invalid("a missed response deadline is escalated, not recorded");
        }
    }

    /** Re-plans what a calendar change moves (see {@link DeadlineFacts#replan}); nothing already fired is undone. */
    @CommandHandler
    public void handle(ReplanDeadlines cmd, AlertContext ctx) {
        if (!status.isOpen()) {
            return;
        }
        Policy p = policy(ctx);
        Instant now = ctx.now();
        List<DeadlineFacts.Move> moves = deadlines.replan(now, status == AlertStatus.AWAITING_RESPONSE,
                enteredAt -> ctx.planner().deadlines(p, p.stage(stage), enteredAt),
                raisedAt -> ctx.planner().statutoryDue(p, planType, raisedAt));
        for (DeadlineFacts.Move m : moves) {
            apply(new DeadlineRescheduled(ctx.nextEventId(), alertId, now, DeadlineRescheduled.SCHEMA_VERSION,
                    stage, m.kind(), m.from(), m.to(), cmd.reason()));
        }
    }

    @CommandHandler
    public void handle(ResolveAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "resolve");
        requireOpen("resolve");
        apply(new AlertResolved(ctx.nextEventId(), alertId, ctx.now(), AlertResolved.SCHEMA_VERSION, stage,
                cmd.actor().personId(), cmd.outcome(), status == AlertStatus.ACTION_REVIEW,
                Recipients.responderOnly(responder), AlertStatus.RESOLVED));
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
        apply(new ActionReviewScheduled(ctx.nextEventId(), alertId, ctx.now(), ActionReviewScheduled.SCHEMA_VERSION,
                stage, cmd.actor().personId(), cmd.reviewDate(), endOfDay(p, cmd.reviewDate()), cmd.note(),
                AlertStatus.ACTION_REVIEW));
    }

    @CommandHandler
    public void handle(ReopenAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "re-open");
        if (status != AlertStatus.ACTION_REVIEW) {
            throw AlertRefused.illegal("only an alert under action review can be re-opened (status is " + status + ")");
        }
        Policy p = policy(ctx);
        int to = EscalationPolicy.reopenTarget(p, stage, cmd.toStage());
        StageEntry entry = ctx.planner().enter(p, to, parties, ctx.now());
        apply(new AlertReopened(ctx.nextEventId(), alertId, ctx.now(), AlertReopened.SCHEMA_VERSION, stage, to,
                cmd.actor().personId(), cmd.reason(), entry.responder(), entry.deadlines(), entry.recipients(),
                AlertStatus.AWAITING_RESPONSE));
    }

    @CommandHandler
    public void handle(WithdrawAlert cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "withdraw");
        requireOpen("withdraw");
        if (cmd.reason() == null || cmd.reason().isBlank()) {
            throw AlertRefused.invalid("a withdrawal needs a reason");
        }
        apply(new AlertWithdrawn(ctx.nextEventId(), alertId, ctx.now(), AlertWithdrawn.SCHEMA_VERSION, stage,
                cmd.actor().personId(), cmd.reason(), Recipients.responderOnly(responder), AlertStatus.WITHDRAWN));
    }

    @CommandHandler
    public void handle(ReferToCafcass cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "refer to Cafcass");
        requireOpen("refer to Cafcass");
        LocalDate on = referrals.cafcassReferralOn(planType, cmd.referredOn(), today(ctx));
        apply(new CafcassReferralRecorded(ctx.nextEventId(), alertId, ctx.now(),
                CafcassReferralRecorded.SCHEMA_VERSION, stage, cmd.actor().personId(), on, cmd.note(),
                Recipients.ofReferral(ctx.planner(), parties, responder)));
    }

    @CommandHandler
    public void handle(ReferToPartnership cmd, AlertContext ctx) {
        requireRaiser(cmd.actor(), "refer to the Safeguarding Children Partnership");
        requireOpen("refer to the partnership");
        referrals.requirePartnershipReferral(policy(ctx), stage);
        apply(new PartnershipReferralRecorded(ctx.nextEventId(), alertId, ctx.now(),
                PartnershipReferralRecorded.SCHEMA_VERSION, stage, cmd.actor().personId(), cmd.note(),
                Recipients.ofReferral(ctx.planner(), parties, responder)));
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
                actor.personId(), responder, next, cmd.reason(), Recipients.ofReassignment(to.id(), responder)));
    }

    @CommandHandler
    public void handle(FollowCover cmd, AlertContext ctx) {
        if (!followsCover || (status != AlertStatus.AWAITING_RESPONSE && status != AlertStatus.AWAITING_JUDGEMENT)) {
            return;
        }
        String owner = responder.coverFor() == null ? responder.personId() : responder.coverFor();
        Optional<Cover> cover = ctx.planner().coverOn(owner, today(ctx));
        String answers = cover.map(Cover::coverPersonId).orElse(owner);
        if (answers.equals(responder.personId())) {
            return;
        }
        Assignment next = new Assignment(answers, responder.role(), answers.equals(owner) ? null : owner);
        String why = cover.map(c -> "cover " + c.id() + " for " + owner + " started")
                .orElse("cover for " + owner + " ended");
        apply(new AlertReassigned(ctx.nextEventId(), alertId, ctx.now(), AlertReassigned.SCHEMA_VERSION, stage,
                StageEscalated.SYSTEM, responder, next, why, Recipients.ofReassignment(answers, responder)));
    }

    @CommandHandler
    public void handle(CompleteAction cmd, AlertContext ctx) {
        String by = cmd.actor().personId();
        actions.requireCompletable(alertId, cmd.actionId(), by, tookPart(by));
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
        if (!tookPart(by) && !cmd.actor().isAdmin()) {
            throw AlertRefused.notPermitted("only the raiser, a responder or an admin may add a note");
        }
        apply(new NoteAdded(ctx.nextEventId(), alertId, ctx.now(), NoteAdded.SCHEMA_VERSION,
                alertId + "-n" + ctx.nextEventId(), by, cmd.text()));
    }

    // --- state changes: event sourcing handlers only move state ---
    // Each sets the status its event implies rather than reading e.status(): events stored before they carried a
    // status replay the same.

    @EventSourcingHandler
    void on(AlertRaised e) {
        alertId = e.alertId();
        policy = e.policy();
        parties = new Parties(e.teamId(), e.raisedBy(), e.concernAbout() == null ? null : e.concernAbout().personId(),
                e.socialWorkerId());
        planType = e.planType();
        enterStage(e.stage(), e.responder());
    }

    @EventSourcingHandler
    void on(AlertAcknowledged e) {
        acknowledgedAtStage.add(e.acknowledgedBy());
    }

    @EventSourcingHandler
    void on(ResponseRecorded e) {
        status = AlertStatus.AWAITING_JUDGEMENT;
        missed = null;
        everAssigned.add(e.respondedBy());
    }

    @EventSourcingHandler
    void on(FurtherActionsRequested e) {
        status = AlertStatus.AWAITING_RESPONSE;
    }

    @EventSourcingHandler
    void on(StageEscalated e) {
        missed = e.reason() == EscalationReason.DEADLINE_MISSED ? new MissedStage(stage, responder, e.occurredAt()) : null;
        enterStage(e.toStage(), e.responder());
    }

    @EventSourcingHandler
    void on(AlertReopened e) {
        missed = null;
        enterStage(e.toStage(), e.responder());
    }

    @EventSourcingHandler
    void on(ActionReviewScheduled e) {
        status = AlertStatus.ACTION_REVIEW;
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
    void on(AlertReassigned e) {
        responder = e.to();
        followsCover = StageEscalated.SYSTEM.equals(e.reassignedBy());
        everAssigned.add(e.to().personId());
        acknowledgedAtStage.clear();
    }

    private void enterStage(int newStage, Assignment assigned) {
        stage = newStage;
        responder = assigned;
        followsCover = true;
        status = AlertStatus.AWAITING_RESPONSE;
        acknowledgedAtStage.clear();
        everAssigned.add(assigned.personId());
    }

    // --- rules shared by several commands ---

    /** The raiser, or anyone ever assigned to answer the alert. */
    private boolean tookPart(String personId) {
        return personId.equals(parties.raiserId()) || everAssigned.contains(personId);
    }

    private void requireRaiser(Actor actor, String what) {
        if (!actor.personId().equals(parties.raiserId())) {
            throw AlertRefused.notPermitted("only the raiser may " + what + " this alert");
        }
    }

    /** The alert's last rung: the policy's, or stage 1 for a concern about a chair the policy does not take higher. */
    private int finalStage(Policy p) {
        return parties.chairId() != null && p.chairConcernLadder().isEmpty() ? 1 : p.finalStage();
    }

    private void requireOpen(String what) {
        if (!status.isOpen()) {
            throw AlertRefused.illegal("cannot " + what + ": the alert is " + status);
        }
    }

    private Policy policy(AlertContext ctx) {
        return ctx.planner().policies().get(policy);
    }

    private LocalDate today(AlertContext ctx) {
        return LocalDate.ofInstant(ctx.now(), policy(ctx).zone());
    }

    private static Instant endOfDay(Policy p, LocalDate date) {
        return date.atTime(p.endOfDay()).atZone(p.zone()).toInstant();
    }

    private static <T> List<T> listOrEmpty(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
