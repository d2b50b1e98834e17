package org.practicealerts.alert.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.practicealerts.alert.domain.ActiveProcedure;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Role;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The procedures in force, and every deadline each would set. */
@RestController
@Validated
@RequestMapping("/api/v1/policy")
public class PolicyController {

    /**
     * A timeline: every stage's deadlines for an alert nobody answers, and whether the ladder runs past the
     * statutory total (20 working days for looked-after children).
     */
    public record Timeline(String policyId, int policyVersion, Instant raisedAt, List<StagePlanner.TimelineStage> stages,
                           Instant statutoryDueAt, boolean exceedsStatutoryTotal) {
    }

    private final StagePlanner planner;
    private final java.time.Clock clock;

    public PolicyController(StagePlanner planner, java.time.Clock clock) {
        this.planner = planner;
        this.clock = clock;
    }

    /** A procedure in force and whom it applies to (empty lists: every raiser, every plan type). */
    public record InForce(String id, int version, String name, List<Role> raisers, List<PlanType> planTypes) {
        static InForce of(ActiveProcedure p) {
            return new InForce(p.id(), p.policy().version(), p.policy().name(), p.raisers().stream().sorted().toList(),
                    p.planTypes().stream().sorted().toList());
        }
    }

    /** The procedure named, or the first in force. */
    @GetMapping
    public Policy policy(@RequestParam(required = false) @Pattern(regexp = Requests.ID) String procedure) {
        return named(procedure);
    }

    /** Every procedure in force, in the order configured. */
    @GetMapping("/procedures")
    public List<InForce> procedures() {
        return planner.policies().procedures().stream().map(InForce::of).toList();
    }

    @GetMapping("/presets")
    public List<String> presets() {
        return PolicyLoader.PRESETS;
    }

    @GetMapping("/timeline")
    public Mono<Timeline> timeline(@RequestParam(required = false) Instant raisedAt,
                                   @RequestParam(defaultValue = "1") @Min(1) @Max(10) int stage,
                                   @RequestParam(defaultValue = "CHILD_WE_CARE_FOR") PlanType planType,
                                   @RequestParam(required = false) @Pattern(regexp = Requests.ID) String procedure) {
        // Without raisedAt: now, by the service's clock (the embedded default's simulated one).
        Instant at = raisedAt == null ? clock.instant() : raisedAt;
        return DirectoryController.blocking(() -> {
            Policy p = named(procedure);
            if (stage > p.finalStage()) {
                throw AlertRefused.invalid("stage", "policy " + p.id() + " has " + p.finalStage() + " stages");
            }
            List<StagePlanner.TimelineStage> stages = planner.timeline(p, stage, at);
            Instant statutory = planner.statutoryDue(p, planType, at);
            Instant last = stages.get(stages.size() - 1).responseDueAt();
            return new Timeline(p.id(), p.version(), at, stages, statutory,
                    statutory != null && last.isAfter(statutory));
        });
    }

    private Policy named(String procedure) {
        if (procedure == null) {
            return planner.policies().primary();
        }
        return planner.policies().procedure(procedure).map(ActiveProcedure::policy).orElseThrow(() ->
                AlertRefused.invalid("procedure", "procedure " + procedure + " is not in force; in force: "
                        + planner.policies().procedures().stream().map(ActiveProcedure::id).toList()));
    }
}
