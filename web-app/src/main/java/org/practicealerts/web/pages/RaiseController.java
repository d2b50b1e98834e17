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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Raising an alert: the procedure that applies to this officer (a choice when several do), its headings as categories,
 * and every field the raise carries. "Preview deadlines" shows the deadlines the alert would get, from the procedure's
 * timeline, without raising it. A refusal is shown with the GOV.UK error summary, field by field.
 */
@Controller
public class RaiseController {

    static final Set<String> FIELDS = Set.of("childRef", "siblingRefs", "planType", "teamId", "socialWorkerId",
            "procedure", "primaryCategory", "categories", "summary", "impactOnChild", "childsVoice",
            "recommendedActions", "startStage", "bypassReason", "urgency", "competenceConcern", "externalAgency",
            "informalResolution");
    static final int ACTION_ROWS = 5;

    private final ServiceApi api;
    private final Display display;
    public RaiseController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
    }

    /** The milestone prompt an alert is raised from, carried through the form as hidden fields. */
    static final List<String> MILESTONE = List.of("milestoneChild", "milestoneRule", "milestoneOpenedBy");

    @GetMapping("/alerts/new")
    public Mono<String> form(@AuthenticationPrincipal SignedIn me, @RequestParam(required = false) String procedure,
                             @RequestParam(required = false) String milestoneChild,
                             @RequestParam(required = false) String milestoneRule,
                             @RequestParam(required = false) String milestoneOpenedBy, Model model) {
        LinkedMultiValueMap<String, String> empty = new LinkedMultiValueMap<>();
        if (procedure != null) {
            empty.add("procedure", procedure);
        }
        if (milestoneChild == null || milestoneRule == null || milestoneOpenedBy == null
                || !milestoneChild.matches(MilestonesController.ID) || !milestoneRule.matches(MilestonesController.RULE)
                || !milestoneOpenedBy.matches(MilestonesController.ID)) {
            return render(me, model, empty, null, null);
        }
        // A chair's prompt: the form filled in from its draft (child, team, plan, procedure, category, summary).
        return api.object(me.token(), Service.ALERTS, "/api/v1/children/{c}/milestones/draft?ruleId={r}&openedBy={o}",
                milestoneChild, milestoneRule, milestoneOpenedBy).flatMap(draft -> {
                    for (String field : List.of("childRef", "teamId", "planType", "procedure", "primaryCategory",
                            "summary")) {
                        if (draft.get(field) != null) {
                            empty.set(field, String.valueOf(draft.get(field)));
                        }
                    }
                    empty.add("milestoneChild", milestoneChild);
                    empty.add("milestoneRule", milestoneRule);
                    empty.add("milestoneOpenedBy", milestoneOpenedBy);
                    return render(me, model, empty, null, null);
                });
    }

    @PostMapping("/alerts/new")
    public Mono<String> raise(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> body = FormJson.withoutEmptyRows(FormJson.body(form, FIELDS, Set.of("categories")));
            prioritise(body);
            if ("preview".equals(form.getFirst("action"))) {
                return preview(me, form).flatMap(timeline -> render(me, model, form, null, timeline));
            }
            return api.command(me.token(), Service.ALERTS, body, "/api/v1/alerts").flatMap(outcome -> {
                if (outcome.ok()) {
                    String alertId = String.valueOf(outcome.body().get("id"));
                    return linkPrompt(me, form, alertId).thenReturn("redirect:/alerts/" + alertId + "?done=raised");
                }
                exchange.getResponse().setStatusCode(HttpStatus.valueOf(outcome.problem().status()));
                return render(me, model, form, outcome.problem(), null);
            });
        });
    }

    /**
     * An alert raised from a milestone prompt is linked back to it, which takes the prompt out of the chairs' queue. If
     * the link fails the alert stands and the prompt stays in the queue, where it can be linked or dismissed.
     */
    private Mono<Void> linkPrompt(SignedIn me, MultiValueMap<String, String> form, String alertId) {
        String child = form.getFirst("milestoneChild");
        String rule = form.getFirst("milestoneRule");
        String openedBy = form.getFirst("milestoneOpenedBy");
        if (child == null || rule == null || openedBy == null || !child.matches(MilestonesController.ID)) {
            return Mono.empty();
        }
        return api.command(me.token(), Service.ALERTS, Map.of("ruleId", rule, "openedBy", openedBy, "alertId", alertId),
                "/api/v1/children/{c}/milestones/raisings", child).then();
    }

    private Mono<Map<String, Object>> preview(SignedIn me, MultiValueMap<String, String> form) {
        String stage = form.getFirst("startStage") == null || form.getFirst("startStage").isBlank() ? "1"
                : form.getFirst("startStage");
        String planType = form.getFirst("planType") == null ? "CHILD_WE_CARE_FOR" : form.getFirst("planType");
        String procedure = form.getFirst("procedure");
        // No raisedAt: the alert-service counts from its own now (the embedded default's simulated clock)
        String path = "/api/v1/policy/timeline?stage={s}&planType={p}"
                + (procedure == null || procedure.isBlank() ? "" : "&procedure={proc}");
        return api.object(me.token(), Service.ALERTS, path, stage, planType, procedure)
                .onErrorResume(e -> Mono.just(Map.of("error", "The deadlines could not be worked out: choose the"
                        + " procedure, plan type and entry stage.")));
    }

    @SuppressWarnings("unchecked")
    private Mono<String> render(SignedIn me, Model model, MultiValueMap<String, String> form, Problem problem,
                                Map<String, Object> timeline) {
        Mono<List<Map<String, Object>>> procedures = api.reference(me.token(), Service.ALERTS, List.class,
                "/api/v1/policy/procedures").map(l -> (List<Map<String, Object>>) l);
        Mono<List<Map<String, Object>>> teams = api.list(me.token(), Service.ALERTS, "/api/v1/directory/teams");
        return Mono.zip(procedures, teams).flatMap(t -> {
            List<Map<String, Object>> mine = t.getT1().stream().filter(p -> appliesTo(p, me)).toList();
            String chosen = form.getFirst("procedure");
            if ((chosen == null || chosen.isBlank()) && mine.size() == 1) {
                chosen = (String) mine.get(0).get("id");
            }
            String procedure = chosen;
            Mono<Map<String, Object>> policy = procedure == null || procedure.isBlank() ? Mono.just(Map.of())
                    : api.reference(me.token(), Service.ALERTS, Map.class, "/api/v1/policy?procedure={p}", procedure)
                    .map(m -> (Map<String, Object>) m).onErrorReturn(Map.of());
            return policy.map(p -> {
                model.addAttribute("procedures", mine);
                model.addAttribute("procedure", procedure);
                model.addAttribute("policy", p);
                model.addAttribute("teams", t.getT2());
                model.addAttribute("form", form.toSingleValueMap());
                model.addAttribute("chosenCategories", form.getOrDefault("categories", List.of()));
                model.addAttribute("actionRows", java.util.stream.IntStream.range(0, ACTION_ROWS).boxed().toList());
                model.addAttribute("problem", problem);
                model.addAttribute("timeline", timeline);
                model.addAttribute("display", display);
                return "raise";
            });
        });
    }

    /** The recommended actions are written in order of priority: their order is their priority. */
    @SuppressWarnings("unchecked")
    private static void prioritise(Map<String, Object> body) {
        if (body.get("recommendedActions") instanceof List<?> actions) {
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i) instanceof Map<?, ?> action) {
                    ((Map<String, Object>) action).put("priority", i + 1);
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean appliesTo(Map<String, Object> procedure, SignedIn me) {
        List<String> raisers = (List<String>) procedure.getOrDefault("raisers", List.of());
        return raisers.isEmpty() ? me.officer() : raisers.stream().anyMatch(me.roles()::contains);
    }
}
