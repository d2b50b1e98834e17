package org.practicealerts.alert.milestone;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.practicealerts.alert.query.AlertAccess;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Person;
import org.practicealerts.milestones.CaseFact;
import org.practicealerts.milestones.Milestone;
import org.practicealerts.milestones.MilestoneMonitor;
import org.practicealerts.milestones.MilestonePolicy;
import org.practicealerts.milestones.MilestoneRule;
import org.springframework.stereotype.Component;

/**
 * A child's milestones as the policy of seed 004 dates them from the case system's facts, who may see them, the
 * chairs' work queue (the milestones missed, less the prompts dismissed or raised: {@link MilestonePrompts}) and
 * compliance by team and milestone.
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

    private static final Set<String> WATCH_EVERY_PLAN = Set.of(Role.CPC.name(), Role.IRO.name(), Role.CRO.name(),
            Role.ADMIN.name(), Role.REPORT_VIEWER.name());

    private final MilestonePolicy policy = MilestonePolicy.seed004();
    private final CaseFactStore facts;
    private final MongoWorkingCalendar calendar;
    private final AlertAccess access;
    private final Clock clock;
    private final PromptRecords prompts;
    private final MongoDirectory directory;

    public CaseMilestones(CaseFactStore facts, MongoWorkingCalendar calendar, AlertAccess access, Clock clock,
                          PromptRecords prompts, MongoDirectory directory) {
        this.facts = facts;
        this.calendar = calendar;
        this.access = access;
        this.clock = clock;
        this.prompts = prompts;
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
                views(stored, team, prompts.done(childRef), monitor())));
    }

    /**
     * The milestones in {@code state} of every child the actor may see, soonest due first. Missed ones a chair has
     * dismissed are left out: what is left of {@code MISSED} is the chairs' work queue.
     */
    public List<View> inState(Milestone.State state, Actor actor) {
        Map<String, String> done = prompts.done();
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

    /** The child's milestone opened by {@code openedBy} under {@code ruleId}, if it is missed and the actor sees it. */
    Optional<View> missed(String childRef, String ruleId, String openedBy, Actor actor) {
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
                        "".equals(done.get(PromptRecords.key(m.ruleId(), m.openedBy()))),
                        emptyToNull(done.get(PromptRecords.key(m.ruleId(), m.openedBy())))))
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

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

}
