package org.practicealerts.alert.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.PlanType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The procedure in force, and every deadline it would set. */
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

    public PolicyController(StagePlanner planner) {
        this.planner = planner;
    }

    @GetMapping
    public Policy active() {
        return planner.policies().active();
    }

    @GetMapping("/presets")
    public List<String> presets() {
        return PolicyLoader.PRESETS;
    }

    @GetMapping("/timeline")
    public Mono<Timeline> timeline(@RequestParam Instant raisedAt,
                                   @RequestParam(defaultValue = "1") @Min(1) @Max(10) int stage,
                                   @RequestParam(defaultValue = "CHILD_WE_CARE_FOR") PlanType planType) {
        return DirectoryController.blocking(() -> {
            Policy p = planner.policies().active();
            if (stage > p.finalStage()) {
                throw org.practicealerts.alert.domain.AlertRefused.invalid(
                        "stage: policy " + p.id() + " has " + p.finalStage() + " stages");
            }
            List<StagePlanner.TimelineStage> stages = planner.timeline(p, stage, raisedAt);
            Instant statutory = planner.statutoryDue(p, planType, raisedAt);
            Instant last = stages.get(stages.size() - 1).responseDueAt();
            return new Timeline(p.id(), p.version(), raisedAt, stages, statutory,
                    statutory != null && last.isAfter(statutory));
        });
    }
}
