package org.practicealerts.alert.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.ResultValidator;
import org.axonframework.test.aggregate.TestExecutor;
import org.axonframework.test.matchers.Matchers;
import org.hamcrest.Matcher;
import org.practicealerts.alert.InMemoryDirectory;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.api.Commands.EscalateMissedDeadline;
import org.practicealerts.alert.api.Commands.FollowCover;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.domain.AlertContext;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.alert.domain.PracticeAlert;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.Urgency;
import org.practicealerts.events.directory.Cover;

/**
 * Walks one alert up a preset's ladder with nobody responding, through the aggregate: raised at a fixed instant,
 * then, at each stage's due instant, the scheduler's {@link EscalateMissedDeadline} naming the stage and the due
 * instant it saw. The due instants are the test's hand-computed ones, so a wrong deadline fails the walk twice:
 * once in the step that checks it, and again in every later step, whose replay sends that instant to the fenced
 * trigger (which refuses a due instant the aggregate did not set).
 *
 * <p>Each step replays the raise and the earlier triggers on a fresh fixture (the clock set to each command's
 * moment) and returns the single event the new command recorded.
 */
final class LadderWalk {

    static final String ALERT = "0b8d3c2e-2222-4000-8000-000000000001";

    static final Actor IRO = new Actor("iro-1", Set.of("IRO"));
    static final Actor CPC = new Actor("cpc-1", Set.of("CPC"));
    static final Actor CRO = new Actor("cro-1", Set.of("CRO"));

    private final String preset;
    private final RaiseAlert raise;
    private final Instant raisedAt;
    /** The commands so far after the raise, each with the instant it was sent. */
    private final List<Timed> commands = new ArrayList<>();

    private record Timed(Instant at, Object command) {
    }

    /** Absences added during the walk, in the directory of every replay. */
    private final List<Cover> covers = new ArrayList<>();

    private LadderWalk(String preset, RaiseAlert raise, Instant raisedAt) {
        this.preset = preset;
        this.raise = raise;
        this.raisedAt = raisedAt;
    }

    /** An alert under {@code preset}, raised by {@code raiser} for a child in {@code teamId} at {@code raisedAt}. */
    static LadderWalk of(String preset, Actor raiser, String teamId, PlanType planType, Instant raisedAt) {
        return of(preset, raiser, teamId, planType, null, raisedAt);
    }

    /** As {@link #of(String, Actor, String, PlanType, Instant)}, naming the child's allocated social worker. */
    static LadderWalk of(String preset, Actor raiser, String teamId, PlanType planType, String socialWorkerId,
                         Instant raisedAt) {
        return new LadderWalk(preset, raiseCommand(raiser, teamId, planType, socialWorkerId, Urgency.ROUTINE),
                raisedAt);
    }

    static RaiseAlert raiseCommand(Actor raiser, String teamId, PlanType planType, Urgency urgency) {
        return raiseCommand(raiser, teamId, planType, null, urgency);
    }

    private static RaiseAlert raiseCommand(Actor raiser, String teamId, PlanType planType, String socialWorkerId,
                                           Urgency urgency) {
        return new RaiseAlert(ALERT, "PA-2026-000777", raiser,
                new RaiseAlert.Child("MOSAIC-300400", List.of(), planType, teamId, socialWorkerId),
                new RaiseAlert.Concern("STATUTORY_VISIT", List.of(), "Plan drifting: no core group for eight weeks.",
                        "Nobody is checking the child is safe at home.", "Wants to know who their social worker is.",
                        List.of()),
                new RaiseAlert.Routing(null, null, urgency), new RaiseAlert.Circumstances(false, null, null));
    }

    /** Raises the alert and returns what was recorded. */
    AlertRaised raise() {
        MutableClock clock = new MutableClock(raisedAt);
        return onlyEvent(fixture(preset, clock).givenNoPriorActivity().when(raise), AlertRaised.class);
    }

    /**
     * At {@code dueAt} (the hand-computed due instant of {@code stage}) the scheduler reports the missed deadline;
     * returns the escalation, checked to be the one-stage move for a missed deadline. Under a procedure that escalates
     * by itself it is the system's; under one that tells the raiser, the raiser is told (and only they) and progresses
     * it at that same instant.
     */
    StageEscalated missed(int stage, Instant dueAt) {
        EscalateMissedDeadline trigger = new EscalateMissedDeadline(ALERT, stage, dueAt);
        boolean raiserProgresses = PolicyLoader.preset(preset).onMissedDeadline() == MissedDeadline.TELL_RAISER;
        String by = StageEscalated.SYSTEM;
        if (raiserProgresses) {
            DeadlineMissed told = onlyEvent(replayThen(dueAt, trigger), DeadlineMissed.class);
            assertThat(told.outcome()).isEqualTo(DeadlineMissed.Outcome.RAISER_TO_PROGRESS);
            assertThat(told.dueAt()).isEqualTo(dueAt);
            assertThat(told.recipients()).containsExactly(new Recipient(raise.actor().personId(), RecipientReason.RAISER));
            commands.add(new Timed(dueAt, trigger));
            by = raise.actor().personId();
        }
        Object command = raiserProgresses
                ? new EscalateAlert(ALERT, raise.actor(), EscalationReason.DEADLINE_MISSED, null, null) : trigger;
        StageEscalated e = onlyEvent(replayThen(dueAt, command), StageEscalated.class);
        assertThat(e.fromStage()).as("from stage").isEqualTo(stage);
        assertThat(e.toStage()).as("to stage").isEqualTo(stage + 1);
        assertThat(e.reason()).isEqualTo(EscalationReason.DEADLINE_MISSED);
        assertThat(e.escalatedBy()).isEqualTo(by);
        assertThat(e.occurredAt()).as("escalated at the due instant").isEqualTo(dueAt);
        commands.add(new Timed(dueAt, command));
        return e;
    }

    /** At {@code at} the stage's responder answers with {@code answer}; returns the response recorded. */
    ResponseRecorded answers(Instant at, RecordResponse answer) {
        ResponseRecorded e = onlyEvent(replayThen(at, answer), ResponseRecorded.class);
        commands.add(new Timed(at, answer));
        return e;
    }

    /** At {@code at} the answer is refused, naming {@code field}, and nothing is recorded. */
    void refuses(Instant at, RecordResponse answer, String field) {
        replayThen(at, answer).expectNoEvents().expectException(Matchers.predicate(
                e -> e instanceof AlertRefused r && field.equals(r.field())));
    }

    /**
     * At {@code at} the raiser judges the answer inadequate (no resolution) and progresses the alert to the next stage;
     * returns the escalation, checked to be that one-stage move.
     */
    StageEscalated progresses(Instant at, int fromStage) {
        EscalateAlert command = new EscalateAlert(ALERT, raise.actor(), EscalationReason.RESPONSE_INADEQUATE, null,
                null);
        StageEscalated e = onlyEvent(replayThen(at, command), StageEscalated.class);
        assertThat(e.fromStage()).as("from stage").isEqualTo(fromStage);
        assertThat(e.toStage()).as("to stage").isEqualTo(fromStage + 1);
        assertThat(e.reason()).isEqualTo(EscalationReason.RESPONSE_INADEQUATE);
        commands.add(new Timed(at, command));
        return e;
    }

    /**
     * At the final stage's due instant there is no higher stage: the ladder is recorded as exhausted (once: a repeated
     * trigger records nothing) and the people to be told are returned for the test to check.
     */
    DeadlineMissed finalDeadlinePasses(int finalStage, Instant dueAt) {
        EscalateMissedDeadline trigger = new EscalateMissedDeadline(ALERT, finalStage, dueAt);
        DeadlineMissed e = onlyEvent(replayThen(dueAt, trigger), DeadlineMissed.class);
        assertThat(e.outcome()).isEqualTo(DeadlineMissed.Outcome.LADDER_EXHAUSTED);
        assertThat(e.stage()).isEqualTo(finalStage);
        assertThat(e.dueAt()).isEqualTo(dueAt);
        assertThat(e.occurredAt()).isEqualTo(dueAt);
        commands.add(new Timed(dueAt, trigger));
        replayThen(dueAt.plusSeconds(60), trigger).expectNoEvents().expectException(AlertRefused.class);
        return e;
    }

    /**
     * {@code absent} is away from {@code from} to {@code to} (inclusive), covered by {@code cover}: the directory has
     * the cover from now on, and the cover rules run at 08:00Z on {@code from} and on the day after {@code to}.
     * Returns the two reassignments, each checked to hand the stage over and back, telling who answers now.
     */
    List<AlertReassigned> absenceMidStage(String absent, String cover, LocalDate from, LocalDate to) {
        covers.add(new Cover("walk-cover-" + covers.size(), absent, cover, from, to, "Annual leave"));
        List<AlertReassigned> out = new ArrayList<>();
        for (LocalDate day : List.of(from, to.plusDays(1))) {
            Instant at = day.atTime(8, 0).toInstant(ZoneOffset.UTC);
            AlertReassigned e = onlyEvent(replayThen(at, new FollowCover(ALERT)), AlertReassigned.class);
            boolean starts = day.equals(from);
            assertThat(e.reassignedBy()).isEqualTo(StageEscalated.SYSTEM);
            assertThat(e.to()).isEqualTo(starts ? new Assignment(cover, e.from().role(), absent)
                    : new Assignment(absent, e.from().role(), null));
            assertThat(e.recipients()).containsExactly(told(starts ? cover : absent, "RESPONDER"),
                    told(starts ? absent : cover, "PREVIOUS_RESPONDER"));
            commands.add(new Timed(at, new FollowCover(ALERT)));
            out.add(e);
        }
        return out;
    }

    private ResultValidator<PracticeAlert> replayThen(Instant at, Object command) {
        MutableClock clock = new MutableClock(raisedAt);
        AggregateTestFixture<PracticeAlert> fixture = fixture(preset, clock, covers);
        TestExecutor<PracticeAlert> given = fixture.givenCommands(raise);
        for (Timed earlier : commands) {
            clock.set(earlier.at());
            given = given.andGivenCommands(earlier.command());
        }
        clock.set(at);
        return given.when(command);
    }

    static AggregateTestFixture<PracticeAlert> fixture(String preset, MutableClock clock) {
        return fixture(preset, clock, List.of());
    }

    private static AggregateTestFixture<PracticeAlert> fixture(String preset, MutableClock clock, List<Cover> covers) {
        AtomicInteger ids = new AtomicInteger();
        InMemoryDirectory directory = InMemoryDirectory.demo();
        covers.forEach(directory::add);
        AggregateTestFixture<PracticeAlert> f = new AggregateTestFixture<>(PracticeAlert.class);
        f.registerInjectableResource(new AlertContext(TestPolicies.planner(preset, directory), clock,
                () -> "e-" + ids.incrementAndGet()));
        return f;
    }

    /** The one event the command recorded (failing with the handler's exception if it was refused). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static <T> T onlyEvent(ResultValidator<PracticeAlert> result, Class<T> type) {
        List<Object> payloads = new ArrayList<>();
        Matcher capture = Matchers.predicate((List<EventMessage<?>> events) -> {
            events.forEach(e -> payloads.add(e.getPayload()));
            return true;
        });
        result.expectSuccessfulHandlerExecution().expectEventsMatching(capture);
        assertThat(payloads).as("events recorded").hasSize(1);
        assertThat(payloads.get(0)).isInstanceOf(type);
        return type.cast(payloads.get(0));
    }

    /** A stage as recorded: who answers, by when, the reminder, and who is told (in order). */
    record Rung(int stage, Assignment responder, Instant responseDueAt, Instant reminderAt,
                List<Recipient> recipients) {

        static Rung of(AlertRaised e) {
            return new Rung(e.stage(), e.responder(), e.deadlines().responseDueAt(), e.deadlines().reminderAt(),
                    e.recipients());
        }

        static Rung of(StageEscalated e) {
            return new Rung(e.toStage(), e.responder(), e.deadlines().responseDueAt(), e.deadlines().reminderAt(),
                    e.recipients());
        }
    }

    static Assignment responder(String personId, String role) {
        return new Assignment(personId, role, null);
    }

    /** A recipient with every reason they are told for, most urgent first, named as written on the wire. */
    static Recipient told(String personId, String... reasons) {
        return Recipient.of(personId, java.util.Arrays.stream(reasons).map(RecipientReason::valueOf).toList());
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
