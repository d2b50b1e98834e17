package org.practicealerts.alert.milestone;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.domain.ActiveProcedure;
import org.practicealerts.alert.mongo.MongoPolicyCatalogue;
import org.practicealerts.alert.query.AlertDetail;
import org.practicealerts.alert.query.AlertQueries;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Role;
import org.practicealerts.milestones.MilestonePolicy;
import org.practicealerts.milestones.MilestoneRule;
import org.practicealerts.text.SealedText;
import org.springframework.stereotype.Component;

/**
 * A missed milestone is a prompt for a chair: its draft alert (the procedure in force for this chair and child
 * protection, the category from its headings), the alert raised from it linked back, or its dismissal with a reason,
 * sealed like all free text and never logged. Either takes the prompt out of the chairs' work queue.
 */
@Component
public class MilestonePrompts {

    /**
     * The alert a chair's prompt would raise, filled in as far as the facts allow: the child, the team, the plan, the
     * procedure in force for this chair and the category from its headings, and a summary naming the milestone. The
     * impact on the child and the child's voice are the chair's to write.
     */
    public record Draft(String childRef, String teamId, PlanType planType, String procedure, String primaryCategory,
                        String summary, String ruleId, String openedBy, LocalDate dueOn) {
    }

    /** What became of a dismissal, or of linking the alert raised about a missed milestone. */
    public enum Outcome { DONE, ALREADY_DONE, NOT_A_MISSED_MILESTONE, NOT_THAT_ALERT }

    private final CaseMilestones milestones;
    private final PromptRecords records;
    private final MongoPolicyCatalogue procedures;
    private final AlertQueries alerts;
    private final SealedText text;
    private final Clock clock;

    public MilestonePrompts(CaseMilestones milestones, PromptRecords records, MongoPolicyCatalogue procedures,
                            AlertQueries alerts, SealedText text, Clock clock) {
        this.milestones = milestones;
        this.records = records;
        this.procedures = procedures;
        this.alerts = alerts;
        this.text = text;
        this.clock = clock;
    }

    /** A chair dismisses a missed milestone's prompt, with a reason (sealed; never logged). */
    public Outcome dismiss(String childRef, String ruleId, String openedBy, String reason, Actor actor) {
        Optional<CaseMilestones.View> missed = milestones.missed(childRef, ruleId, openedBy, actor);
        if (missed.isEmpty()) {
            return Outcome.NOT_A_MISSED_MILESTONE;
        }
        if (missed.get().dismissed() || missed.get().alertId() != null) {
            return Outcome.ALREADY_DONE;
        }
        String textKey = "milestone-" + UUID.randomUUID();
        return records.dismissed(childRef, ruleId, openedBy, actor.personId(), clock.instant(), textKey,
                text.seal(textKey, reason)) ? Outcome.DONE : Outcome.ALREADY_DONE;
    }

    /** The draft alert of a missed milestone's prompt, for a chair; empty if it is not (or no longer) a prompt. */
    public Optional<Draft> draft(String childRef, String ruleId, String openedBy, Actor actor) {
        MilestonePolicy policy = milestones.policy();
        return milestones.missed(childRef, ruleId, openedBy, actor).filter(v -> !v.dismissed() && v.alertId() == null)
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
        Optional<CaseMilestones.View> missed = milestones.missed(childRef, ruleId, openedBy, actor);
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
        return records.raised(childRef, ruleId, openedBy, actor.personId(), clock.instant(), alertId)
                ? Outcome.DONE : Outcome.NOT_A_MISSED_MILESTONE;
    }

    private static boolean isRole(String name) {
        return Arrays.stream(Role.values()).anyMatch(r -> r.name().equals(name));
    }
}
