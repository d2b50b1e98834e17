package org.practicealerts.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.UUID;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.practicealerts.events.StageRecord;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.alert.domain.PracticeAlert;
import org.practicealerts.alert.mongo.ReferenceNumbers;
import org.practicealerts.alert.query.AlertAccess;
import org.practicealerts.alert.query.AlertDetail;
import org.practicealerts.alert.query.AlertQueries;
import org.practicealerts.alert.query.InformalRecords;
import org.practicealerts.alert.query.ReadAudit;
import org.practicealerts.alert.security.Actors;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.InformalResolution;
import org.practicealerts.events.RecommendedAction;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Practice alerts over REST: raise, read, and everything a council does with an alert afterwards. */
@RestController
@Validated
@RequestMapping("/api/v1")
public class AlertController {

    /** What a command answers: where the alert is now. */
    public record AlertState(String id, String reference, int stage, AlertStatus status, Assignment responder,
                             Instant responseDueAt, Instant reminderAt) {
        static AlertState of(AlertDetail d) {
            return new AlertState(d.id, d.reference, d.stage, d.status, d.responder, d.responseDueAt, d.reminderAt);
        }
    }

    private static final String UUID_PATTERN = "[0-9a-fA-F-]{36}";

    private final CommandSender commands;
    private final AlertQueries queries;
    private final AlertAccess access;
    private final ReadAudit audit;
    private final ReferenceNumbers references;
    private final InformalRecords informal;
    private final Clock clock;

    public AlertController(CommandSender commands, AlertQueries queries, AlertAccess access, ReadAudit audit,
                           ReferenceNumbers references, InformalRecords informal, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.access = access;
        this.audit = audit;
        this.references = references;
        this.informal = informal;
        this.clock = clock;
    }

    /**
     * Raise an alert. An {@code Idempotency-Key} makes a retried request return the alert it already created
     * instead of raising a second one.
     */
    @PostMapping("/alerts")
    public Mono<ResponseEntity<AlertState>> raise(@Valid @RequestBody Requests.RaiseAlert r,
                                                  @RequestHeader(name = "Idempotency-Key", required = false)
                                                  @Pattern(regexp = "[A-Za-z0-9._:-]{8,128}") String idempotencyKey,
                                                  Authentication auth) {
        Actor actor = Actors.of(auth);
        PracticeAlert.requireMayRaise(actor, concernAbout(r));
        String alertId = idempotencyKey == null ? UUID.randomUUID().toString()
                : UUID.nameUUIDFromBytes((actor.personId() + "|" + idempotencyKey).getBytes(StandardCharsets.UTF_8))
                .toString();
        return Mono.fromCallable(() -> queries.detail(alertId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(existing -> existing.isPresent()
                        ? Mono.just(ResponseEntity.ok(AlertState.of(existing.get())))
                        : create(alertId, r, actor));
    }

    private Mono<ResponseEntity<AlertState>> create(String alertId, Requests.RaiseAlert r, Actor actor) {
        return Mono.fromCallable(() -> {
                    // Checked before a reference is reserved, so a refused link changes nothing.
                    informal.requireLinkable(r.informalResolution() == null ? null : r.informalResolution().recordId(),
                            r.childRef());
                    return references.next("PA", clock.instant().atZone(ZoneId.of("Europe/London")).getYear());
                })
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(reference -> commands.send(raiseCommand(alertId, reference, actor, r)))
                .then(state(alertId))
                .map(s -> ResponseEntity.created(URI.create("/api/v1/alerts/" + alertId)).body(s))
                // Two first attempts with the same idempotency key raced: the loser answers with the winner's alert.
                .onErrorResume(e -> e instanceof AggregateStreamCreationException || e instanceof ConcurrencyException,
                        e -> state(alertId).map(ResponseEntity::ok));
    }

    @GetMapping("/alerts/{id}")
    public Mono<AlertDetail> get(@PathVariable @Pattern(regexp = UUID_PATTERN) String id, Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> read(id, actor, "alert"))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/alerts")
    public Mono<List<AlertQueries.Summary>> list(
            @RequestParam(required = false) @Pattern(regexp = "me") String assignedTo,
            @RequestParam(required = false) @Pattern(regexp = "me") String raisedBy,
            @RequestParam(required = false) @Pattern(regexp = Requests.ID) String team,
            @RequestParam(required = false) @Min(1) @Max(10) Integer stage,
            @RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) Boolean open,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(required = false) @Pattern(regexp = Requests.ID) String childRef,
            @RequestParam(defaultValue = "0") @Min(0) @Max(AlertQueries.DEEPEST_ROW) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size,
            Authentication auth) {
        if ((long) (page + 1) * size > AlertQueries.DEEPEST_ROW) {
            throw AlertRefused.invalid("page", "a list reaches its " + AlertQueries.DEEPEST_ROW
                    + "th row at most; narrow it with team, status, stage or childRef");
        }
        AlertQueries.Filter filter = new AlertQueries.Filter(assignedTo != null, raisedBy != null, team, stage,
                status == null ? null : status.name(), open, overdue, childRef, page, size);
        return Mono.fromCallable(() -> queries.list(filter, Actors.of(auth))).subscribeOn(Schedulers.boundedElastic());
    }

    /** The child's chronology: every alert about them that the caller may see, oldest first. */
    @GetMapping("/children/{childRef}/alerts")
    public Mono<List<AlertDetail>> chronology(@PathVariable @Pattern(regexp = Requests.ID) String childRef,
                                              Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> queries.list(new AlertQueries.Filter(false, false, null, null, null, null,
                                null, childRef, 0, 200), actor).stream()
                        .map(s -> read(s.id(), actor, "chronology"))
                        .sorted(Comparator.comparing(d -> d.raisedAt)).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/alerts/{id}/acknowledgement")
    public Mono<AlertState> acknowledge(@PathVariable @Pattern(regexp = UUID_PATTERN) String id, Authentication auth) {
        return act(id, auth, actor -> new Commands.AcknowledgeAlert(id, actor));
    }

    @PostMapping("/alerts/{id}/responses")
    public Mono<AlertState> respond(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                    @Valid @RequestBody Requests.Response r, Authentication auth) {
        List<Commands.NewAction> actions = r.actions() == null ? List.of() : r.actions().stream()
                .map(a -> new Commands.NewAction(a.description(), a.ownerId(), a.dueDate())).toList();
        StageRecord.Contact contact = r.contact() == null ? null
                : new StageRecord.Contact(r.contact().withPersonId(), r.contact().madeAt());
        StageRecord.Meeting meeting = r.meeting() == null ? null
                : new StageRecord.Meeting(r.meeting().heldAt(), r.meeting().chairId(), r.meeting().attendeeIds());
        return act(id, auth, actor -> new Commands.RecordResponse(id, actor, r.response(), actions, contact, meeting));
    }

    @PostMapping("/alerts/{id}/further-actions")
    public Mono<AlertState> furtherActions(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                           @Valid @RequestBody Requests.FurtherActions r, Authentication auth) {
        return act(id, auth, actor -> new Commands.RequestFurtherActions(id, actor, r.request()));
    }

    @PostMapping("/alerts/{id}/escalations")
    public Mono<AlertState> escalate(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                     @Valid @RequestBody Requests.Escalation r, Authentication auth) {
        // DEADLINE_MISSED is the raiser progressing a deadline the alert recorded as missed; the alert refuses it otherwise.
        return act(id, auth, actor -> new Commands.EscalateAlert(id, actor, r.reason(), r.toStage(), r.note()));
    }

    @PostMapping("/alerts/{id}/resolution")
    public Mono<AlertState> resolve(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                    @Valid @RequestBody Requests.Resolution r, Authentication auth) {
        return act(id, auth, actor -> new Commands.ResolveAlert(id, actor, r.outcome()));
    }

    /** Set an action review, or (with {@code reopen: true}) re-open an alert under review at a higher stage. */
    @PostMapping("/alerts/{id}/review")
    public Mono<AlertState> review(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                   @Valid @RequestBody Requests.Review r, Authentication auth) {
        if (Boolean.TRUE.equals(r.reopen())) {
            return act(id, auth, actor -> new Commands.ReopenAlert(id, actor, r.toStage(), r.note()));
        }
        if (r.reviewDate() == null) {
            return Mono.error(AlertRefused.invalid("reviewDate: required to set an action review"));
        }
        return act(id, auth, actor -> new Commands.ScheduleActionReview(id, actor, r.reviewDate(), r.note()));
    }

    @PostMapping("/alerts/{id}/withdrawal")
    public Mono<AlertState> withdraw(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                     @Valid @RequestBody Requests.Withdrawal r, Authentication auth) {
        return act(id, auth, actor -> new Commands.WithdrawAlert(id, actor, r.reason()));
    }

    @PostMapping("/alerts/{id}/cafcass-referral")
    public Mono<AlertState> cafcass(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                    @Valid @RequestBody Requests.CafcassReferral r, Authentication auth) {
        return act(id, auth, actor -> new Commands.ReferToCafcass(id, actor, r.referredOn(), r.note()));
    }

    @PostMapping("/alerts/{id}/partnership-referral")
    public Mono<AlertState> partnership(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                        @Valid @RequestBody Requests.PartnershipReferral r, Authentication auth) {
        return act(id, auth, actor -> new Commands.ReferToPartnership(id, actor, r.note()));
    }

    @PostMapping("/alerts/{id}/reassignment")
    public Mono<AlertState> reassign(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                     @Valid @RequestBody Requests.Reassignment r, Authentication auth) {
        return act(id, auth, actor -> new Commands.ReassignAlert(id, actor, r.toPersonId(), r.reason()));
    }

    @PostMapping("/alerts/{id}/notes")
    public Mono<AlertState> note(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                 @Valid @RequestBody Requests.Note r, Authentication auth) {
        return act(id, auth, actor -> new Commands.AddNote(id, actor, r.text()));
    }

    @PostMapping("/alerts/{id}/actions/{actionId}/completion")
    public Mono<AlertState> completeAction(@PathVariable @Pattern(regexp = UUID_PATTERN) String id,
                                           @PathVariable @Pattern(regexp = Requests.ID) String actionId,
                                           @Valid @RequestBody(required = false) Requests.ActionCompletion r,
                                           Authentication auth) {
        return act(id, auth, actor -> new Commands.CompleteAction(id, actor, actionId,
                r == null ? null : r.completedOn(), r == null ? null : r.note()));
    }

    /**
     * Sends a command on the caller's behalf. A refusal because the caller may not act is answered as a missing alert
     * when they may not see it either: a command must not disclose that an alert exists (the read says 404 too).
     */
    private Mono<AlertState> act(String alertId, Authentication auth, Function<Actor, Object> command) {
        Actor actor = Actors.of(auth);
        return commands.send(command.apply(actor))
                .onErrorMap(AggregateNotFoundException.class, e -> new NotFound("alert " + alertId + " does not exist"))
                .onErrorResume(AlertRefused.class, refused -> refused.kind() != AlertRefused.Kind.NOT_PERMITTED
                        ? Mono.error(refused)
                        : Mono.fromCallable(() -> queries.detail(alertId).filter(d -> access.maySee(actor, d))
                                        .isPresent())
                                .subscribeOn(Schedulers.boundedElastic())
                                .flatMap(visible -> Mono.error(visible ? refused
                                        : new NotFound("alert " + alertId + " does not exist"))))
                .then(state(alertId));
    }

    private Mono<AlertState> state(String alertId) {
        return Mono.fromCallable(() -> queries.detail(alertId).map(AlertState::of)
                        .orElseThrow(() -> new NotFound("alert " + alertId + " does not exist")))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private AlertDetail read(String alertId, Actor actor, String via) {
        AlertDetail detail = queries.detail(alertId)
                .orElseThrow(() -> new NotFound("alert " + alertId + " does not exist"));
        if (!access.maySee(actor, detail)) {
            // Same answer as a missing alert: an alert's existence is not disclosed to people outside it.
            throw new NotFound("alert " + alertId + " does not exist");
        }
        boolean restricted = !access.maySeeDetail(actor, detail);
        audit.record(alertId, actor.personId(), clock.instant(), restricted, via);
        return restricted ? detail.restrict() : detail;
    }

    /** The flat request body, grouped as the command has it. */
    private static Commands.RaiseAlert raiseCommand(String alertId, String reference, Actor actor,
                                                    Requests.RaiseAlert r) {
        return new Commands.RaiseAlert(alertId, reference, actor,
                new Commands.RaiseAlert.Child(r.childRef(), r.siblingRefs(), r.planType(), r.teamId(),
                        r.socialWorkerId()),
                new Commands.RaiseAlert.Concern(r.primaryCategory(), r.categories(), r.summary(), r.impactOnChild(),
                        r.childsVoice(), recommended(r.recommendedActions())),
                new Commands.RaiseAlert.Routing(r.procedure(), r.startStage(), r.bypassReason(), r.urgency()),
                new Commands.RaiseAlert.Circumstances(Boolean.TRUE.equals(r.competenceConcern()), r.externalAgency(),
                        r.informalResolution() == null ? null : new InformalResolution(
                                r.informalResolution().discussedOn(), r.informalResolution().withPersonId(),
                                r.informalResolution().outcome(), r.informalResolution().recordId())),
                concernAbout(r));
    }

    private static ConcernAbout concernAbout(Requests.RaiseAlert r) {
        return r.concernAbout() == null ? null : new ConcernAbout(r.concernAbout().subject(), r.concernAbout().personId());
    }

    private static List<RecommendedAction> recommended(List<Requests.RecommendedAction> actions) {
        return actions == null ? List.of() : actions.stream()
                .map(a -> new RecommendedAction(a.priority(), a.description(), a.timescale())).toList();
    }

    /** 404 as a problem detail. */
    public static class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message, null, false, false);
        }
    }

    static HttpStatus statusOf(AlertRefused.Kind kind) {
        return switch (kind) {
            case NOT_PERMITTED -> HttpStatus.FORBIDDEN;
            case ILLEGAL_TRANSITION -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
    }
}
