package org.practicealerts.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.events.directory.Cover;
import org.practicealerts.events.directory.Person;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Team;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.support.WebhookPolicy;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The directory: people, teams, reporting lines and cover. Everyone may read names, roles, teams and lines; only
 * admins see contact details (email addresses, and Teams webhook URLs, which are bearer secrets: whoever holds one can
 * post into that chat). Admins change it, one entry at a time or by bulk import (JSON here; CSV through
 * {@code /import/people.csv}, {@code teams.csv}, {@code covers.csv}). Every webhook is checked against the
 * {@link WebhookPolicy} before it is saved.
 */
@RestController
@Validated
@RequestMapping("/api/v1/directory")
public class DirectoryController {

    public record PersonRequest(@NotBlank @Size(max = 200) String displayName, @Email @Size(max = 254) String email,
                                @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
                                String teamsWebhook,
                                @NotEmpty Set<@NotNull Role> roles, @Pattern(regexp = Requests.ID) String teamId,
                                @Pattern(regexp = Requests.ID) String managerId, Boolean active,
                                @Pattern(regexp = "EMAIL|TEAMS|BOTH|DIGEST") String preference) {
    }

    public record TeamRequest(@NotBlank @Size(max = 200) String name, @Pattern(regexp = Requests.ID) String managerId,
                              @Size(max = 2000) @Pattern(regexp = "https://\\S+", message = "must be an https URL")
                              String teamsWebhook) {
    }

    public record CoverRequest(@NotBlank @Pattern(regexp = Requests.ID) String absentPersonId,
                               @NotBlank @Pattern(regexp = Requests.ID) String coverPersonId,
                               @NotNull LocalDate from, @NotNull LocalDate to, @Size(max = 500) String reason) {
    }

    /** A whole directory (or part of one) to load in one request; entries are upserted by id. */
    public record Import(@Size(max = 5000) List<@Valid @NotNull ImportedPerson> people,
                         @Size(max = 1000) List<@Valid @NotNull ImportedTeam> teams,
                         @Size(max = 5000) List<@Valid @NotNull ImportedCover> covers) {
    }

    public record ImportedPerson(@NotBlank @Pattern(regexp = Requests.ID) String id, @Valid @NotNull PersonRequest person) {
    }

    public record ImportedTeam(@NotBlank @Pattern(regexp = Requests.ID) String id, @Valid @NotNull TeamRequest team) {
    }

    public record ImportedCover(@NotBlank @Pattern(regexp = Requests.ID) String id, @Valid @NotNull CoverRequest cover) {
    }

    public record ImportResult(int people, int teams, int covers) {
    }

    private final MongoDirectory directory;
    private final Validator validator;
    private final WebhookPolicy webhooks;

    public DirectoryController(MongoDirectory directory, Validator validator, WebhookPolicy webhooks) {
        this.directory = directory;
        this.validator = validator;
        this.webhooks = webhooks;
    }

    @GetMapping("/people")
    public Mono<List<Person>> people(Authentication caller) {
        boolean admin = isAdmin(caller);
        return blocking(() -> directory.people().stream().map(p -> admin ? p : withoutContacts(p)).toList());
    }

    @GetMapping("/people/{id}")
    public Mono<Person> person(@PathVariable @Pattern(regexp = Requests.ID) String id, Authentication caller) {
        boolean admin = isAdmin(caller);
        return blocking(() -> directory.person(id).map(p -> admin ? p : withoutContacts(p))
                .orElseThrow(() -> notFound("person", id)));
    }

    @PutMapping("/people/{id}")
    public Mono<Person> putPerson(@PathVariable @Pattern(regexp = Requests.ID) String id,
                                  @Valid @RequestBody PersonRequest r) {
        return blocking(() -> {
            checkWebhook("teamsWebhook", r.teamsWebhook());
            Person p = toPerson(id, r);
            directory.save(p);
            return p;
        });
    }

    @GetMapping("/teams")
    public Mono<List<Team>> teams(Authentication caller) {
        boolean admin = isAdmin(caller);
        return blocking(() -> directory.teams().stream()
                .map(t -> admin ? t : new Team(t.id(), t.name(), t.managerId(), null)).toList());
    }

    @PutMapping("/teams/{id}")
    public Mono<Team> putTeam(@PathVariable @Pattern(regexp = Requests.ID) String id, @Valid @RequestBody TeamRequest r) {
        return blocking(() -> {
            checkWebhook("teamsWebhook", r.teamsWebhook());
            Team t = new Team(id, r.name(), r.managerId(), r.teamsWebhook());
            directory.save(t);
            return t;
        });
    }

    @GetMapping("/covers")
    public Mono<List<Cover>> covers() {
        return blocking(() -> directory.covers());
    }

    @PutMapping("/covers/{id}")
    public Mono<Cover> putCover(@PathVariable @Pattern(regexp = Requests.ID) String id,
                                @Valid @RequestBody CoverRequest r) {
        return blocking(() -> {
            Cover c = toCover(id, r);
            directory.save(c);
            return c;
        });
    }

    @DeleteMapping("/{kind}/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(@PathVariable @Pattern(regexp = "people|teams|covers") String kind,
                             @PathVariable @Pattern(regexp = Requests.ID) String id) {
        MongoDirectory.Kind k = switch (kind) {
            case "people" -> MongoDirectory.Kind.PERSON;
            case "teams" -> MongoDirectory.Kind.TEAM;
            default -> MongoDirectory.Kind.COVER;
        };
        return blocking(() -> {
            if (!directory.delete(k, id)) {
                throw notFound(kind, id);
            }
            return Boolean.TRUE;
        }).then();
    }

    /** Bulk import: every entry is validated first; if any is invalid nothing is written. */
    @PostMapping("/import")
    public Mono<ImportResult> importJson(@Valid @RequestBody Import r) {
        return blocking(() -> {
            List<Person> people = new ArrayList<>();
            List<Team> teams = new ArrayList<>();
            List<Cover> covers = new ArrayList<>();
            if (r.people() != null) {
                r.people().forEach(p -> people.add(toPerson(p.id(), p.person())));
            }
            if (r.teams() != null) {
                r.teams().forEach(t -> teams.add(new Team(t.id(), t.team().name(), t.team().managerId(),
                        t.team().teamsWebhook())));
            }
            if (r.covers() != null) {
                r.covers().forEach(c -> covers.add(toCover(c.id(), c.cover())));
            }
            for (int i = 0; i < people.size(); i++) {
                checkWebhook("people[" + i + "].person.teamsWebhook", people.get(i).teamsWebhook());
            }
            for (int i = 0; i < teams.size(); i++) {
                checkWebhook("teams[" + i + "].team.teamsWebhook", teams.get(i).teamsWebhook());
            }
            teams.forEach(directory::save);
            people.forEach(directory::save);
            covers.forEach(directory::save);
            return new ImportResult(people.size(), teams.size(), covers.size());
        });
    }

    /**
     * Bulk import of people as CSV (columns in {@link DirectoryCsv#PEOPLE}; roles separated by {@code ;}): every row
     * is checked first, each bad one reported, and nothing is written unless all are good.
     */
    @PostMapping(path = "/import/people.csv", consumes = "text/csv")
    public Mono<ImportResult> importPeopleCsv(@RequestBody String csv) {
        return blocking(() -> {
            List<Person> people = DirectoryCsv.people(csv, validator).stream()
                    .map(p -> toPerson(p.id(), p.person())).toList();
            for (int i = 0; i < people.size(); i++) {
                checkWebhook("rows[" + (i + 2) + "].teamsWebhook", people.get(i).teamsWebhook());
            }
            people.forEach(directory::save);
            return new ImportResult(people.size(), 0, 0);
        });
    }

    /** Bulk import of teams as CSV (columns in {@link DirectoryCsv#TEAMS}), checked as people are. */
    @PostMapping(path = "/import/teams.csv", consumes = "text/csv")
    public Mono<ImportResult> importTeamsCsv(@RequestBody String csv) {
        return blocking(() -> {
            List<Team> teams = DirectoryCsv.teams(csv, validator).stream()
                    .map(t -> new Team(t.id(), t.team().name(), t.team().managerId(), t.team().teamsWebhook())).toList();
            for (int i = 0; i < teams.size(); i++) {
                checkWebhook("rows[" + (i + 2) + "].teamsWebhook", teams.get(i).teamsWebhook());
            }
            teams.forEach(directory::save);
            return new ImportResult(0, teams.size(), 0);
        });
    }

    /** Bulk import of covers as CSV (columns in {@link DirectoryCsv#COVERS}), checked as people are. */
    @PostMapping(path = "/import/covers.csv", consumes = "text/csv")
    public Mono<ImportResult> importCoversCsv(@RequestBody String csv) {
        return blocking(() -> {
            List<Cover> covers = DirectoryCsv.covers(csv, validator).stream()
                    .map(c -> toCover(c.id(), c.cover())).toList();
            covers.forEach(directory::save);
            return new ImportResult(0, 0, covers.size());
        });
    }

    static Person toPerson(String id, PersonRequest r) {
        return new Person(id, r.displayName(), r.email(), r.teamsWebhook(), r.roles(), r.teamId(), r.managerId(),
                r.active() == null || r.active(), r.preference() == null ? "EMAIL" : r.preference());
    }

    /** The URL's host must be an allowed Workflows host, and not an internal address (row numbers as in the file). */
    private void checkWebhook(String field, String url) {
        webhooks.refusal(url).ifPresent(reason -> {
            throw AlertRefused.invalid(field, reason);
        });
    }

    private static boolean isAdmin(Authentication caller) {
        return caller != null && caller.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Role.ADMIN.name()).equals(a.getAuthority()));
    }

    /** What a non-admin sees of a person: who they are and where they sit, not how to reach them. */
    private static Person withoutContacts(Person p) {
        return new Person(p.id(), p.displayName(), null, null, p.roles(), p.teamId(), p.managerId(), p.active(), null);
    }

    private static Cover toCover(String id, CoverRequest r) {
        if (r.to().isBefore(r.from())) {
            throw new AlertRefused(AlertRefused.Kind.INVALID, "to: must not be before from");
        }
        return new Cover(id, r.absentPersonId(), r.coverPersonId(), r.from(), r.to(), r.reason());
    }

    private static ResponseStatusException notFound(String kind, String id) {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "no " + kind + " " + id + " in the directory");
    }

    static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
