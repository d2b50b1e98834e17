package org.practicealerts.alert.policy;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.practicealerts.calendar.DayCounting;
import org.practicealerts.calendar.Timescale;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;

/**
 * A council's practice-alert procedure: the escalation ladder and its timescales, who is told, and the rules
 * around it. Loaded from YAML and validated by {@link PolicyLoader}; alerts keep the version they were raised
 * under.
 *
 * @param bypassStages         stages the raiser may enter directly or jump to (with a reason)
 * @param urgentEntryStage     the stage an URGENT alert starts at
 * @param immediateRiskNotify  who is told at once about an IMMEDIATE_RISK alert
 * @param finalStageReferral   whether the final stage may be referred to the Safeguarding Children Partnership
 * @param statutoryTotal       the total the formal process should not exceed (IRO Handbook: 20 working days)
 * @param statutoryPlanTypes   plan types the statutory total applies to
 * @param raiseNotify          who is told when any alert is raised (e.g. the raiser's team manager)
 * @param onMissedDeadline     below the final stage, whether a missed deadline escalates or tells the raiser
 * @param afterFinalStage      the route the procedure names once its final stage's deadline has passed
 * @param hoursOnNonWorkingDay what an hours timescale ending on a non-working day does
 * @param chairConcernResponder who answers a concern a social work team raises about a chair (seed 003), or null
 *                             when the procedure has no such route
 * @param chairConcernLadder   who answers such a concern at stages 2, 3 … (one per stage above the first, up the chair's
 *                             line), or empty when it stays with {@code chairConcernResponder}
 */
public record Policy(String id, int version, String name, String description, ZoneId zone, LocalTime endOfDay,
                     DayCounting dayCounting, List<StageRule> stages, Set<Integer> bypassStages,
                     int urgentEntryStage, List<Relation> immediateRiskNotify, List<Relation> raiseNotify,
                     boolean finalStageReferral, Timescale statutoryTotal, Set<PlanType> statutoryPlanTypes,
                     List<Category> categories, MissedDeadline onMissedDeadline, NextRoute afterFinalStage,
                     Relation chairConcernResponder, HoursOnNonWorkingDay hoursOnNonWorkingDay,
                     List<Relation> chairConcernLadder) {

    public Policy {
        stages = List.copyOf(stages);
        bypassStages = Set.copyOf(bypassStages);
        immediateRiskNotify = List.copyOf(immediateRiskNotify);
        raiseNotify = List.copyOf(raiseNotify);
        statutoryPlanTypes = Set.copyOf(statutoryPlanTypes);
        categories = List.copyOf(categories);
        chairConcernLadder = chairConcernLadder == null ? List.of() : List.copyOf(chairConcernLadder);
    }

    public PolicyRef ref() {
        return new PolicyRef(id, version);
    }

    public int finalStage() {
        return stages.size();
    }

    public StageRule stage(int number) {
        if (number < 1 || number > stages.size()) {
            throw new IllegalArgumentException("policy " + id + " has no stage " + number);
        }
        return stages.get(number - 1);
    }

    public boolean hasCategory(String code) {
        return categories.stream().anyMatch(c -> c.code().equals(code));
    }

    public Optional<Timescale> statutoryTotalFor(PlanType planType) {
        return statutoryPlanTypes.contains(planType) ? Optional.ofNullable(statutoryTotal) : Optional.empty();
    }
}
