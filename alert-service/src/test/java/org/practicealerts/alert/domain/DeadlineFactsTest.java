package org.practicealerts.alert.domain;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.CompleteAction;
import org.practicealerts.alert.api.Commands.RecordDeadlineReached;
import org.practicealerts.alert.api.Commands.ReferToCafcass;
import org.practicealerts.alert.api.Commands.ReplanDeadlines;
import org.practicealerts.alert.api.Commands.ScheduleActionReview;
import org.practicealerts.alert.domain.AlertRefused.Kind;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.DeadlineRescheduled;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StatutoryTotalExceeded;

/**
 * Deadlines other than the response deadline become facts in the alert's history when the scheduler reports
 * them (fenced, so repeats record nothing); a calendar change re-plans open deadlines. CRO procedure, raised
 * Monday 5 January 2026 09:30: response due Mon 12 Jan 17:00, reminder Fri 9 Jan 17:00, statutory total
 * (20 working days) Mon 2 Feb 17:00.
 */
class DeadlineFactsTest extends AlertFixture {

    @Test
    void remindsTheResponderAtTheReminderInstant() {
        raisedThen("2026-01-09T17:00:00Z")
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.REMINDER, 1, at("2026-01-09T17:00:00Z"), null))
                .expectEventsMatching(only(ReminderDue.class, e -> e.responseDueAt().equals(at("2026-01-12T17:00:00Z"))
                        && e.recipients().equals(List.of(new Recipient("tm-north", RecipientReason.RESPONDER)))));
    }

    @Test
    void aRepeatedReminderRecordsNothing() {
        raisedThen("2026-01-09T17:00:00Z")
                .andGivenCommands(new RecordDeadlineReached(ALERT, DeadlineKind.REMINDER, 1, at("2026-01-09T17:00:00Z"), null))
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.REMINDER, 1, at("2026-01-09T17:00:00Z"), null))
                .expectNoEvents().expectException(refused(Kind.ILLEGAL_TRANSITION, "already recorded"));
    }

    @Test
    void noReminderOnceTheResponseIsIn() {
        raisedThen("2026-01-09T17:00:00Z").andGivenCommands(response(TM_NORTH))
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.REMINDER, 1, at("2026-01-09T17:00:00Z"), null))
                .expectNoEvents().expectException(refused(Kind.ILLEGAL_TRANSITION, "stale reminder"));
    }

    @Test
    void anAgreedActionPastItsDueDateIsOverdue() {
        // response() agrees an action for sw-north due Fri 9 Jan 2026: overdue at 17:00 that day.
        raisedThen("2026-01-09T17:00:00Z").andGivenCommands(response(TM_NORTH))
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.ACTION, 1, at("2026-01-09T17:00:00Z"), ALERT + "-a1"))
                .expectEventsMatching(only(ActionOverdue.class, e -> e.ownerId().equals("sw-north")
                        && e.recipients().contains(new Recipient("sw-north", RecipientReason.ACTION_OWNER))
                        && e.recipients().contains(new Recipient("iro-1", RecipientReason.RAISER))));
    }

    @Test
    void aCompletedActionIsNeverOverdue() {
        raisedThen("2026-01-09T17:00:00Z").andGivenCommands(response(TM_NORTH),
                        new CompleteAction(ALERT, SW_NORTH,
                                ALERT + "-a1", null, null))
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.ACTION, 1, at("2026-01-09T17:00:00Z"), ALERT + "-a1"))
                .expectNoEvents().expectException(refused(Kind.ILLEGAL_TRANSITION, "stale action"));
    }

    @Test
    void theReviewDateTellsTheRaiserToCheck() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH),
                new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 2), null));
        clock.set(at("2026-02-02T17:00:00Z"));
        given.when(new RecordDeadlineReached(ALERT, DeadlineKind.REVIEW, 1, at("2026-02-02T17:00:00Z"), null))
                .expectEventsMatching(only(ReviewDue.class, e -> e.reviewDate().equals(LocalDate.of(2026, 2, 2))
                        && e.recipients().equals(List.of(new Recipient("iro-1", RecipientReason.RAISER)))));
    }

    @Test
    void theStatutoryTotalPassingPromptsCafcassForALookedAfterChild() {
        raisedThen("2026-02-02T17:00:00Z")
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.STATUTORY_TOTAL, 1, at("2026-02-02T17:00:00Z"), null))
                .expectEventsMatching(only(StatutoryTotalExceeded.class, e -> e.considerCafcass()
                        && e.recipients().contains(new Recipient("irs-tm", RecipientReason.RAISERS_TEAM_MANAGER))));
    }

    @Test
    void theStatutoryTotalPassingDuringAnActionReviewIsNoBreachAndPromptsNoCafcassReferral() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH),
                new ScheduleActionReview(ALERT, IRO, LocalDate.of(2026, 2, 10), null));
        clock.set(at("2026-02-02T17:00:00Z"));
        given.when(new RecordDeadlineReached(ALERT, DeadlineKind.STATUTORY_TOTAL, 1, at("2026-02-02T17:00:00Z"), null))
                .expectNoEvents().expectException(refused(Kind.ILLEGAL_TRANSITION, "stale statutory"));
    }

    @Test
    void noCafcassPromptOnceReferred() {
        raisedThen("2026-02-02T17:00:00Z").andGivenCommands(new ReferToCafcass(ALERT, IRO, null, null))
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.STATUTORY_TOTAL, 1, at("2026-02-02T17:00:00Z"), null))
                .expectEventsMatching(only(StatutoryTotalExceeded.class, e -> !e.considerCafcass()));
    }

    @Test
    void aDeadlineTriggerBeforeItsInstantRecordsNothing() {
        raisedThen("2026-01-09T16:59:00Z")
                .when(new RecordDeadlineReached(ALERT, DeadlineKind.REMINDER, 1, at("2026-01-09T17:00:00Z"), null))
                .expectNoEvents().expectException(refused(Kind.ILLEGAL_TRANSITION, "has not arrived"));
    }

    @Test
    void aClosureDayInsideTheStageMovesTheResponseDeadlineReminderAndStatutoryTotal() {
        TestExecutor<PracticeAlert> given = raisedThen("2026-01-06T12:00:00Z");
        calendar = calendar.withAdditional(List.of(Holiday.closure(LocalDate.of(2026, 1, 8), "Office move")));
        given.when(new ReplanDeadlines(ALERT, "closure day 2026-01-08 added"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(p -> p instanceof DeadlineRescheduled d
                                        && d.kind() == DeadlineKind.RESPONSE && d.next().equals(at("2026-01-13T17:00:00Z"))),
                                org.axonframework.test.matchers.Matchers.predicate(p -> p instanceof DeadlineRescheduled d
                                        && d.kind() == DeadlineKind.REMINDER && d.next().equals(at("2026-01-12T17:00:00Z"))),
                                org.axonframework.test.matchers.Matchers.predicate(p -> p instanceof DeadlineRescheduled d
                                        && d.kind() == DeadlineKind.STATUTORY_TOTAL
                                        && d.next().equals(at("2026-02-03T17:00:00Z"))),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aDeadlineAlreadyPassedIsNotMovedByACalendarChange() {
        // The reminder (Fri 9 Jan 17:00) has passed; the response deadline (Mon 12 Jan) has not.
        TestExecutor<PracticeAlert> given = raisedThen("2026-01-09T18:00:00Z");
        calendar = calendar.withAdditional(List.of(Holiday.closure(LocalDate.of(2026, 1, 12), "Snow closure")));
        given.when(new ReplanDeadlines(ALERT, "closure day 2026-01-12 added"))
                .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                        org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                org.axonframework.test.matchers.Matchers.predicate(p -> p instanceof DeadlineRescheduled d
                                        && d.kind() == DeadlineKind.RESPONSE && d.next().equals(at("2026-01-13T17:00:00Z"))),
                                org.axonframework.test.matchers.Matchers.predicate(p -> p instanceof DeadlineRescheduled d
                                        && d.kind() == DeadlineKind.STATUTORY_TOTAL),
                                org.axonframework.test.matchers.Matchers.andNoMore())));
    }

    @Test
    void aCalendarChangeThatMovesNothingRecordsNothing() {
        TestExecutor<PracticeAlert> given = raisedThen("2026-01-06T12:00:00Z");
        calendar = calendar.withAdditional(List.of(Holiday.closure(LocalDate.of(2026, 3, 10), "Far away")));
        given.when(new ReplanDeadlines(ALERT, "closure day 2026-03-10 added")).expectNoEvents();
    }

    @Test
    void aChildProtectionAlertHasNoStatutoryTotalToBreach() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(raise(CPC,
                PlanType.CHILD_PROTECTION, null, null, null));
        clock.set(at("2026-02-02T17:00:00Z"));
        given.when(new RecordDeadlineReached(ALERT, DeadlineKind.STATUTORY_TOTAL, 1, at("2026-02-02T17:00:00Z"), null))
                .expectNoEvents().expectException(refused(Kind.ILLEGAL_TRANSITION, "stale statutory"));
    }
}
