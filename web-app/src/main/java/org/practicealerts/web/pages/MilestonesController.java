package org.practicealerts.web.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.api.ApiException;
import org.practicealerts.web.api.Problem;
import org.practicealerts.web.api.ServiceApi;
import org.practicealerts.web.api.ServiceApi.Service;
import org.practicealerts.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Case milestones (seed 004's timescales) from the alert-service: the missed ones a chair is prompted about and the
 * ones due soon, a child's milestones, and the chair's dismissal of a prompt with a reason. Raising an alert from a
 * prompt is the raise form, filled in from the prompt's draft ({@link RaiseController}).
 */
@Controller
public class MilestonesController {

    static final String ID = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";
    static final String RULE = "[A-Z_]{1,64}";
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}";

    private final ServiceApi api;
    private final Display display;

    public MilestonesController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
    }

    @GetMapping("/milestones")
    public Mono<String> queue(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String done,
                              Model model) {
        Mono<List<Map<String, Object>>> missed = api.list(me.token(), Service.ALERTS, "/api/v1/milestones?state=MISSED");
        Mono<List<Map<String, Object>>> dueSoon = api.list(me.token(), Service.ALERTS,
                "/api/v1/milestones?state=DUE_SOON");
        return Mono.zip(missed, dueSoon, teamNames(me)).map(t -> {
            model.addAttribute("missed", t.getT1());
            model.addAttribute("dueSoon", t.getT2());
            model.addAttribute("teamNames", t.getT3());
            model.addAttribute("done", "dismissed".equals(done) ? "The prompt was dismissed." : null);
            model.addAttribute("display", display);
            return "milestones";
        });
    }

    /**
     * Compliance by team and milestone over the milestones due in a period, the last three months by default; a
     * period the alert-service refuses comes back as the error summary.
     */
    @GetMapping("/milestones/compliance")
    public Mono<String> compliance(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String from,
                                   @RequestParam(required = false) String to, ServerWebExchange exchange,
                                   Model model) {
        java.time.LocalDate today = java.time.LocalDate.now(display.zone());
        String start = from == null || from.isBlank() ? today.minusMonths(3).withDayOfMonth(1).toString() : from.trim();
        String end = to == null || to.isBlank() ? today.toString() : to.trim();
        model.addAttribute("from", start);
        model.addAttribute("to", end);
        model.addAttribute("display", display);
        if (!start.matches(DATE) || !end.matches(DATE)) {
            Problem p = new Problem(400, "Invalid request", "Give the period as two dates.",
                    Map.of(start.matches(DATE) ? "to" : "from", "must be a date as 2026-12-31"));
            model.addAttribute("rows", List.of());
            model.addAttribute("teamNames", Map.of());
            model.addAttribute("problem", p);
            return PageModel.refused(exchange, p).thenReturn("milestone-compliance");
        }
        return Mono.zip(api.list(me.token(), Service.ALERTS, "/api/v1/milestones/compliance?from={f}&to={t}", start,
                        end), teamNames(me))
                .map(t -> {
                    model.addAttribute("rows", t.getT1());
                    model.addAttribute("teamNames", t.getT2());
                    return "milestone-compliance";
                })
                .onErrorResume(ApiException.class, e -> e.problem().status() != 400 ? Mono.error(e) : PageModel
                        .refused(exchange, e.problem()).then(Mono.fromSupplier(() -> {
                            model.addAttribute("rows", List.of());
                            model.addAttribute("teamNames", Map.of());
                            model.addAttribute("problem", e.problem());
                            return "milestone-compliance";
                        })));
    }

    @GetMapping("/children/{childRef}/milestones")
    public Mono<String> child(@AuthenticationPrincipal SignedIn me, @PathVariable String childRef, Model model) {
        if (!childRef.matches(ID)) {
            return Mono.just("not-found");
        }
        return Mono.zip(api.object(me.token(), Service.ALERTS, "/api/v1/children/{c}/milestones", childRef),
                teamNames(me)).map(t -> {
            Map<String, Object> c = t.getT1();
            model.addAttribute("child", c);
            model.addAttribute("teamNames", t.getT2());
            model.addAttribute("display", display);
            return "child-milestones";
        });
    }

    /** Teams by name, as every page shows them; ids where the directory cannot be read. */
    private Mono<Map<String, String>> teamNames(SignedIn me) {
        return api.list(me.token(), Service.ALERTS, "/api/v1/directory/teams").map(teams -> {
            Map<String, String> names = new java.util.HashMap<>();
            teams.forEach(team -> names.put(String.valueOf(team.get("id")), String.valueOf(team.get("name"))));
            return names;
        }).onErrorReturn(Map.of());
    }

    @GetMapping("/children/{childRef}/milestones/dismiss")
    public Mono<String> dismissForm(@PathVariable String childRef, @RequestParam String ruleId,
                                    @RequestParam String openedBy, Model model) {
        if (!childRef.matches(ID) || !ruleId.matches(RULE) || !openedBy.matches(ID)) {
            return Mono.just("not-found");
        }
        return Mono.just(dismissPage(model, childRef, Map.of("ruleId", ruleId, "openedBy", openedBy), null));
    }

    /** The dismissal is the alert-service's: this page asks for it and shows a refusal field by field. */
    @PostMapping("/children/{childRef}/milestones/dismiss")
    public Mono<String> dismiss(@AuthenticationPrincipal SignedIn me, @PathVariable String childRef,
                                ServerWebExchange exchange, Model model) {
        if (!childRef.matches(ID)) {
            return Mono.just("not-found");
        }
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = FormJson.body(form, Set.of("ruleId", "openedBy", "reason"), Set.of());
            return api.command(me.token(), Service.ALERTS, request, "/api/v1/children/{c}/milestones/dismissals",
                    childRef).flatMap(o -> o.ok() ? Mono.just("redirect:/milestones?done=dismissed")
                    : PageModel.refused(exchange, o.problem())
                            .thenReturn(dismissPage(model, childRef, form.toSingleValueMap(), o.problem())));
        });
    }

    private String dismissPage(Model model, String childRef, Map<String, String> form, Problem problem) {
        model.addAttribute("childRef", childRef);
        model.addAttribute("form", form);
        model.addAttribute("problem", problem);
        return "milestone-dismiss";
    }
}
