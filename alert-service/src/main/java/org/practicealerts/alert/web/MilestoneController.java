package org.practicealerts.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.milestone.CaseFactStore;
import org.practicealerts.alert.milestone.CaseMilestones;
import org.practicealerts.alert.milestone.MilestonePrompts;
import org.practicealerts.alert.security.Actors;
import org.practicealerts.milestones.CaseFact;
import org.practicealerts.milestones.Milestone;
import org.practicealerts.support.InputProblems.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Case milestones (seed 004): the case system's facts in, idempotent by its record id; a child's milestones; the
 * milestones in a state across the children one may see (MISSED, less those dismissed or raised: the chairs' work
 * queue); a missed milestone's prompt, which a chair dismisses with a reason or raises as an alert from its draft.
 */
@RestController
@RequestMapping("/api/v1")
public class MilestoneController {

    private final CaseFactStore facts;
    private final CaseMilestones milestones;
    private final MilestonePrompts prompts;
    private final Clock clock;
    private final Validator validator;

    public MilestoneController(CaseFactStore facts, CaseMilestones milestones, MilestonePrompts prompts,
                               Clock clock, Validator validator) {
        this.facts = facts;
        this.milestones = milestones;
        this.prompts = prompts;
        this.clock = clock;
        this.validator = validator;
    }

    /** 201 for a new fact, 200 for one already recorded as sent, 409 for a record id sent before with other content. */
    @PostMapping("/case-facts")
    public Mono<ResponseEntity<Map<String, String>>> record(@Valid @RequestBody Requests.CaseFact r,
                                                            Authentication auth) {
        Actor actor = Actors.of(auth);
        CaseFact fact = toFact(r);
        return Mono.fromCallable(() -> switch (facts.put(new CaseFactStore.Stored(fact, r.teamId()), actor.personId(),
                        clock.instant())) {
                    case RECORDED -> ResponseEntity.status(HttpStatus.CREATED)
                            .body(Map.of("recordId", fact.recordId(), "childRef", fact.childRef()));
                    case ALREADY_RECORDED -> ResponseEntity.ok(Map.of("recordId", fact.recordId(),
                            "childRef", fact.childRef()));
                    case CONFLICTS -> throw new ResponseStatusException(HttpStatus.CONFLICT, "record "
                            + fact.recordId() + " was sent before with other content; a record id means one fact");
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The answer to a spreadsheet of facts: how many were new, and how many had been sent before as they are. */
    public record FactImport(int recorded, int alreadyRecorded) {
    }

    /**
     * The same facts as a spreadsheet ({@link CaseFactCsv}): every row checked, and one whose record id was sent before
     * with other content refused, before any is written; then each is recorded as {@code POST /case-facts} would.
     */
    @PostMapping(path = "/case-facts.csv", consumes = "text/csv")
    public Mono<FactImport> importCsv(@RequestBody String csv, Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> {
            List<Requests.CaseFact> rows = CaseFactCsv.facts(csv, validator);
            List<CaseFactStore.Stored> stored = rows.stream()
                    .map(r -> new CaseFactStore.Stored(fact(r), r.teamId())).toList();
            List<FieldProblem> conflicts = new ArrayList<>();
            for (int i = 0; i < stored.size(); i++) {
                if (facts.conflicts(stored.get(i))) {
                    conflicts.add(new FieldProblem("rows[" + (i + 2) + "].recordId", "row " + (i + 2)
                            + ": recordId was sent before with other content; a record id means one fact"));
                }
            }
            if (!conflicts.isEmpty()) {
                throw new FactRefused(conflicts);
            }
            int recorded = 0;
            int again = 0;
            for (CaseFactStore.Stored s : stored) {
                switch (facts.put(s, actor.personId(), clock.instant())) {
                    case RECORDED -> recorded++;
                    case ALREADY_RECORDED -> again++;
                    case CONFLICTS -> throw new ResponseStatusException(HttpStatus.CONFLICT, "record "
                            + s.fact().recordId() + " was sent at the same time with other content; the rows before "
                            + "it are recorded: send the file again once that is settled");
                }
            }
            return new FactImport(recorded, again);
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/children/{childRef}/milestones")
    public Mono<CaseMilestones.OfChild> ofChild(@PathVariable @Pattern(regexp = Requests.ID) String childRef,
                                                Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> milestones.ofChild(childRef, actor)
                        .orElseThrow(() -> new AlertController.NotFound("no milestones of child " + childRef)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/milestones")
    public Mono<List<CaseMilestones.View>> inState(@RequestParam(defaultValue = "MISSED") Milestone.State state,
                                                   Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> milestones.inState(state, actor)).subscribeOn(Schedulers.boundedElastic());
    }

    /** Compliance by team and milestone over the milestones due in a period (at most two years). */
    @GetMapping("/milestones/compliance")
    public Mono<List<CaseMilestones.Compliance>> compliance(@RequestParam LocalDate from,
                                                            @RequestParam LocalDate to,
                                                            Authentication auth) {
        if (to.isBefore(from) || to.isAfter(from.plusYears(2))) {
            throw new FactRefused(List.of(new FieldProblem("to",
                    "must be on or after from, and within two years of it")));
        }
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> milestones.compliance(from, to, actor)).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/children/{childRef}/milestones/dismissals")
    public Mono<ResponseEntity<Map<String, String>>> dismiss(
            @PathVariable @Pattern(regexp = Requests.ID) String childRef,
            @Valid @RequestBody Requests.MilestoneDismissal r, Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> answer(prompts.dismiss(childRef, r.ruleId(), r.openedBy(), r.reason(),
                        actor), childRef, r.ruleId(), r.openedBy()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The alert a missed milestone's prompt would raise, filled in as far as the facts allow. */
    @GetMapping("/children/{childRef}/milestones/draft")
    public Mono<MilestonePrompts.Draft> draft(@PathVariable @Pattern(regexp = Requests.ID) String childRef,
                                            @RequestParam @Pattern(regexp = "[A-Z_]{1,64}") String ruleId,
                                            @RequestParam @Pattern(regexp = Requests.ID) String openedBy,
                                            Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> prompts.draft(childRef, ruleId, openedBy, actor)
                        .orElseThrow(() -> notAPrompt(childRef, ruleId, openedBy)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** The chair raised the alert (POST /api/v1/alerts with the draft): the prompt leaves the work queue. */
    @PostMapping("/children/{childRef}/milestones/raisings")
    public Mono<ResponseEntity<Map<String, String>>> raised(
            @PathVariable @Pattern(regexp = Requests.ID) String childRef,
            @Valid @RequestBody Requests.MilestoneRaised r, Authentication auth) {
        Actor actor = Actors.of(auth);
        return Mono.fromCallable(() -> answer(prompts.raised(childRef, r.ruleId(), r.openedBy(), r.alertId(), actor),
                        childRef, r.ruleId(), r.openedBy()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    private static ResponseEntity<Map<String, String>> answer(MilestonePrompts.Outcome outcome, String childRef,
                                                              String ruleId, String openedBy) {
        Map<String, String> body = Map.of("ruleId", ruleId, "openedBy", openedBy);
        return switch (outcome) {
            case DONE -> ResponseEntity.status(HttpStatus.CREATED).body(body);
            case ALREADY_DONE -> ResponseEntity.ok(body);
            case NOT_A_MISSED_MILESTONE -> throw notAPrompt(childRef, ruleId, openedBy);
            case NOT_THAT_ALERT -> throw new FactRefused(List.of(new FieldProblem("alertId",
                    "not an alert about child " + childRef + " raised by you")));
        };
    }

    private static AlertController.NotFound notAPrompt(String childRef, String ruleId, String openedBy) {
        return new AlertController.NotFound("no prompt for a missed milestone " + ruleId + " opened by " + openedBy
                + " for child " + childRef);
    }

    /** The request as a fact, each field a kind needs or must not have checked and reported together. */
    private static CaseFact toFact(Requests.CaseFact r) {
        List<FieldProblem> problems = kindProblems(r);
        if (!problems.isEmpty()) {
            throw new FactRefused(problems);
        }
        return fact(r);
    }

    /**
     * The fact of a request that fits its kind; kept to the millisecond, as the database keeps it, so that a resend
     * is recognised as the same fact.
     */
    static CaseFact fact(Requests.CaseFact r) {
        return new CaseFact(r.recordId(), r.childRef(), r.kind(), millis(r.at()), r.conference(),
                millis(r.conferenceAt()), r.planMade(), r.childSeen());
    }

    /** The fields the request's kind needs and lacks, or has and must not ({@link CaseFact#misfits}). */
    static List<FieldProblem> kindProblems(Requests.CaseFact r) {
        return CaseFact.misfits(r.kind(), r.conference(), r.conferenceAt(), r.planMade(), r.childSeen()).entrySet()
                .stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList();
    }

    private static Instant millis(Instant at) {
        return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
    }

    /** A request whose fields do not fit: a fact's kind, or an alert that is not the prompt's. */
    static final class FactRefused extends RuntimeException {
        private final List<FieldProblem> problems;

        FactRefused(List<FieldProblem> problems) {
            super("The request's fields do not fit.", null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }
}
