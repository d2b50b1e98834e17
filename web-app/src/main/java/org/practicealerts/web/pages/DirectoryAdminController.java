package org.practicealerts.web.pages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicealerts.events.Role;
import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.api.ApiException;
import org.practicealerts.web.api.Problem;
import org.practicealerts.web.api.ServiceApi;
import org.practicealerts.web.api.ServiceApi.Service;
import org.practicealerts.web.signin.SignedIn;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.http.codec.multipart.FormFieldPart;
import org.springframework.http.codec.multipart.Part;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The directory, for admins: people and teams listed, added and changed; covers added; and people, teams or covers
 * imported from a spreadsheet's CSV, each bad row listed in the error summary. Every change goes through the
 * alert-service's directory API, whose rules (and refusals, field by field) are the ones that count.
 */
@Controller
public class DirectoryAdminController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";
    /** The largest CSV the import page takes (a 5,000-row directory is a few hundred kilobytes). */
    static final int MAX_CSV_BYTES = 2 * 1024 * 1024;
    private static final List<String> ROLES = Arrays.stream(Role.values()).filter(Role::person).map(Enum::name)
            .toList();
    private static final List<String> PREFERENCES = List.of("EMAIL", "TEAMS", "BOTH", "DIGEST");
    private static final List<String> IMPORTS = List.of("people", "teams", "covers");

    private final ServiceApi api;
    private final Display display;

    public DirectoryAdminController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
    }

    private static final Map<String, String> DONE = Map.of("cover", "The cover was added.", "person",
            "The person was saved.", "team", "The team was saved.");

    @GetMapping("/admin/directory")
    public Mono<String> directory(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String done,
                                  Model model) {
        model.addAttribute("done", done == null ? null : DONE.get(done));
        return directoryPage(me, model, null, Map.of());
    }

    @PostMapping("/admin/directory/covers")
    public Mono<String> addCover(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> cover = FormJson.body(form, Set.of("absentPersonId", "coverPersonId", "from", "to",
                    "reason"), Set.of());
            String id = form.getFirst("id");
            if (id == null || !id.matches(ID)) {
                Problem p = missingId("cover");
                return PageModel.refused(exchange, p).then(directoryPage(me, model, p, form.toSingleValueMap()));
            }
            return api.put(me.token(), Service.ALERTS, cover, "/api/v1/directory/covers/{id}", id).flatMap(o -> o.ok()
                    ? Mono.just("redirect:/admin/directory?done=cover")
                    : PageModel.refused(exchange, o.problem())
                            .then(directoryPage(me, model, o.problem(), form.toSingleValueMap())));
        });
    }

    private Mono<String> directoryPage(SignedIn me, Model model, Problem problem, Map<String, String> form) {
        return Mono.zip(api.list(me.token(), Service.ALERTS, "/api/v1/directory/people"),
                        api.list(me.token(), Service.ALERTS, "/api/v1/directory/teams"),
                        api.list(me.token(), Service.ALERTS, "/api/v1/directory/covers"))
                .map(t -> {
                    model.addAttribute("people", t.getT1());
                    model.addAttribute("teams", t.getT2());
                    model.addAttribute("covers", t.getT3());
                    model.addAttribute("problem", problem);
                    model.addAttribute("form", form);
                    model.addAttribute("display", display);
                    return "admin-directory";
                });
    }

    // ---- people ----

    @GetMapping("/admin/directory/people/new")
    public String newPerson(Model model) {
        return personPage(model, null, Map.of(), List.of(), true);
    }

    @GetMapping("/admin/directory/people/{id}")
    public Mono<String> person(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model,
                               ServerWebExchange exchange) {
        if (!id.matches(ID)) {
            return notFound(exchange);
        }
        return api.object(me.token(), Service.ALERTS, "/api/v1/directory/people/{id}", id)
                .map(p -> {
                    Map<String, String> form = new LinkedHashMap<>();
                    for (String f : List.of("id", "displayName", "email", "teamsWebhook", "teamId", "managerId",
                            "preference")) {
                        form.put(f, p.get(f) == null ? "" : p.get(f).toString());
                    }
                    form.put("active", Boolean.FALSE.equals(p.get("active")) ? "no" : "yes");
                    List<String> roles = p.get("roles") instanceof List<?> l ? l.stream().map(String::valueOf).toList()
                            : List.of();
                    return personPage(model, null, form, roles, false);
                })
                .onErrorResume(ApiException.class, e -> e.problem().status() == 404 ? notFound(exchange)
                        : Mono.error(e));
    }

    @PostMapping("/admin/directory/people")
    public Mono<String> savePerson(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            boolean adding = !"change".equals(form.getFirst("mode"));
            List<String> roles = form.getOrDefault("roles", List.of());
            String id = form.getFirst("id");
            if (id == null || !id.matches(ID)) {
                Problem p = missingId("person");
                return PageModel.refused(exchange, p).then(Mono.fromSupplier(() ->
                        personPage(model, p, form.toSingleValueMap(), roles, adding)));
            }
            Map<String, Object> person = FormJson.body(form, Set.of("displayName", "email", "teamsWebhook", "roles",
                    "teamId", "managerId", "preference"), Set.of("roles"));
            person.putIfAbsent("roles", List.of()); // none ticked: the API says a person needs one
            person.put("active", !"no".equals(form.getFirst("active")));
            return api.put(me.token(), Service.ALERTS, person, "/api/v1/directory/people/{id}", id).flatMap(o -> o.ok()
                    ? Mono.just("redirect:/admin/directory?done=person")
                    : PageModel.refused(exchange, o.problem()).then(Mono.fromSupplier(() ->
                            personPage(model, o.problem(), form.toSingleValueMap(), roles, adding))));
        });
    }

    private String personPage(Model model, Problem problem, Map<String, String> form, List<String> roles,
                              boolean adding) {
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        model.addAttribute("chosenRoles", roles);
        model.addAttribute("roles", ROLES);
        model.addAttribute("preferences", PREFERENCES);
        model.addAttribute("adding", adding);
        model.addAttribute("display", display);
        return "admin-person";
    }

    // ---- teams ----

    @GetMapping("/admin/directory/teams/new")
    public String newTeam(Model model) {
        return teamPage(model, null, Map.of(), true);
    }

    @GetMapping("/admin/directory/teams/{id}")
    public Mono<String> team(@AuthenticationPrincipal SignedIn me, @PathVariable String id, Model model,
                             ServerWebExchange exchange) {
        if (!id.matches(ID)) {
            return notFound(exchange);
        }
        return api.list(me.token(), Service.ALERTS, "/api/v1/directory/teams").flatMap(teams -> teams.stream()
                .filter(t -> id.equals(t.get("id"))).findFirst()
                .map(t -> {
                    Map<String, String> form = new LinkedHashMap<>();
                    for (String f : List.of("id", "name", "managerId", "teamsWebhook")) {
                        form.put(f, t.get(f) == null ? "" : t.get(f).toString());
                    }
                    return Mono.just(teamPage(model, null, form, false));
                })
                .orElseGet(() -> notFound(exchange)));
    }

    @PostMapping("/admin/directory/teams")
    public Mono<String> saveTeam(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            boolean adding = !"change".equals(form.getFirst("mode"));
            String id = form.getFirst("id");
            if (id == null || !id.matches(ID)) {
                Problem p = missingId("team");
                return PageModel.refused(exchange, p).then(Mono.fromSupplier(() ->
                        teamPage(model, p, form.toSingleValueMap(), adding)));
            }
            Map<String, Object> team = FormJson.body(form, Set.of("name", "managerId", "teamsWebhook"), Set.of());
            return api.put(me.token(), Service.ALERTS, team, "/api/v1/directory/teams/{id}", id).flatMap(o -> o.ok()
                    ? Mono.just("redirect:/admin/directory?done=team")
                    : PageModel.refused(exchange, o.problem()).then(Mono.fromSupplier(() ->
                            teamPage(model, o.problem(), form.toSingleValueMap(), adding))));
        });
    }

    private String teamPage(Model model, Problem problem, Map<String, String> form, boolean adding) {
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        model.addAttribute("adding", adding);
        return "admin-team";
    }

    // ---- CSV import ----

    @GetMapping("/admin/directory/import")
    public String importPage(@RequestParam(required = false) String imported,
                             @RequestParam(name = "too-large", required = false) String tooLarge, Model model) {
        return importPage(model, tooLarge == null ? null : TOO_LARGE, List.of(), "people", imported);
    }

    @PostMapping(path = "/admin/directory/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public Mono<String> importCsv(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getMultipartData().flatMap(parts -> {
            String kind = field(parts, "kind");
            if (kind == null || !IMPORTS.contains(kind)) {
                Problem p = new Problem(400, "Invalid request", "Choose what the file holds.",
                        Map.of("kind", "Choose whether the file holds people, teams or covers"));
                return PageModel.refused(exchange, p).then(Mono.fromSupplier(() ->
                        importPage(model, p, List.of(), "people", null)));
            }
            return text(parts.getFirst("csv")).flatMap(csv -> {
                if (csv.isBlank()) {
                    Problem p = new Problem(400, "Invalid request", "Choose a file.",
                            Map.of("csv", "Select a CSV file"));
                    return PageModel.refused(exchange, p).then(Mono.fromSupplier(() ->
                            importPage(model, p, List.of(), kind, null)));
                }
                return api.upload(me.token(), Service.ALERTS, MediaType.parseMediaType("text/csv"), csv,
                        "/api/v1/directory/import/{kind}.csv", kind).flatMap(o -> {
                            if (o.ok()) {
                                Object n = o.body().get(kind);
                                return Mono.just("redirect:/admin/directory/import?imported=" + n + "+" + kind);
                            }
                            // Every row's problem in the summary, each linking to the file chooser; the count beside it.
                            List<String> rows = new ArrayList<>(o.problem().fields().values());
                            Problem p = new Problem(o.problem().status(), o.problem().title(), o.problem().detail(),
                                    Map.of("csv", rows.isEmpty() ? o.problem().detail()
                                            : "The file has " + rows.size() + " problem" + (rows.size() == 1 ? "" : "s")
                                            + "; nothing was imported. Correct the rows listed and choose it again"));
                            return PageModel.refused(exchange, p).then(Mono.fromSupplier(() ->
                                    importPage(model, p, rows, kind, null)));
                        });
            }).switchIfEmpty(Mono.defer(() -> tooLarge(exchange, model, kind)));
        });
    }

    private static final Problem TOO_LARGE = new Problem(413, "File too large", "The file is too large.",
            Map.of("csv", "The file must be smaller than 2 MB"));

    private Mono<String> tooLarge(ServerWebExchange exchange, Model model, String kind) {
        return PageModel.refused(exchange, TOO_LARGE)
                .then(Mono.fromSupplier(() -> importPage(model, TOO_LARGE, List.of(), kind, null)));
    }

    private String importPage(Model model, Problem problem, List<String> rows, String kind, String imported) {
        model.addAttribute("problem", problem);
        model.addAttribute("rows", rows);
        model.addAttribute("kind", kind);
        model.addAttribute("imported", imported(imported));
        return "admin-import";
    }

    /** "Imported 1 person." from {@code 1 people}; null for anything else in the address. */
    private static String imported(String param) {
        if (param == null || !param.matches("\\d{1,5} (people|teams|covers)")) {
            return null;
        }
        String[] n = param.split(" ");
        String what = !n[0].equals("1") ? n[1] : switch (n[1]) {
            case "people" -> "person";
            case "teams" -> "team";
            default -> "cover";
        };
        return "Imported " + n[0] + " " + what + ".";
    }

    private static String field(MultiValueMap<String, Part> parts, String name) {
        return parts.getFirst(name) instanceof FormFieldPart f ? f.value() : null;
    }

    /** A file part's text (UTF-8); empty when none was chosen; no value at all when it is over the limit. */
    private static Mono<String> text(Part part) {
        if (!(part instanceof FilePart file)) {
            return Mono.just("");
        }
        return DataBufferUtils.join(file.content(), MAX_CSV_BYTES).map(buffer -> {
            try {
                return buffer.toString(StandardCharsets.UTF_8);
            } finally {
                DataBufferUtils.release(buffer);
            }
        }).defaultIfEmpty("").onErrorResume(org.springframework.core.io.buffer.DataBufferLimitException.class,
                e -> Mono.empty());
    }

    private static Problem missingId(String what) {
        return new Problem(400, "Invalid request", "The " + what + " needs an id.",
                Map.of("id", "must be letters, digits, . _ : / - (up to 64)"));
    }

    private static Mono<String> notFound(ServerWebExchange exchange) {
        exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
        return Mono.just("not-found");
    }
}
