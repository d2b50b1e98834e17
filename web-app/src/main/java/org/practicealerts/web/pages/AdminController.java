package org.practicealerts.web.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Administration, for admins: the council's closure days beside each procedure's timeline (so adding a day shows the
 * deadlines it moves), the read audit, and, in the embedded default, the simulated clock. The directory is
 * {@link DirectoryAdminController}'s.
 */
@Controller
public class AdminController {

    private final ServiceApi api;
    private final Display display;
    private final WebAppProperties props;

    public AdminController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
        this.props = props;
    }

    @GetMapping("/admin")
    public String hub(Model model) {
        model.addAttribute("clock", props.demoSignIn());
        return "admin";
    }

    @GetMapping("/admin/calendar")
    public Mono<String> calendar(@AuthenticationPrincipal SignedIn me, Model model) {
        return calendarPage(me, model, null, Map.of());
    }

    @PostMapping("/admin/calendar")
    public Mono<String> addDay(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> day = FormJson.body(form, Set.of("date", "name"), Set.of());
            day.put("source", "CLOSURE");
            return api.command(me.token(), Service.ALERTS, day, "/api/v1/calendar/days").flatMap(o -> o.ok()
                    ? Mono.just("redirect:/admin/calendar?done=added")
                    : PageModel.refused(exchange, o.problem()).then(calendarPage(me, model, o.problem(), form.toSingleValueMap())));
        });
    }

    @PostMapping("/admin/calendar/{date}/removal")
    public Mono<String> removeDay(@AuthenticationPrincipal SignedIn me, @PathVariable String date, Model model,
                                  ServerWebExchange exchange) {
        if (!date.matches("\\d{4}-\\d{2}-\\d{2}")) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return Mono.just("not-found");
        }
        return api.delete(me.token(), Service.ALERTS, "/api/v1/calendar/days/{d}", date).flatMap(o -> o.ok()
                ? Mono.just("redirect:/admin/calendar?done=removed")
                : PageModel.refused(exchange, o.problem()).then(calendarPage(me, model, o.problem(), Map.of())));
    }

    @SuppressWarnings("unchecked")
    private Mono<String> calendarPage(SignedIn me, Model model, Problem problem, Map<String, String> form) {
        Mono<List<Map<String, Object>>> days = api.list(me.token(), Service.ALERTS,
                "/api/v1/calendar/holidays?from={f}&to={t}", java.time.LocalDate.now(display.zone()).minusMonths(1),
                java.time.LocalDate.now(display.zone()).plusYears(1));
        Mono<List<Map<String, Object>>> timelines = api.list(me.token(), Service.ALERTS, "/api/v1/policy/procedures")
                .flatMapMany(Flux::fromIterable)
                .concatMap(p -> api.object(me.token(), Service.ALERTS, "/api/v1/policy/timeline?procedure={p}",
                        p.get("id")).map(t -> {
                            Map<String, Object> out = new LinkedHashMap<>(t);
                            out.put("name", p.get("name"));
                            return out;
                        }))
                .collectList();
        return Mono.zip(days, timelines).map(t -> {
            model.addAttribute("days", t.getT1());
            model.addAttribute("timelines", t.getT2());
            model.addAttribute("problem", problem);
            model.addAttribute("form", form);
            model.addAttribute("display", display);
            return "admin-calendar";
        });
    }

    @GetMapping("/admin/reads")
    public Mono<String> reads(@AuthenticationPrincipal SignedIn me,
                              @RequestParam(required = false) String alertId,
                              @RequestParam(required = false) String personId, Model model) {
        StringBuilder path = new StringBuilder("/api/v1/admin/reads?limit=200");
        List<Object> vars = new java.util.ArrayList<>();
        if (alertId != null && !alertId.isBlank()) {
            path.append("&alertId={a}");
            vars.add(alertId.trim());
        }
        if (personId != null && !personId.isBlank()) {
            path.append("&personId={p}");
            vars.add(personId.trim());
        }
        return api.list(me.token(), Service.ALERTS, path.toString(), vars.toArray()).map(reads -> {
            model.addAttribute("reads", reads);
            model.addAttribute("alertId", alertId);
            model.addAttribute("personId", personId);
            model.addAttribute("display", display);
            return "admin-reads";
        });
    }

    @GetMapping("/admin/erasure")
    public Mono<String> erasure(@AuthenticationPrincipal SignedIn me,
                                @RequestParam(required = false) String erased, Model model) {
        Mono<Map<String, Object>> done = erased == null || !erased.matches("[A-Za-z0-9._:/-]{1,128}") ? Mono.empty()
                : api.object(me.token(), Service.ALERTS, "/api/v1/admin/erasures/{id}", erased);
        return done.map(Optional::of).defaultIfEmpty(Optional.empty())
                .map(e -> erasurePage(model, e.orElse(null), null, Map.of()));
    }

    /** An erasure is the alert-service's: this page only asks for it, and shows its refusal field by field. */
    @PostMapping("/admin/erasure")
    public Mono<String> erase(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap(form -> {
            Map<String, Object> request = FormJson.body(form, Set.of("recordId", "reason"), Set.of());
            return api.command(me.token(), Service.ALERTS, request, "/api/v1/admin/erasures").flatMap(o -> o.ok()
                    ? Mono.just("redirect:/admin/erasure?erased="
                            + java.net.URLEncoder.encode(form.getFirst("recordId").trim(),
                            java.nio.charset.StandardCharsets.UTF_8))
                    : PageModel.refused(exchange, o.problem())
                            .thenReturn(erasurePage(model, null, o.problem(), form.toSingleValueMap())));
        });
    }

    private String erasurePage(Model model, Map<String, Object> erasure, Problem problem, Map<String, String> form) {
        model.addAttribute("erasure", erasure);
        model.addAttribute("problem", problem);
        model.addAttribute("form", form);
        model.addAttribute("display", display);
        return "admin-erasure";
    }

    @GetMapping("/admin/clock")
    public Mono<String> clock(@AuthenticationPrincipal SignedIn me, Model model) {
        return clockPage(me, model, null);
    }

    @PostMapping("/admin/clock")
    public Mono<String> moveClock(@AuthenticationPrincipal SignedIn me, ServerWebExchange exchange, Model model) {
        return exchange.getFormData().flatMap((MultiValueMap<String, String> form) -> {
            String days = form.getFirst("advanceDays");
            String hours = form.getFirst("advanceHours");
            long d = parse(days);
            long h = parse(hours);
            if (d < 0 || h < 0 || (d == 0 && h == 0)) {
                Problem p = new Problem(400, "Invalid request", "Say how far to move the clock forward.",
                        Map.of("advanceDays", "must be whole days and hours, more than none"));
                return PageModel.refused(exchange, p).then(clockPage(me, model, p));
            }
            Map<String, Object> change = Map.of("advanceBy", java.time.Duration.ofDays(d).plusHours(h).toString());
            return api.command(me.token(), Service.ALERTS, change, "/api/v1/admin/clock").flatMap(o -> o.ok()
                    ? Mono.just("redirect:/admin/clock?done=moved")
                    : PageModel.refused(exchange, o.problem()).then(clockPage(me, model, o.problem())));
        });
    }

    private static long parse(String number) {
        if (number == null || number.isBlank()) {
            return 0;
        }
        return number.trim().matches("\\d{1,4}") ? Long.parseLong(number.trim()) : -1;
    }

    private Mono<String> clockPage(SignedIn me, Model model, Problem problem) {
        return api.object(me.token(), Service.ALERTS, "/api/v1/admin/clock").map(now -> {
            model.addAttribute("now", now);
            model.addAttribute("problem", problem);
            model.addAttribute("display", display);
            return "admin-clock";
        });
    }

}
