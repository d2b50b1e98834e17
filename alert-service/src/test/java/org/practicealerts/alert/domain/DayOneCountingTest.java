package org.practicealerts.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.StageEscalated;

/**
 * Issue 12: "day-1 counting with automatic escalation loses a working day per stage". Seed 002's ladder counted
 * with {@code RAISED_DAY_IS_DAY_ONE}: a stage entered by a missed deadline at 17:00 counts the next working day as
 * its day 1, so four stages of 5 working days end on the 20th working day, as the statutory total does.
 */
class DayOneCountingTest extends AlertFixture {

    private final Policy dayOne = dayOneSeed002();
    private final StagePlanner planner = new StagePlanner(new TestPolicies(List.of(ActiveProcedure.forEveryone(dayOne))), directory, () -> calendar);

    @Test
    void theStageAfterAnEndOfDayEscalationStartsOnTheNextWorkingDay() {
        fixture = dayOneFixture();
        // Raised Mon 5 Jan 2026 09:30Z: Mon 5 is day 1, stage 1 due Fri 9 Jan 17:00Z. Escalated at that instant,
        // stage 2 counts Mon 12 as day 1: due Fri 16 Jan 17:00Z, reminder Thu 15 Jan 17:00Z.
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine());
        whenLater(given, at("2026-01-09T17:00:00Z"), new EscalateMissedDeadline(ALERT, 1, at("2026-01-09T17:00:00Z")))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 2
                        && e.deadlines().responseDueAt().equals(at("2026-01-16T17:00:00Z"))
                        && e.deadlines().reminderAt().equals(at("2026-01-15T17:00:00Z"))));
    }

    @Test
    void fourUnansweredStagesEndOnTheTwentiethWorkingDayLikeTheStatutoryTotal() {
        List<StagePlanner.TimelineStage> ladder = planner.timeline(dayOne, 1, MONDAY);
        // Mon 5 Jan (day 1) … Fri 9; Mon 12 … Fri 16; Mon 19 … Fri 23; Mon 26 … Fri 30 Jan 2026.
        assertThat(ladder).extracting(StagePlanner.TimelineStage::responseDueAt).containsExactly(
                at("2026-01-09T17:00:00Z"), at("2026-01-16T17:00:00Z"), at("2026-01-23T17:00:00Z"),
                at("2026-01-30T17:00:00Z"));
        assertThat(planner.statutoryDue(dayOne, routine().child().planType(), MONDAY))
                .isEqualTo(at("2026-01-30T17:00:00Z"));
    }

    @Test
    void aStageEnteredAtFiveBeforeEasterCountsTheTuesdayAfterAsDayOne() {
        // Entered Thu 2 Apr 2026 16:00Z (17:00 BST): Good Friday and Easter Monday skipped, Tue 7 Apr is day 1,
        // Mon 13 Apr day 5, at 17:00 BST.
        assertThat(planner.deadlines(dayOne, dayOne.stage(2), at("2026-04-02T16:00:00Z")).responseDueAt())
                .isEqualTo(at("2026-04-13T16:00:00Z"));
    }

    private AggregateTestFixture<PracticeAlert> dayOneFixture() {
        AtomicInteger ids = new AtomicInteger();
        AggregateTestFixture<PracticeAlert> f = new AggregateTestFixture<>(PracticeAlert.class);
        f.registerInjectableResource(new AlertContext(planner, clock, () -> "e-" + ids.incrementAndGet()));
        return f;
    }

    /** Seed 002 as written, but counting the day a stage starts as day 1. */
    private static Policy dayOneSeed002() {
        try (InputStream in = TestPolicies.class.getResourceAsStream("/policies/seed-002-cro-practice-alert.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("id: seed-002-cro-practice-alert", "id: test-day-one")
                    .replace("dayCounting: RAISED_DAY_IS_DAY_ZERO", "dayCounting: RAISED_DAY_IS_DAY_ONE");
            return PolicyLoader.load("test-day-one", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
