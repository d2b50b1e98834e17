package org.practicealerts.alert.domain;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.InMemoryDirectory;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.AcknowledgeAlert;
import org.practicealerts.alert.api.Commands.AddNote;
import org.practicealerts.alert.api.Commands.CompleteAction;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.NewAction;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.api.Commands.ReassignAlert;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.api.Commands.ReferToCafcass;
import org.practicealerts.alert.api.Commands.ReferToPartnership;
import org.practicealerts.alert.api.Commands.ReopenAlert;
import org.practicealerts.alert.api.Commands.RequestFurtherActions;
import org.practicealerts.alert.api.Commands.ResolveAlert;
import org.practicealerts.alert.api.Commands.ScheduleActionReview;
import org.practicealerts.alert.api.Commands.WithdrawAlert;
import org.practicealerts.alert.directory.Cover;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.ActionReviewScheduled;
import org.practicealerts.events.AlertAcknowledged;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.NoteAdded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.Urgency;

/**
 * The practice alert's rules, given → when → expect. The demo council under the CRO procedure (seed 002: four
 * stages of five working days) unless a test says otherwise. Monday 5 January 2026, 09:30 is day 0.
 */
class PracticeAlertTest {

    static final String ALERT = "0b8d3c2e-1111-4000-8000-000000000001";
    static final Instant MONDAY = Instant.parse("2026-01-05T09:30:00Z");
    static final Actor IRO = new Actor("iro-1", Set.of("IRO"));
    static final Actor CPC = new Actor("cpc-1", Set.of("CPC"));
    static final Actor TM_NORTH = new Actor("tm-north", Set.of("TEAM_MANAGER"));
    static final Actor TM_DUTY = new Actor("tm-duty", Set.of("TEAM_MANAGER"));
    static final Actor SM_NORTH = new Actor("sm-north", Set.of("SERVICE_MANAGER"));
    static final Actor ADMIN = new Actor("admin-1", Set.of("ADMIN"));
    static final Actor SW_NORTH = new Actor("sw-north", Set.of("SOCIAL_WORKER"));

    final MutableClock clock = new MutableClock(MONDAY);
    final InMemoryDirectory directory = InMemoryDirectory.demo();
    AggregateTestFixture<PracticeAlert> fixture = fixture("seed-002-cro-practice-alert");

    AggregateTestFixture<PracticeAlert> fixture(String preset) {
        AtomicInteger ids = new AtomicInteger();
        AggregateTestFixture<PracticeAlert> f = new AggregateTestFixture<>(PracticeAlert.class);
        f.registerInjectableResource(new AlertContext(TestPolicies.planner(preset, directory), clock,
                () -> "e-" + ids.incrementAndGet()));
        return f;
    }

    static RaiseAlert raise(Actor by, PlanType planType, Integer startStage, String bypassReason, Urgency urgency) {
        return new RaiseAlert(ALERT, "PA-2026-000001", by,
                new RaiseAlert.Child("MOSAIC-100200", List.of(), planType, DemoDirectory.NORTH),
                new RaiseAlert.Concern("STATUTORY_VISIT", List.of("CHILDS_VOICE"), "Statutory visits overdue.",
                        "Plan drifting.", "Wants to see their social worker.", List.of()),
                new RaiseAlert.Routing(startStage, bypassReason, urgency), new RaiseAlert.Circumstances(false, null, null));
    }

    /** A routine alert as {@code by} raises it for {@code child}, under {@code category} alone. */
    static RaiseAlert raise(Actor by, RaiseAlert.Child child, String category) {
        RaiseAlert.Concern c = routine().concern();
        return new RaiseAlert(ALERT, "PA-1", by, child, new RaiseAlert.Concern(category, List.of(), c.summary(),
                c.impactOnChild(), c.childsVoice(), List.of()), new RaiseAlert.Routing(null, null, null),
                new RaiseAlert.Circumstances(false, null, null));
    }

    static RaiseAlert routine() {
        return raise(IRO, PlanType.CHILD_WE_CARE_FOR, null, null, Urgency.ROUTINE);
    }

    static RecordResponse response(Actor by) {
        return new RecordResponse(ALERT, by, "Visit booked.",
                List.of(new NewAction("Statutory visit", "sw-north", LocalDate.of(2026, 1, 9))));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Matcher<List<? super org.axonframework.eventhandling.EventMessage<?>>> only(Class<T> type,
                                                                                           Predicate<T> check) {
        Matcher m = payloadsMatching(exactSequenceOf(predicate(p -> type.isInstance(p) && check.test(type.cast(p))),
                andNoMore()));
        return m;
    }

    static Matcher<Throwable> refused(AlertRefused.Kind kind, String messagePart) {
        return allOf(instanceOf(AlertRefused.class), hasProperty("message", containsString(messagePart)),
                predicateKind(kind));
    }

    static Matcher<Throwable> predicateKind(AlertRefused.Kind kind) {
        return predicate(t -> t instanceof AlertRefused r && r.kind() == kind);
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    TestExecutor<PracticeAlert> raised() {
        return fixture.givenCommands(routine());
    }

    ResultValidator<PracticeAlert> whenLater(TestExecutor<PracticeAlert> given, Instant now, Object command) {
        clock.set(now);
        return given.when(command);
    }

    // --- raising ---

    @Test
    void raisesAtStageOneForTheChildsTeamManagerDueAtEndOfTheFifthWorkingDay() {
        fixture.givenNoPriorActivity().when(routine()).expectEventsMatching(only(AlertRaised.class, e ->
                e.stage() == 1 && e.responder().personId().equals("tm-north") && e.responder().coverFor() == null
                        && e.deadlines().responseDueAt().equals(at("2026-01-12T17:00:00Z"))
                        && e.deadlines().reminderAt().equals(at("2026-01-09T17:00:00Z"))
                        && e.statutoryDueAt().equals(at("2026-02-02T17:00:00Z"))
                        && e.policy().id().equals("seed-002-cro-practice-alert") && e.policy().version() == 1
                        && e.recipients().equals(List.of(new Recipient("tm-north", "RESPONDER")))
                        && e.raiserRole().equals("IRO") && e.bypassReason() == null));
    }

    @Test
    void setsNoStatutoryTotalForAChildProtectionPlan() {
        fixture.givenNoPriorActivity().when(raise(CPC, PlanType.CHILD_PROTECTION, null, null, Urgency.ROUTINE))
                .expectEventsMatching(only(AlertRaised.class, e -> e.statutoryDueAt() == null
                        && e.raiserRole().equals("CPC")));
    }

    @Test
    void bypassesToStageThreeAndTellsTheRaisersServiceManagerAndHeadOfService() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 3, "Third review: drift", null))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 3
                        && e.responder().personId().equals("hos-children")
                        && e.bypassReason().equals("Third review: drift")
                        && e.recipients().equals(List.of(new Recipient("hos-children", "RESPONDER"),
                        new Recipient("irs-sm", "RAISERS_SERVICE_MANAGER"),
                        new Recipient("irs-hos", "RAISERS_HEAD_OF_SERVICE")))));
    }

    @Test
    void refusesABypassWithoutAReason() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 2, " ", null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "bypassReason is required"));
    }

    @Test
    void refusesAStartStageBeyondTheLadder() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 5, "why", null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "between 1 and 4"));
    }

    @Test
    void refusesACategoryThePolicyDoesNotHave() {
        fixture.givenNoPriorActivity().when(raise(IRO,
                        new RaiseAlert.Child("C1", List.of(), PlanType.CHILD_WE_CARE_FOR, DemoDirectory.NORTH), "PARKING"))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "category PARKING"));
    }

    @Test
    void refusesARaiseByAManager() {
        fixture.givenNoPriorActivity().when(raise(SM_NORTH, PlanType.CHILD_WE_CARE_FOR, null, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "CPC, IRO or CRO"));
    }

    @Test
    void refusesATeamTheDirectoryDoesNotKnow() {
        fixture.givenNoPriorActivity().when(raise(IRO,
                        new RaiseAlert.Child("C1", List.of(), PlanType.CHILD_WE_CARE_FOR, "team-nowhere"), "STATUTORY_VISIT"))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "team-nowhere"));
    }

    @Test
    void urgentAlertStartsAtThePolicysUrgentEntryStage() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, null, null, Urgency.URGENT))
                .expectEventsMatching(only(AlertRaised.class, e -> e.stage() == 2
                        && e.responder().personId().equals("sm-north") && e.urgency() == Urgency.URGENT));
    }

    @Test
    void immediateRiskTellsSeniorManagersOnBothSidesAtOnce() {
        fixture.givenNoPriorActivity().when(raise(IRO, PlanType.CHILD_WE_CARE_FOR, null, null, Urgency.IMMEDIATE_RISK))
                .expectEventsMatching(only(AlertRaised.class, e -> e.recipients().containsAll(List.of(
                        new Recipient("irs-hos", "IMMEDIATE_RISK_RAISERS_HEAD_OF_SERVICE"),
                        new Recipient("hos-children", "IMMEDIATE_RISK_CHILDS_HEAD_OF_SERVICE")))
                        && e.recipients().stream().anyMatch(r -> r.personId().equals("irs-sm"))));
    }

    @Test
    void assignsTheDutyManagerWhenTheTeamManagerIsCoveredFor() {
        clock.set(at("2026-12-22T10:00:00Z"));
        fixture.givenNoPriorActivity().when(raise(CPC,
                        new RaiseAlert.Child("C1", List.of(), PlanType.CHILD_PROTECTION, DemoDirectory.SOUTH), "STATUTORY_VISIT"))
                .expectEventsMatching(only(AlertRaised.class, e -> e.responder().personId().equals("tm-duty")
                        && "tm-south".equals(e.responder().coverFor())
                        // raised Tue 22 Dec: 23, 24, 29 (after Christmas, Boxing Day substitute and weekend), 30, 31
                        && e.deadlines().responseDueAt().equals(at("2026-12-31T17:00:00Z"))));
    }

    @Test
    void tellsTheRaisersTeamManagerOnRaiseWhenTheProcedureSaysSo() {
        fixture = fixture("seed-001-case-alert");
        fixture.givenNoPriorActivity().when(routine()).expectEventsMatching(only(AlertRaised.class,
                e -> e.recipients().contains(new Recipient("irs-tm", "RAISERS_TEAM_MANAGER"))));
    }

    // --- acknowledging ---

    @Test
    void responderAcknowledgesTheAlert() {
        raised().when(new AcknowledgeAlert(ALERT, TM_NORTH)).expectEventsMatching(only(AlertAcknowledged.class,
                e -> e.acknowledgedBy().equals("tm-north") && e.stage() == 1));
    }

    @Test
    void acknowledgingTwiceRecordsNothingMore() {
        fixture.givenCommands(routine(), new AcknowledgeAlert(ALERT, TM_NORTH))
                .when(new AcknowledgeAlert(ALERT, TM_NORTH)).expectSuccessfulHandlerExecution().expectNoEvents();
    }

    @Test
    void refusesAcknowledgementBySomeoneNotAssigned() {
        raised().when(new AcknowledgeAlert(ALERT, SM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "assigned responder"));
    }

    // --- responding ---

    @Test
    void responderRecordsAResponseWithActionsInTime() {
        whenLater(raised(), at("2026-01-08T11:00:00Z"), response(TM_NORTH)).expectEventsMatching(
                only(ResponseRecorded.class, e -> e.onTime() && e.stage() == 1 && e.respondedBy().equals("tm-north")
                        && e.onBehalfOf() == null && e.actions().size() == 1
                        && e.actions().get(0).actionId().equals(ALERT + "-a1")
                        && e.recipients().equals(List.of(new Recipient("iro-1", "RAISER")))));
    }

    @Test
    void aResponseAfterTheDeadlineIsRecordedAsLate() {
        whenLater(raised(), at("2026-01-12T17:00:01Z"), response(TM_NORTH))
                .expectEventsMatching(only(ResponseRecorded.class, e -> !e.onTime()));
    }

    @Test
    void coverRespondsOnBehalfOfTheAssignedTeamManager() {
        directory.add(new Cover("c1", "tm-north", "tm-duty", LocalDate.of(2026, 1, 6), LocalDate.of(2026, 1, 9), "Sick"));
        whenLater(raised(), at("2026-01-07T10:00:00Z"), response(TM_DUTY)).expectEventsMatching(
                only(ResponseRecorded.class, e -> e.respondedBy().equals("tm-duty") && e.onBehalfOf().equals("tm-north")));
    }

    @Test
    void refusesAResponseFromSomeoneNotAssigned() {
        raised().when(response(SM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "assigned responder or their cover"));
    }

    @Test
    void refusesASecondResponseWhileTheFirstAwaitsJudgement() {
        fixture.givenCommands(routine(), response(TM_NORTH)).when(response(TM_NORTH)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "AWAITING_JUDGEMENT"));
    }

    @Test
    void refusesAnActionOwnedBySomeoneOutsideTheDirectory() {
        raised().when(new RecordResponse(ALERT, TM_NORTH, "ok",
                        List.of(new NewAction("Visit", "nobody", LocalDate.of(2026, 1, 9)))))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "nobody"));
    }

    // --- further actions ---

    @Test
    void raiserAsksForFurtherActionsAndAFreshDeadlineRunsAtTheSameStage() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH));
        whenLater(given, at("2026-01-08T10:00:00Z"), new RequestFurtherActions(ALERT, IRO, "Add a PEP date"))
                .expectEventsMatching(only(FurtherActionsRequested.class, e -> e.stage() == 1
                        && e.deadlines().responseDueAt().equals(at("2026-01-15T17:00:00Z"))));
    }

    @Test
    void refusesFurtherActionsBeforeAnyResponse() {
        raised().when(new RequestFurtherActions(ALERT, IRO, "more")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "only after a response"));
    }

    // --- escalating ---

    @Test
    void raiserEscalatesAnInadequateResponseToTheServiceManager() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH));
        whenLater(given, at("2026-01-09T09:00:00Z"),
                new EscalateAlert(ALERT, IRO, EscalationReason.RESPONSE_INADEQUATE, null, "No date for the visit"))
                .expectEventsMatching(only(StageEscalated.class, e -> e.fromStage() == 1 && e.toStage() == 2
                        && e.reason() == EscalationReason.RESPONSE_INADEQUATE && e.escalatedBy().equals("iro-1")
                        && e.responder().personId().equals("sm-north")
                        && e.deadlines().responseDueAt().equals(at("2026-01-16T17:00:00Z"))
                        && e.recipients().contains(new Recipient("irs-sm", "RAISERS_SERVICE_MANAGER"))
                        && e.recipients().contains(new Recipient("tm-north", "PREVIOUS_RESPONDER"))));
    }

    @Test
    void refusesAnInadequateResponseEscalationBeforeAnyResponse() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.RESPONSE_INADEQUATE, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "must be recorded"));
    }

    @Test
    void raiserBypassesStraightToTheAssistantDirector() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.BYPASS, 4, "Serious harm risk"))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 4
                        && e.responder().personId().equals("ad-children")
                        && e.recipients().contains(new Recipient("ad-sqp", "RAISERS_ASSISTANT_DIRECTOR"))
                        && e.recipients().contains(new Recipient("dcs", "DIRECTOR"))));
    }

    @Test
    void refusesABypassWithoutTheStageOrReason() {
        raised().when(new EscalateAlert(ALERT, IRO, EscalationReason.BYPASS, null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "toStage"));
    }

    @Test
    void refusesEscalationByAnyoneButTheRaiser() {
        raised().when(new EscalateAlert(ALERT, TM_NORTH, EscalationReason.BYPASS, 2, "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "only the raiser"));
    }

    @Test
    void refusesEscalationPastTheFinalStage() {
        fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "serious", null),
                        new RecordResponse(ALERT, new Actor("ad-children", Set.of("ASSISTANT_DIRECTOR")), "r", List.of()))
                .when(new EscalateAlert(ALERT, IRO, EscalationReason.RESPONSE_INADEQUATE, null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "final stage"));
    }

    // --- missed deadlines (the scheduler's trigger, fenced by stage and due instant) ---

    @Test
    void escalatesToTheServiceManagerWhenTheTeamManagerMissesFiveWorkingDays() {
        whenLater(raised(), at("2026-01-12T17:00:00Z"),
                new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectEventsMatching(only(StageEscalated.class, e -> e.toStage() == 2
                        && e.reason() == EscalationReason.DEADLINE_MISSED && e.escalatedBy().equals("system")
                        && e.responder().personId().equals("sm-north")
                        && e.deadlines().responseDueAt().equals(at("2026-01-19T17:00:00Z"))
                        && e.recipients().contains(new Recipient("iro-1", "RAISER"))));
    }

    @Test
    void aRepeatedMissedDeadlineTriggerChangesNothing() {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at("2026-01-12T17:00:00Z"));
        given.andGivenCommands(new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .when(new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z"))).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "stale deadline trigger"));
    }

    @Test
    void aStaleTriggerAfterAResponseChangesNothing() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(routine(), response(TM_NORTH));
        whenLater(given, at("2026-01-12T17:00:05Z"), new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "stale"));
    }

    @Test
    void anEarlyTriggerChangesNothing() {
        whenLater(raised(), at("2026-01-12T16:59:59Z"), new EscalateMissedDeadline(ALERT, 1, at("2026-01-12T17:00:00Z")))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "has not passed"));
    }

    @Test
    void aMissedDeadlineAtTheFinalStageDoesNotEscalate() {
        TestExecutor<PracticeAlert> given = fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "x", null));
        whenLater(given, at("2026-01-12T17:00:00Z"), new EscalateMissedDeadline(ALERT, 4, at("2026-01-12T17:00:00Z")))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "final stage"));
    }

    // --- resolving, review, re-opening ---

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

    // --- withdrawing ---

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

    // --- referrals ---

    @Test
    void refersALookedAfterChildToCafcassAndTheAlertStaysOpen() {
        raised().when(new ReferToCafcass(ALERT, IRO, null, "Concurrent referral"))
                .expectEventsMatching(only(CafcassReferralRecorded.class, e -> e.referredOn().equals(LocalDate.of(2026, 1, 5))
                        && e.recipients().contains(new Recipient("irs-sm", "RAISERS_SERVICE_MANAGER"))));
        fixture.givenCommands(routine(), new ReferToCafcass(ALERT, IRO, null, null)).when(response(TM_NORTH))
                .expectEventsMatching(only(ResponseRecorded.class, e -> true));
    }

    @Test
    void refusesCafcassForAChildOnAProtectionPlan() {
        fixture.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, null, null, null))
                .when(new ReferToCafcass(ALERT, CPC, null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "looked-after"));
    }

    @Test
    void refusesASecondCafcassReferral() {
        fixture.givenCommands(routine(), new ReferToCafcass(ALERT, IRO, null, null))
                .when(new ReferToCafcass(ALERT, IRO, null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "already referred"));
    }

    @Test
    void refersToTheSafeguardingPartnershipAtTheFinalStageOfTheCpProcedure() {
        fixture = fixture("seed-003-cp-resolution");
        fixture.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, 4, "Service Director meeting failed", null))
                .when(new ReferToPartnership(ALERT, CPC, "Professional disagreement"))
                .expectEventsMatching(only(PartnershipReferralRecorded.class, e -> e.stage() == 4));
    }

    @Test
    void refusesAPartnershipReferralBeforeTheFinalStage() {
        fixture = fixture("seed-003-cp-resolution");
        fixture.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, null, null, null))
                .when(new ReferToPartnership(ALERT, CPC, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "final stage"));
    }

    @Test
    void refusesAPartnershipReferralWhenTheProcedureHasNone() {
        fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "x", null))
                .when(new ReferToPartnership(ALERT, IRO, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "no referral"));
    }

    // --- reassigning ---

    @Test
    void adminReassignsToTheDutyManagerKeepingTheDeadline() {
        raised().when(new ReassignAlert(ALERT, ADMIN, "tm-duty", "Team manager off sick"))
                .expectEventsMatching(only(AlertReassigned.class, e -> e.to().personId().equals("tm-duty")
                        && e.to().coverFor().equals("tm-north") && e.from().personId().equals("tm-north")));
    }

    @Test
    void refusesReassignmentBySomeoneUnrelated() {
        raised().when(new ReassignAlert(ALERT, SW_NORTH, "tm-duty", "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "admin or the assigned responder"));
    }

    @Test
    void refusesReassignmentToSomeoneOutsideTheDirectory() {
        raised().when(new ReassignAlert(ALERT, ADMIN, "ghost", "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "ghost"));
    }

    // --- actions and notes ---

    @Test
    void theActionOwnerCompletesTheirAction() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new CompleteAction(ALERT, SW_NORTH, ALERT + "-a1", null, "Seen alone"))
                .expectEventsMatching(only(ActionCompleted.class, e -> e.completedBy().equals("sw-north")
                        && e.completedOn().equals(LocalDate.of(2026, 1, 5))));
    }

    @Test
    void refusesToCompleteAnActionTheAlertDoesNotHave() {
        fixture.givenCommands(routine(), response(TM_NORTH)).when(new CompleteAction(ALERT, SW_NORTH, "x-a9", null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "no action"));
    }

    @Test
    void refusesToCompleteAnActionTwice() {
        fixture.givenCommands(routine(), response(TM_NORTH), new CompleteAction(ALERT, SW_NORTH, ALERT + "-a1", null, null))
                .when(new CompleteAction(ALERT, SW_NORTH, ALERT + "-a1", null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "already complete"));
    }

    @Test
    void refusesActionCompletionBySomeoneUnrelated() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new CompleteAction(ALERT, SM_NORTH, ALERT + "-a1", null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "owner"));
    }

    @Test
    void raiserAddsANote() {
        raised().when(new AddNote(ALERT, IRO, "Phoned the team manager"))
                .expectEventsMatching(only(NoteAdded.class, e -> e.addedBy().equals("iro-1")));
    }

    @Test
    void refusesANoteFromSomeoneUnrelated() {
        raised().when(new AddNote(ALERT, SW_NORTH, "hello")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "add a note"));
    }

    @Test
    void movingTheClockDoesNotChangeRecordedDeadlines() {
        clock.advance(Duration.ofDays(3));
        fixture.givenNoPriorActivity().when(routine()).expectEventsMatching(only(AlertRaised.class,
                e -> e.deadlines().responseDueAt().equals(at("2026-01-15T17:00:00Z"))));
    }
}
