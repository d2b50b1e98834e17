package org.practicealerts.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.practicealerts.events.directory.Cover;
import org.practicealerts.events.directory.Person;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.events.Role;
import org.practicealerts.alert.policy.HoursOnNonWorkingDay;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.Relation;
import org.practicealerts.alert.policy.StageRule;
import org.practicealerts.calendar.DeadlineCalculator;
import org.practicealerts.calendar.Timescale;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.StageDeadlines;

/**
 * Applies a policy at a moment: resolves who answers a stage (walking reporting lines, falling back to cover),
 * computes the stage's deadlines with the working-day calendar, and lists who must be told. Every value it
 * computes goes into an event, so history is never recomputed.
 */
public class StagePlanner {

    private static final int MAX_LINE_DEPTH = 32;

    private final PolicyCatalogue policies;
    private final ReportingLines lines;
    private final WorkingCalendarSource calendars;

    public StagePlanner(PolicyCatalogue policies, ReportingLines lines, WorkingCalendarSource calendars) {
        this.policies = policies;
        this.lines = lines;
        this.calendars = calendars;
    }

    public PolicyCatalogue policies() {
        return policies;
    }

    public ReportingLines lines() {
        return lines;
    }

    /** Entering {@code stage} at {@code at}: responder, deadlines and recipients (responder first). */
    public StageEntry enter(Policy policy, int stage, Parties parties, Instant at) {
        StageRule rule = ruleFor(policy, stage, parties);
        LocalDate today = LocalDate.ofInstant(at, policy.zone());
        Assignment responder = assign(rule, parties, today);
        List<Recipient> recipients = new ArrayList<>(Recipients.responderAndCovered(responder));
        recipients.addAll(recipients(rule.toldOnEntry(), parties));
        return new StageEntry(stage, responder, deadlines(policy, rule, at), Recipients.merged(recipients));
    }

    /**
     * The rule a stage runs under for these parties: the policy's, except that a concern about a chair is answered
     * up the chair's line: at stage 1 by the policy's {@code chairConcernResponder} (the chair's line manager), above
     * it by its {@code chairConcernLadder}, each with the stage's timescale. The stage's {@code notify} list, about
     * the child's team, is not used.
     */
    StageRule ruleFor(Policy policy, int stage, Parties parties) {
        StageRule rule = policy.stage(stage);
        if (parties.chairId() == null) {
            return rule;
        }
        if (policy.chairConcernResponder() == null) {
            throw AlertRefused.invalid("policy " + policy.id() + " has no route for a concern about a chair");
        }
        if (stage > 1 && policy.chairConcernLadder().isEmpty()) {
            throw AlertRefused.illegal("a concern about a chair is answered by the chair's line manager and does not "
                    + "go up the ladder under " + policy.id());
        }
        Relation responder = stage == 1 ? policy.chairConcernResponder() : policy.chairConcernLadder().get(stage - 2);
        return new StageRule(rule.number(), rule.name(), responder, rule.responseTimescale(),
                rule.reminderBefore(), List.of());
    }

    /** The deadlines a stage entered at {@code at} would have. */
    public StageDeadlines deadlines(Policy policy, StageRule rule, Instant at) {
        DeadlineCalculator calc = calculator(policy);
        Instant due = calc.due(at, rule.responseTimescale());
        if (rule.responseTimescale().unit() == Timescale.Unit.HOURS
                && policy.hoursOnNonWorkingDay() == HoursOnNonWorkingDay.NEXT_WORKING_DAY) {
            due = onAWorkingDay(calc, due);
        }
        Instant reminder = rule.reminderBefore() == null ? null : calc.reminderBefore(due, rule.reminderBefore());
        if (reminder != null && !reminder.isAfter(at)) {
            reminder = null; // a reminder in the past is noise: the stage is short enough without one
        }
        return new StageDeadlines(due, reminder);
    }

    /** {@code due}, or the same local time on the next working day if it falls on a day that is not one. */
    private static Instant onAWorkingDay(DeadlineCalculator calc, Instant due) {
        ZonedDateTime local = due.atZone(calc.zone());
        LocalDate day = local.toLocalDate();
        while (!calc.calendar().isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        return ZonedDateTime.of(day, local.toLocalTime(), calc.zone()).toInstant();
    }

    /** One stage of a timeline: when the alert would reach it, and its deadlines. */
    public record TimelineStage(int stage, String name, Relation responder, String timescale, Instant entersAt,
                                Instant reminderAt, Instant responseDueAt) {
    }

    /**
     * Every deadline the policy would set for an alert entering {@code fromStage} at {@code at} that nobody answers:
     * each stage starts when the previous one's response deadline passes.
     */
    public List<TimelineStage> timeline(Policy policy, int fromStage, Instant at) {
        List<TimelineStage> out = new ArrayList<>();
        Instant entersAt = at;
        for (int n = fromStage; n <= policy.finalStage(); n++) {
            StageRule rule = policy.stage(n);
            StageDeadlines d = deadlines(policy, rule, entersAt);
            out.add(new TimelineStage(n, rule.name(), rule.responder(), rule.responseTimescale().toString(), entersAt,
                    d.reminderAt(), d.responseDueAt()));
            entersAt = d.responseDueAt();
        }
        return out;
    }

    /** End of the statutory total for this plan type, counted from when the alert was raised; null if none. */
    public Instant statutoryDue(Policy policy, PlanType planType, Instant raisedAt) {
        Optional<Timescale> total = policy.statutoryTotalFor(planType);
        return total.map(t -> calculator(policy).due(raisedAt, t)).orElse(null);
    }

    public DeadlineCalculator calculator(Policy policy) {
        return new DeadlineCalculator(calendars.current(), policy.zone(), policy.endOfDay(), policy.dayCounting());
    }

    /**
     * Recipients for a set of relations, one per person with every relation's reason ({@link Recipients#merged});
     * people the directory cannot resolve are skipped.
     */
    public List<Recipient> recipients(List<Relation> relations, Parties parties) {
        return resolveAll(relations, parties, Relation::reason);
    }

    /** Recipients told at once of an immediate risk of harm, as {@link #recipients} but with the risk's reasons. */
    public List<Recipient> immediateRiskRecipients(List<Relation> relations, Parties parties) {
        return resolveAll(relations, parties, Relation::immediateRiskReason);
    }

    /** The stage's responder, or their cover when they are away. */
    public Assignment assign(StageRule rule, Parties parties, LocalDate on) {
        Person person = resolve(rule.responder(), parties).orElseThrow(() -> AlertRefused.invalid(
                "the directory has no " + rule.responder() + " for team " + parties.teamId()
                        + " (stage " + rule.number() + ": " + rule.name() + ")"));
        String role = roleOf(rule.responder()).name();
        return coverOn(person.id(), on).map(c -> new Assignment(c.coverPersonId(), role, person.id()))
                .orElseGet(() -> new Assignment(person.id(), role, null));
    }

    /** The cover in force for {@code ownerId} on {@code on} (the most recently starting one), if any. */
    public Optional<Cover> coverOn(String ownerId, LocalDate on) {
        return lines.coversOn(ownerId, on).stream().findFirst();
    }

    /** Whether {@code personId} may act for {@code assigned} today: they are it, or cover for it. */
    public boolean actsFor(String personId, Assignment assigned, LocalDate on) {
        if (personId.equals(assigned.personId()) || personId.equals(assigned.coverFor())) {
            return true;
        }
        return lines.coversOn(assigned.personId(), on).stream().anyMatch(c -> c.coverPersonId().equals(personId));
    }

    public Optional<Person> resolve(Relation relation, Parties parties) {
        return switch (relation) {
            case RAISER -> lines.person(parties.raiserId());
            case CHILDS_TEAM_MANAGER -> childsTeamManager(parties);
            case CHILDS_SERVICE_MANAGER, CHILDS_HEAD_OF_SERVICE, CHILDS_ASSISTANT_DIRECTOR, CHILDS_SERVICE_DIRECTOR ->
                    childsTeamManager(parties).flatMap(tm -> firstAbove(tm, roleOf(relation)));
            case RAISERS_TEAM_MANAGER, RAISERS_SERVICE_MANAGER, RAISERS_HEAD_OF_SERVICE, RAISERS_ASSISTANT_DIRECTOR ->
                    lines.person(parties.raiserId()).flatMap(r -> firstAbove(r, roleOf(relation)));
            case DIRECTOR -> childsTeamManager(parties).flatMap(tm -> firstAbove(tm, Role.DIRECTOR))
                    .or(() -> lines.withRole(Role.DIRECTOR).stream().filter(Person::active).findFirst());
            case CHAIRS_LINE_MANAGER -> Optional.ofNullable(parties.chairId()).flatMap(lines::person)
                    .map(Person::managerId).flatMap(lines::person);
            case CHAIRS_SERVICE_MANAGER, CHAIRS_HEAD_OF_SERVICE -> Optional.ofNullable(parties.chairId())
                    .flatMap(lines::person).flatMap(chair -> firstAbove(chair, roleOf(relation)));
            case ALLOCATED_SOCIAL_WORKER -> Optional.ofNullable(parties.socialWorkerId()).flatMap(lines::person);
        };
    }

    static Role roleOf(Relation relation) {
        return switch (relation) {
            case CHILDS_TEAM_MANAGER, RAISERS_TEAM_MANAGER -> Role.TEAM_MANAGER;
            case CHILDS_SERVICE_MANAGER, RAISERS_SERVICE_MANAGER, CHAIRS_SERVICE_MANAGER -> Role.SERVICE_MANAGER;
            case CHILDS_HEAD_OF_SERVICE, RAISERS_HEAD_OF_SERVICE, CHAIRS_HEAD_OF_SERVICE -> Role.HEAD_OF_SERVICE;
            case CHILDS_ASSISTANT_DIRECTOR, RAISERS_ASSISTANT_DIRECTOR -> Role.ASSISTANT_DIRECTOR;
            case CHILDS_SERVICE_DIRECTOR -> Role.SERVICE_DIRECTOR;
            case DIRECTOR -> Role.DIRECTOR;
            case RAISER -> Role.IRO;
            case CHAIRS_LINE_MANAGER -> Role.TEAM_MANAGER; // the review unit's manager, as the assignment's role
            case ALLOCATED_SOCIAL_WORKER -> Role.SOCIAL_WORKER;
        };
    }

    private Optional<Person> childsTeamManager(Parties parties) {
        return lines.team(parties.teamId()).map(t -> t.managerId()).flatMap(lines::person);
    }

    /** Whoever heads {@code personId}'s reporting line: the last person walking up it (them, if nobody is above). */
    public Optional<Person> topOfLine(String personId) {
        Optional<Person> top = lines.person(personId);
        for (int depth = 0; depth < MAX_LINE_DEPTH && top.isPresent() && top.get().managerId() != null; depth++) {
            Optional<Person> next = lines.person(top.get().managerId());
            if (next.isEmpty()) {
                break;
            }
            top = next;
        }
        return top;
    }

    /** Walks up the reporting line from {@code start} (not counting start) to the first holder of {@code role}. */
    private Optional<Person> firstAbove(Person start, Role role) {
        Person current = start;
        for (int depth = 0; depth < MAX_LINE_DEPTH && current.managerId() != null; depth++) {
            Optional<Person> next = lines.person(current.managerId());
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
            if (current.has(role)) {
                return Optional.of(current);
            }
        }
        return Optional.empty();
    }

    private List<Recipient> resolveAll(List<Relation> relations, Parties parties,
                                       Function<Relation, RecipientReason> why) {
        List<Recipient> out = new ArrayList<>();
        for (Relation r : relations) {
            resolve(r, parties).ifPresent(p -> out.add(new Recipient(p.id(), why.apply(r))));
        }
        return Recipients.merged(out);
    }
}
