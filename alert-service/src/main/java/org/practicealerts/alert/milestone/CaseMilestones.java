package org.practicealerts.alert.milestone;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.bson.Document;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.domain.ActiveProcedure;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.alert.mongo.MongoPolicyCatalogue;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.practicealerts.alert.query.AlertAccess;
import org.practicealerts.alert.query.AlertDetail;
import org.practicealerts.alert.query.AlertQueries;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Person;
import org.practicealerts.milestones.CaseFact;
import org.practicealerts.milestones.Milestone;
import org.practicealerts.milestones.MilestoneMonitor;
import org.practicealerts.milestones.MilestonePolicy;
import org.practicealerts.milestones.MilestoneRule;
import org.practicealerts.text.SealedText;
import org.springframework.stereotype.Component;

/**
 * A child's milestones as the policy of seed 004 dates them from the case system's facts, who may see them, and the
 * chairs' prompts: the milestones missed, less those a chair has dismissed (with a reason, sealed like all free text).
 *
 * <p>Who may see a child's milestones: the chairs (CPC, IRO, CRO), who watch every plan; admins and report viewers;
 * anyone else the children of the teams in their reporting line, as for alerts, and of their own team (a social
 * worker's). A child they may not see is answered as a child with no facts.
 */
@Component
public class CaseMilestones {

    /** One milestone as the API shows it; {@code alertId}: the alert a chair raised about it (missed). */
    public record View(String ruleId, String name, String childRef, String teamId, String openedBy, Instant openedAt,
                       LocalDate dueOn, Instant dueAt, Milestone.State state, String closedBy, Instant closedAt,
                       boolean dismissed, String alertId) {
    }

    /**
     * The alert a chair's prompt would raise, filled in as far as the facts allow: the child, the team, the plan, the
     * procedure in force for this chair and the category from its headings, and a summary naming the milestone. The
     * impact on the child and the child's voice are the chair's to write.
     */
    public record Draft(String childRef, String teamId, PlanType planType, String procedure, String primaryCategory,
                        String summary, String ruleId, String openedBy, LocalDate dueOn) {
    }

    /** A child's milestones under the policy that dated them. */
    public record OfChild(String childRef, String teamId, String policyId, int policyVersion, List<View> milestones) {
    }

    /**
     * How one team met one milestone over a period, counting the milestones due in it: met by the due date, met after
     * it, and missed (still not met); those no longer required or superseded are not counted.
     */
    public record Compliance(String teamId, String ruleId, String name, int due, int metOnTime, int metLate,
                             int missed, Integer percentOnTime) {
    }

    /** What became of a dismissal, or of linking the alert raised about a missed milestone. */
    public enum Outcome { DONE, ALREADY_DONE, NOT_A_MISSED_MILESTONE, NOT_THAT_ALERT }

    private static final Set<String> WATCH_EVERY_PLAN = Set.of(Role.CPC.name(), Role.IRO.name(), Role.CRO.name(),
            Role.ADMIN.name(), Role.REPORT_VIEWER.name());

    private final MilestonePolicy policy = MilestonePolicy.seed004();
    private final CaseFactStore facts;
    private final MongoWorkingCalendar calendar;
    private final AlertAccess access;
    private final SealedText text;
    private final Clock clock;
    /** What became of each missed milestone's prompt: dismissed (with a sealed reason) or raised as an alert. */
    private final MongoCollection<Document> prompts;
    private final MongoPolicyCatalogue procedures;
    private final AlertQueries alerts;
    private final MongoDirectory directory;

    public CaseMilestones(CaseFactStore facts, MongoWorkingCalendar calendar, AlertAccess access, SealedText text,
                          Clock clock, MongoDatabase db, MongoPolicyCatalogue procedures, AlertQueries alerts,
                          MongoDirectory directory) {
        this.facts = facts;
        this.calendar = calendar;
        this.access = access;
        this.text = text;
        this.clock = clock;
        this.prompts = db.getCollection("milestone_prompts");
        this.procedures = procedures;
        this.alerts = alerts;
        this.directory = directory;
    }

    public MilestonePolicy policy() {
        return policy;
    }

    /** The child's milestones, or empty if there are no facts about the child or the actor may not see them. */
    public Optional<OfChild> ofChild(String childRef, Actor actor) {
        List<CaseFactStore.Stored> stored = facts.ofChild(childRef);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        String team = teamOf(stored);
        if (!maySee(actor, team)) {
            return Optional.empty();
        }
        return Optional.of(new OfChild(childRef, team, policy.id(), policy.version(),
                views(stored, team, promptsDone(), monitor())));
    }

    /**
     * The milestones in {@code state} of every child the actor may see, soonest due first. Missed ones a chair has
     * dismissed are left out: what is left of {@code MISSED} is the chairs' work queue.
     */
    public List<View> inState(Milestone.State state, Actor actor) {
        Map<String, String> done = promptsDone();
        MilestoneMonitor monitor = monitor();
        Predicate<String> mine = teamsSeenBy(actor);
        List<View> out = new ArrayList<>();
        for (Map.Entry<String, List<CaseFactStore.Stored>> child : facts.byChild().entrySet()) {
            String team = teamOf(child.getValue());
            if (!mine.test(team)) {
                continue;
            }
            views(child.getValue(), team, done, monitor).stream()
                    .filter(v -> v.state() == state && !(state == Milestone.State.MISSED
                            && (v.dismissed() || v.alertId() != null)))
                    .forEach(out::add);
        }
        out.sort(Comparator.comparing(View::dueAt).thenComparing(View::childRef).thenComparing(View::ruleId));
        return out;
    }

    /**
     * Compliance by team and milestone, for the milestones due from {@code from} to {@code to} (London dates,
     * inclusive), over the children the actor may see; teams, then milestones in the policy's order.
     */
    public List<Compliance> compliance(LocalDate from, LocalDate to, Actor actor) {
        Map<String, int[]> counts = new java.util.TreeMap<>();
        MilestoneMonitor monitor = monitor();
        Predicate<String> mine = teamsSeenBy(actor);
        for (List<CaseFactStore.Stored> child : facts.byChild().values()) {
            String team = teamOf(child);
            if (!mine.test(team)) {
                continue;
            }
            for (Milestone m : monitor.milestones(child.stream().map(CaseFactStore.Stored::fact).toList(),
                    clock.instant())) {
                if (m.dueOn().isBefore(from) || m.dueOn().isAfter(to)) {
                    continue;
                }
                int[] c = counts.computeIfAbsent(team + "\u0000" + ruleIndex(m.ruleId()), k -> new int[4]);
                switch (m.state()) {
                    case MET -> c[1]++;
                    case MET_LATE -> c[2]++;
                    case MISSED -> c[3]++;
                    default -> {
                        continue;
                    }
                }
                c[0]++;
            }
        }
        List<Compliance> out = new ArrayList<>();
        counts.forEach((key, c) -> {
            String[] parts = key.split("\u0000");
            MilestoneRule rule = policy.rules().get(Integer.parseInt(parts[1]));
            int answered = c[1] + c[2] + c[3];
            out.add(new Compliance(parts[0], rule.id(), rule.name(), c[0], c[1], c[2], c[3],
                    answered == 0 ? null : Math.round(100f * c[1] / answered)));
        });
        return out;
    }

    /** The rule's place in the policy, zero-padded so that keys sort in the policy's order. */
    private String ruleIndex(String ruleId) {
        for (int i = 0; i < policy.rules().size(); i++) {
            if (policy.rules().get(i).id().equals(ruleId)) {
                return String.format("%03d", i);
            }
        }
        throw new IllegalStateException("no rule " + ruleId);
    }

    /** A chair dismisses a missed milestone's prompt, with a reason (sealed; never logged). */
    public Outcome dismiss(String childRef, String ruleId, String openedBy, String reason, Actor actor) {
        Optional<View> missed = missed(childRef, ruleId, openedBy, actor);
        if (missed.isEmpty()) {
            return Outcome.NOT_A_MISSED_MILESTONE;
        }
        if (missed.get().dismissed() || missed.get().alertId() != null) {
            return Outcome.ALREADY_DONE;
        }
        String textKey = "milestone-" + UUID.randomUUID();
        try {
            prompts.insertOne(new Document("_id", key(ruleId, openedBy)).append("childRef", childRef)
                    .append("ruleId", ruleId).append("openedBy", openedBy).append("dismissedBy", actor.personId())
                    .append("at", Date.from(clock.instant())).append("textKey", textKey)
                    .append("reason", text.seal(textKey, reason)));
            return Outcome.DONE;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Outcome.ALREADY_DONE;
            }
            throw e;
        }
    }

    /** The draft alert of a missed milestone's prompt, for a chair; empty if it is not (or no longer) a prompt. */
    public Optional<Draft> draft(String childRef, String ruleId, String openedBy, Actor actor) {
        return missed(childRef, ruleId, openedBy, actor).filter(v -> !v.dismissed() && v.alertId() == null)
                .map(v -> {
                    MilestoneRule rule = policy.rules().stream().filter(r -> r.id().equals(ruleId)).findFirst()
                            .orElseThrow();
                    Optional<ActiveProcedure> procedure = procedures.procedures().stream()
                            .filter(p -> p.acceptsPlanType(PlanType.CHILD_PROTECTION))
                            .filter(p -> actor.roles().stream()
                                    .anyMatch(r -> isRole(r) && p.acceptsRaiser(Role.valueOf(r))))
                            .findFirst();
                    String category = procedure.flatMap(p -> rule.alertCategories().stream()
                            .filter(p.policy()::hasCategory).findFirst()).orElse(null);
                    return new Draft(childRef, v.teamId(), PlanType.CHILD_PROTECTION,
                            procedure.map(ActiveProcedure::id).orElse(null), category,
                            rule.name() + ": due by " + v.dueOn() + " and not met (" + policy.name() + ").",
                            ruleId, openedBy, v.dueOn());
                });
    }

    /**
     * Links the alert a chair raised from a missed milestone's prompt, which leaves the work queue: the alert must be
     * about the same child and raised by the chair.
     */
    public Outcome raised(String childRef, String ruleId, String openedBy, String alertId, Actor actor) {
        Optional<View> missed = missed(childRef, ruleId, openedBy, actor);
        if (missed.isEmpty()) {
            return Outcome.NOT_A_MISSED_MILESTONE;
        }
        if (alertId.equals(missed.get().alertId())) {
            return Outcome.ALREADY_DONE;
        }
        if (missed.get().dismissed() || missed.get().alertId() != null) {
            return Outcome.NOT_A_MISSED_MILESTONE;
        }
        Optional<AlertDetail> alert = alerts.detail(alertId);
        if (alert.isEmpty() || !childRef.equals(alert.get().childRef)
                || !actor.personId().equals(alert.get().raisedBy)) {
            return Outcome.NOT_THAT_ALERT;
        }
        try {
            prompts.insertOne(new Document("_id", key(ruleId, openedBy)).append("childRef", childRef)
                    .append("ruleId", ruleId).append("openedBy", openedBy).append("raisedBy", actor.personId())
                    .append("at", Date.from(clock.instant())).append("alertId", alertId));
            return Outcome.DONE;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return Outcome.NOT_A_MISSED_MILESTONE;
            }
            throw e;
        }
    }

    private static boolean isRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
    }

    private Optional<View> missed(String childRef, String ruleId, String openedBy, Actor actor) {
        return ofChild(childRef, actor).flatMap(c -> c.milestones().stream()
                .filter(v -> v.ruleId().equals(ruleId) && v.openedBy().equals(openedBy)
                        && v.state() == Milestone.State.MISSED).findFirst());
    }

    private MilestoneMonitor monitor() {
        return new MilestoneMonitor(policy, calendar.current());
    }

    /** The prompts dismissed or raised: key to the alert raised, or to "" for a dismissal. */
    private List<View> views(List<CaseFactStore.Stored> stored, String team, Map<String, String> done,
                             MilestoneMonitor monitor) {
        List<CaseFact> caseFacts = stored.stream().map(CaseFactStore.Stored::fact).toList();
        return monitor.milestones(caseFacts, clock.instant()).stream()
                .map(m -> new View(m.ruleId(), m.name(), m.childRef(), team, m.openedBy(), m.openedAt(), m.dueOn(),
                        m.dueAt(), m.state(), m.closedBy(), m.closedAt(),
                        "".equals(done.get(key(m.ruleId(), m.openedBy()))),
                        emptyToNull(done.get(key(m.ruleId(), m.openedBy())))))
                .toList();
    }

    private boolean maySee(Actor actor, String team) {
        return teamsSeenBy(actor).test(team);
    }

    /**
     * The teams whose children's milestones the actor sees: every team for the chairs, admins and report viewers;
     * otherwise the teams their reporting line manages, and their own team (a social worker's).
     */
    private Predicate<String> teamsSeenBy(Actor actor) {
        if (watchesEveryPlan(actor)) {
            return team -> true;
        }
        AlertVisibility.Scope scope = access.scopeOf(actor);
        if (scope.everything()) {
            return team -> true;
        }
        Set<String> teams = new HashSet<>(scope.teams());
        directory.person(actor.personId()).map(Person::teamId)
                .ifPresent(teams::add);
        return teams::contains;
    }

    private static boolean watchesEveryPlan(Actor actor) {
        return actor.roles().stream().anyMatch(WATCH_EVERY_PLAN::contains);
    }

    /** The child's team as the latest fact names it (a child moves team; their facts follow). */
    private static String teamOf(List<CaseFactStore.Stored> stored) {
        return stored.stream().max(Comparator.comparing((CaseFactStore.Stored s) -> s.fact().at())
                .thenComparing(s -> s.fact().recordId())).orElseThrow().teamId();
    }

    private Map<String, String> promptsDone() {
        Map<String, String> done = new HashMap<>();
        prompts.find().projection(new Document("_id", 1).append("alertId", 1))
                .forEach(d -> done.put(d.getString("_id"),
                        d.getString("alertId") == null ? "" : d.getString("alertId")));
        return done;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String key(String ruleId, String openedBy) {
        return ruleId + "|" + openedBy;
    }
}
