package org.practicealerts.alert.config;

import java.time.Instant;
import java.util.List;
import org.practicealerts.alert.domain.ActiveProcedure;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.PlanType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, says for each procedure in force whether its ladder, left unanswered from stage 1, can run past the statutory
 * total (the IRO Handbook's 20 working days for looked-after children). A warning, not a refusal: some councils
 * knowingly run longer ladders, but they should know.
 */
@Component
public class PolicyStartupCheck implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(PolicyStartupCheck.class);
    /** A Monday with no bank holiday near it, so the check measures the ladder, not the calendar. */
    private static final Instant REFERENCE = Instant.parse("2025-03-03T09:00:00Z");

    private final StagePlanner planner;

    public PolicyStartupCheck(StagePlanner planner) {
        this.planner = planner;
    }

    @Override
    public void run(ApplicationArguments args) {
        for (ActiveProcedure procedure : planner.policies().procedures()) {
            Policy p = procedure.policy();
            exceeds(p).ifPresentOrElse(
                    warning -> log.warn(warning),
                    () -> log.info("policy {} v{} ({} stages) is in force: {}", p.id(), p.version(), p.finalStage(),
                            procedure.describe()));
        }
    }

    /** The warning, if the unanswered ladder ends after the statutory total. */
    public java.util.Optional<String> exceeds(Policy p) {
        for (PlanType type : p.statutoryPlanTypes()) {
            Instant statutory = planner.statutoryDue(p, type, REFERENCE);
            List<StagePlanner.TimelineStage> ladder = planner.timeline(p, 1, REFERENCE);
            Instant last = ladder.get(ladder.size() - 1).responseDueAt();
            if (statutory != null && last.isAfter(statutory)) {
                return java.util.Optional.of("policy " + p.id() + " v" + p.version() + ": an unanswered alert for "
                        + type + " reaches the end of stage " + p.finalStage() + " after the statutory total of "
                        + p.statutoryTotal() + " (" + last + " > " + statutory + " from " + REFERENCE + ")");
            }
        }
        return java.util.Optional.empty();
    }
}
