package org.practicealerts.web.pages;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.api.Problem;
import org.practicealerts.web.api.ServiceApi;
import org.practicealerts.web.api.ServiceApi.Service;
import org.practicealerts.web.signin.SignedIn;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The alert page: where the alert is and who must act by when, its stages, responses, actions, notes, history and who
 * was told; and each command this person may use here, as a form. A command the service refuses is shown on the same
 * page with the GOV.UK error summary, field by field, and changes nothing.
 */
@Controller
public class AlertPageController {

    /** Each form: the API path after {@code /api/v1/alerts/{id}/} and the fields it may send. */
    enum Command {
        ACKNOWLEDGE("acknowledgement", Set.of()),
        RESPOND("responses", Set.of("response", "actions", "contact", "meeting")),
        FURTHER_ACTIONS("further-actions", Set.of("request")),
        ESCALATE("escalations", Set.of("reason", "toStage", "note")),
        RESOLVE("resolution", Set.of("outcome")),
        REVIEW("review", Set.of("reviewDate", "note", "reopen", "toStage")),
        WITHDRAW("withdrawal", Set.of("reason")) {
            @Override
            Problem shown(Problem problem) {
                return problem.within(path); // its reason is not the escalation's
            }
        },
        CAFCASS("cafcass-referral", Set.of("referredOn", "note")),
        PARTNERSHIP("partnership-referral", Set.of("note")),
        REASSIGN("reassignment", Set.of("toPersonId", "reason")) {
            @Override
            Problem shown(Problem problem) {
                return problem.within(path);
            }
        },
        NOTE("notes", Set.of("text"));

        final String path;
        final Set<String> fields;

        Command(String path, Set<String> fields) {
            this.path = path;
            this.fields = fields;
        }

        /** A refusal as this form's fields show it (as it came, unless the form's field names are shared). */
        Problem shown(Problem problem) {
            return problem;
        }

        static Command of(String name) {
            for (Command c : values()) {
                if (c.path.equals(name)) {
                    return c;
                }
            }
            return null;
        }
    }

    private static final String UUID = "[0-9a-fA-F-]{36}";

    private final ServiceApi api;
    private final Display display;

    public AlertPageController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
    }

    @GetMapping("/alerts/{id:" + UUID + "}")
    public Mono<String> page(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                             @RequestParam(required = false) String done, Model model) {
        if (done != null && done.matches("[a-z-]{1,30}")) {
            model.addAttribute("done", done); // only which command succeeded: no free text in a URL
        }
        return render(me, id, model, null, null, new LinkedMultiValueMap<>());
    }

    @PostMapping("/alerts/{id:" + UUID + "}/{command}")
    public Mono<String> command(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                                @PathVariable String command, ServerWebExchange exchange, Model model) {
        Command c = Command.of(command);
        if (c == null) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return Mono.just("not-found");
        }
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = FormJson.withoutEmptyRows(FormJson.body(form, c.fields, Set.of()));
            return api.command(me.token(), Service.ALERTS, c == Command.ACKNOWLEDGE ? null : body,
                            "/api/v1/alerts/{id}/" + c.path, id)
                    .flatMap(outcome -> {
                        if (outcome.ok()) {
                            return Mono.just("redirect:/alerts/" + id + "?done=" + c.path);
                        }
                        exchange.getResponse().setStatusCode(HttpStatus.valueOf(outcome.problem().status()));
                        return render(me, id, model, c, c.shown(outcome.problem()), form);
                    });
        });
    }

    @PostMapping("/alerts/{id:" + UUID + "}/actions/{actionId}/completion")
    public Mono<String> completeAction(@AuthenticationPrincipal SignedIn me, @PathVariable String id,
                                       @PathVariable String actionId) {
        return api.command(me.token(), Service.ALERTS, Map.of(), "/api/v1/alerts/{id}/actions/{a}/completion", id,
                actionId).map(o -> "redirect:/alerts/" + id + (o.ok() ? "?done=completion" : ""));
    }

    @SuppressWarnings("unchecked")
    private Mono<String> render(SignedIn me, String id, Model model, Command failed, Problem problem,
                                MultiValueMap<String, String> form) {
        Mono<Map<String, Object>> alert = api.object(me.token(), Service.ALERTS, "/api/v1/alerts/{id}", id);
        Mono<List<Map<String, Object>>> told = api.list(me.token(), Service.NOTIFICATIONS,
                "/api/v1/alerts/{id}/notifications", id).onErrorReturn(List.of());
        return alert.flatMap(a -> {
            Map<String, Object> policyRef = (Map<String, Object>) a.get("policy");
            Mono<Map<String, Object>> policy = api.reference(me.token(), Service.ALERTS, Map.class,
                    "/api/v1/policy?procedure={p}", policyRef.get("id")).map(p -> (Map<String, Object>) p)
                    .onErrorReturn(Map.of());
            return Mono.zip(policy, told).map(t -> {
                model.addAttribute("alert", a);
                model.addAttribute("view", AlertView.of(a, t.getT1(), me));
                model.addAttribute("told", t.getT2());
                model.addAttribute("display", display);
                model.addAttribute("failed", failed == null ? null : failed.name());
                model.addAttribute("problem", problem);
                model.addAttribute("form", form.toSingleValueMap());
                return "alert";
            });
        });
    }
}
