package org.practicealerts.web.pages;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.api.ServiceApi;
import org.practicealerts.web.api.ServiceApi.Service;
import org.practicealerts.web.signin.SignedIn;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import reactor.core.publisher.Mono;

/**
 * My work: what awaits me (overdue first, then soonest due, with working days left and whom I cover for), what I
 * raised, my line's open alerts if I manage people, and my notifications to acknowledge.
 */
@Controller
public class HomeController {

    private static final Set<String> OPEN = Set.of("AWAITING_RESPONSE", "AWAITING_JUDGEMENT", "ACTION_REVIEW");

    private final ServiceApi api;
    private final Display display;
    private final Clock clock;

    public HomeController(ServiceApi api, WebAppProperties props, Clock clock) {
        this.api = api;
        this.display = new Display(props.zone());
        this.clock = clock;
    }

    /** One row of a list: an alert and how long is left. */
    public record Row(String id, String reference, String childRef, int stage, String status, String responderId,
                      String coverFor, String dueAt, Instant due, int daysLeft, boolean overdue, String urgency) {

        /** "Overdue by 2 working days", "Due today", "3 working days left". */
        public String left() {
            if (overdue || daysLeft < 0) {
                int by = Math.max(1, -daysLeft);
                return "Overdue by " + by + (by == 1 ? " working day" : " working days");
            }
            return daysLeft == 0 ? "Due today" : daysLeft + (daysLeft == 1 ? " working day left" : " working days left");
        }
    }

    @SuppressWarnings("unchecked")
    @GetMapping("/")
    public Mono<String> home(@AuthenticationPrincipal SignedIn me, Model model) {
        String token = me.token();
        LocalDate today = LocalDate.now(clock.withZone(display.zone()));
        Mono<Set<LocalDate>> holidays = api.reference(token, Service.ALERTS, List.class,
                        "/api/v1/calendar/holidays?from={f}&to={t}", today.minusYears(1), today.plusYears(1))
                .map(hs -> (List<Map<String, Object>>) hs)
                .map(hs -> hs.stream().map(h -> LocalDate.parse(h.get("date").toString())).collect(Collectors.toSet()));
        Mono<List<Map<String, Object>>> awaiting = api.list(token, Service.ALERTS, "/api/v1/alerts?assignedTo=me&size=200");
        Mono<List<Map<String, Object>>> raised = me.officer()
                ? api.list(token, Service.ALERTS, "/api/v1/alerts?raisedBy=me&size=50") : Mono.just(List.of());
        Mono<List<Map<String, Object>>> line = me.manager()
                ? api.list(token, Service.ALERTS, "/api/v1/alerts?size=200") : Mono.just(List.of());
        Mono<List<Map<String, Object>>> notices = api.list(token, Service.NOTIFICATIONS,
                "/api/v1/notifications?recipient=me&limit=20").onErrorReturn(List.of());
        return Mono.zip(holidays, awaiting, raised, line, notices).map(t -> {
            Set<LocalDate> off = t.getT1();
            model.addAttribute("awaiting", rows(t.getT2(), today, off, false));
            model.addAttribute("raised", rows(t.getT3(), today, off, false));
            model.addAttribute("line", rows(t.getT4(), today, off, true));
            model.addAttribute("notices", t.getT5());
            model.addAttribute("display", display);
            return "home";
        });
    }

    @PostMapping("/notifications/{id}/acknowledge")
    public Mono<String> acknowledge(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        return api.command(me.token(), Service.NOTIFICATIONS, null, "/api/v1/notifications/{id}/acknowledge", id)
                .thenReturn("redirect:/#notifications");
    }

    private List<Row> rows(List<Map<String, Object>> alerts, LocalDate today, Set<LocalDate> off, boolean openOnly) {
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> a : alerts) {
            String status = String.valueOf(a.get("status"));
            if (openOnly && !OPEN.contains(status)) {
                continue;
            }
            Object dueAt = a.get("responseDueAt");
            Instant due = dueAt == null ? null : Instant.parse(dueAt.toString());
            int left = due == null ? 0 : Display.workingDaysLeft(today, due.atZone(display.zone()).toLocalDate(), off);
            out.add(new Row((String) a.get("id"), (String) a.get("reference"), (String) a.get("childRef"),
                    ((Number) a.get("stage")).intValue(), status, (String) a.get("responderId"),
                    (String) a.get("coverFor"), display.when(dueAt), due, left, Boolean.TRUE.equals(a.get("overdue")),
                    (String) a.get("urgency")));
        }
        out.sort(Comparator.comparing((Row r) -> !r.overdue())
                .thenComparing(Row::due, Comparator.nullsLast(Comparator.naturalOrder())));
        return out;
    }
}
