package org.practicealerts.alert.domain;

import java.time.LocalDate;
import org.axonframework.test.aggregate.TestExecutor;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.RecordResponse;
import java.util.List;
import java.util.Set;
import org.practicealerts.events.PlanType;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.ReopenAlert;
import org.practicealerts.alert.api.Commands.ResolveAlert;
import org.practicealerts.alert.api.Commands.ScheduleActionReview;
import org.practicealerts.alert.api.Commands.WithdrawAlert;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.EscalationReason;

/** Closing an alert: the raiser resolves it, sets an action review, re-opens it at a higher stage, or withdraws it. */
class ResolvingAndReopeningTest extends AlertFixture {

    @Test
    void raiserResolvesTheAlert() {
        fixture.givenCommands(routine(), response(TM_NORTH)).when(new ResolveAlert(ALERT, IRO, "Visits happening"))
                .expectEventsMatching(only(AlertResolved.class, e -> !e.afterReview() && e.stage() == 1
                        && e.outcome().equals("Visits happening")));
    }

    @Test
    void refusesToResolveAResolvedAlert() {
        fixture.givenCommands(routine(), new ResolveAlert(ALERT, IRO, "done")).when(new ResolveAlert(ALERT, IRO, "again"))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "RESOLVED"));
    }

    @Test
    void raiserSetsAnActionReviewAfterAResponse() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), "Check visits"))
                .expectEventsMatching(only(ActionReviewScheduled.class, e -> e.reviewDate().equals(LocalDate.of(2026, 2, 2))
                        && e.reviewDueAt().equals(at("2026-02-02T17:00:00Z"))));
    }

    @Test
    void refusesAnActionReviewDatedToday() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 1, 5), null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "after today"));
    }

    @Test
    void reopensAtAHigherStageWhenTheReviewFindsNoChange() {
        clock.set(MONDAY);
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH),
                new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null));
        whenLater(given, at("2026-02-02T10:00:00Z"), new ReopenAlert(ALERT, IRO, 3, "Visits lapsed again"))
                .expectEventsMatching(only(AlertReopened.class, e -> e.fromStage() == 1 && e.toStage() == 3
                        && e.responder().personId().equals("hos-children")
                        && e.deadlines().responseDueAt().equals(at("2026-02-09T17:00:00Z"))));
    }

    @Test
    void anActionReviewAtTheFinalStageIsReopenedAtTheFinalStageWithAFreshTimescale() {
        clock.set(MONDAY);
        Actor ad = new Actor("ad-children", Set.of("ASSISTANT_DIRECTOR"));
        TestExecutor<PracticeAlert> given = fixture.givenCommands(
                raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "Serious drift", null),
                new RecordResponse(ALERT, ad, "Plan agreed", List.of()),
                new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null));
        // Mon 2 Feb 10:00, five working days: Tue 3 .. Mon 9 February 17:00
        whenLater(given, at("2026-02-02T10:00:00Z"), new ReopenAlert(ALERT, IRO, null, "Actions not done"))
                .expectEventsMatching(only(AlertReopened.class, e -> e.fromStage() == 4 && e.toStage() == 4
                        && e.responder().personId().equals("ad-children")
                        && e.deadlines().responseDueAt().equals(at("2026-02-09T17:00:00Z"))));
    }

    @Test
    void refusesToReopenAtAnotherStageThanTheFinalOneFromTheFinalStage() {
        Actor ad = new Actor("ad-children", Set.of("ASSISTANT_DIRECTOR"));
        fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "Serious drift", null),
                        new RecordResponse(ALERT, ad, "Plan agreed", List.of()),
                        new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null))
                .when(new ReopenAlert(ALERT, IRO, 2, "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "re-opened at stage 4"));
    }

    @Test
    void closesAsResolvedAfterTheReview() {
        fixture.givenCommands(routine(), response(TM_NORTH),
                        new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null))
                .when(new ResolveAlert(ALERT, IRO, "Actions done")).expectEventsMatching(
                        only(AlertResolved.class, AlertResolved::afterReview));
    }

    @Test
    void refusesToReopenAnAlertNotUnderReview() {
        raised().when(new ReopenAlert(ALERT, IRO, 2, "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "under action review"));
    }

    @Test
    void refusesToEscalateAnAlertUnderReview() {
        fixture.givenCommands(routine(), response(TM_NORTH),
                        new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null))
                .when(new EscalateAlert(ALERT, IRO, EscalationReason.BYPASS, 3, "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "re-opened"));
    }

    @Test
    void raiserWithdrawsWithAReason() {
        raised().when(new WithdrawAlert(ALERT, IRO, "Raised on the wrong record"))
                .expectEventsMatching(only(AlertWithdrawn.class, e -> e.reason().equals("Raised on the wrong record")));
    }

    @Test
    void refusesAWithdrawalWithoutAReason() {
        raised().when(new WithdrawAlert(ALERT, IRO, "")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "reason"));
    }

    @Test
    void refusesAResponseToAWithdrawnAlert() {
        fixture.givenCommands(routine(), new WithdrawAlert(ALERT, IRO, "wrong child")).when(response(TM_NORTH))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "WITHDRAWN"));
    }
}
