package org.practicealerts.alert.domain;

import static org.axonframework.test.matchers.Matchers.andNoMore;
import static org.axonframework.test.matchers.Matchers.exactSequenceOf;
import static org.axonframework.test.matchers.Matchers.payloadsMatching;
import static org.axonframework.test.matchers.Matchers.predicate;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.instanceOf;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.hamcrest.Matcher;
import org.practicealerts.alert.InMemoryDirectory;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.NewAction;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;

/**
 * What every practice alert test starts from: the demo council under the CRO procedure (seed 002: four stages of
 * five working days) unless a test picks another preset, England and Wales bank holidays, and a clock at Monday
 * 5 January 2026, 09:30 (day 0) that a test moves forward explicitly.
 */
abstract class AlertFixture {

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
    /** The working-day calendar the planner sees now: a test may add a closure day mid-scenario. */
    WorkingDayCalendar calendar = TestPolicies.CALENDAR;
    AggregateTestFixture<PracticeAlert> fixture = fixture("seed-002-cro-practice-alert");

    AggregateTestFixture<PracticeAlert> fixture(String preset) {
        return fixture(new TestPolicies(preset));
    }

    /** A fixture with a council's own policy in force, for everyone. */
    AggregateTestFixture<PracticeAlert> fixture(org.practicealerts.alert.policy.Policy policy) {
        return fixture(new TestPolicies(List.of(ActiveProcedure.forEveryone(policy))));
    }

    private AggregateTestFixture<PracticeAlert> fixture(TestPolicies policies) {
        AtomicInteger ids = new AtomicInteger();
        AggregateTestFixture<PracticeAlert> f = new AggregateTestFixture<>(PracticeAlert.class);
        StagePlanner planner = new StagePlanner(policies, directory, () -> calendar);
        f.registerInjectableResource(new AlertContext(planner, clock, () -> "e-" + ids.incrementAndGet()));
        return f;
    }

    static RaiseAlert raise(Actor by, PlanType planType, Integer startStage, String bypassReason, Urgency urgency) {
        return new RaiseAlert(ALERT, "PA-2026-000001", by,
                new RaiseAlert.Child("MOSAIC-100200", List.of(), planType, DemoDirectory.NORTH),
                new RaiseAlert.Concern("STATUTORY_VISIT", List.of(), "Statutory visits overdue.",
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

    /** The team manager's answer: one action for sw-north, due Friday 9 January 2026. */
    static RecordResponse response(Actor by) {
        return new RecordResponse(ALERT, by, "Visit booked.",
                List.of(new NewAction("Statutory visit", "sw-north", LocalDate.of(2026, 1, 9))));
    }

    /** Exactly one event, of {@code type}, passing {@code check}. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> Matcher<List<? super EventMessage<?>>> only(Class<T> type, Predicate<T> check) {
        Matcher m = payloadsMatching(exactSequenceOf(predicate(p -> type.isInstance(p) && check.test(type.cast(p))),
                andNoMore()));
        return m;
    }

    static Matcher<Throwable> refused(AlertRefused.Kind kind, String messagePart) {
        return allOf(instanceOf(AlertRefused.class), hasProperty("message", containsString(messagePart)),
                predicate(t -> t instanceof AlertRefused r && r.kind() == kind));
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    TestExecutor<PracticeAlert> raised() {
        return fixture.givenCommands(routine());
    }

    /** Raised at {@link #MONDAY}, then the clock moved to {@code now}. */
    TestExecutor<PracticeAlert> raisedThen(String now) {
        TestExecutor<PracticeAlert> given = raised();
        clock.set(at(now));
        return given;
    }

    ResultValidator<PracticeAlert> whenLater(TestExecutor<PracticeAlert> given, Instant now, Object command) {
        clock.set(now);
        return given.when(command);
    }
}
