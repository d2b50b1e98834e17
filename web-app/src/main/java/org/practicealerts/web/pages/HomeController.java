package org.practicealerts.web.pages;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
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
 * raised, my line's open alerts if I manage people, my teams' case milestones due soon, and my notifications to
 * acknowledge.
 */
@Controller
public class HomeController {

    private final ServiceApi api;
    private final Display display;

    public HomeController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
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

    @GetMapping("/")
    public Mono<String> home(@AuthenticationPrincipal SignedIn me, Model model) {
        String token = me.token();
        Mono<List<Map<String, Object>>> awaiting = api.list(token, Service.ALERTS, "/api/v1/alerts?assignedTo=me&size=200");
        Mono<List<Map<String, Object>>> raised = me.officer()
                ? api.list(token, Service.ALERTS, "/api/v1/alerts?raisedBy=me&size=50") : Mono.just(List.of());
        Mono<List<Map<String, Object>>> line = me.manager()
                ? api.list(token, Service.ALERTS, "/api/v1/alerts?open=true&size=200") : Mono.just(List.of());
        Mono<List<Map<String, Object>>> notices = api.list(token, Service.NOTIFICATIONS,
                "/api/v1/notifications?recipient=me&limit=20").onErrorReturn(List.of());
        // The case milestones of my teams' children due in the next two working days (seed 004's timescales): the
        // reminder for social workers and managers. A page without them is still my work.
        Mono<List<Map<String, Object>>> milestones = me.manager() || me.roles().contains("SOCIAL_WORKER")
                ? api.list(token, Service.ALERTS, "/api/v1/milestones?state=DUE_SOON").onErrorReturn(List.of())
                : Mono.just(List.of());
        return Mono.zip(awaiting, raised, line, notices, milestones).map(t -> {
            model.addAttribute("awaiting", rows(t.getT1()));
            model.addAttribute("raised", rows(t.getT2()));
            model.addAttribute("line", rows(t.getT3()));
            model.addAttribute("notices", t.getT4());
            model.addAttribute("milestones", t.getT5());
            model.addAttribute("display", display);
            return "home";
        });
    }

    @PostMapping("/notifications/{id}/acknowledge")
    public Mono<String> acknowledge(@AuthenticationPrincipal SignedIn me, @PathVariable String id) {
        return api.command(me.token(), Service.NOTIFICATIONS, null, "/api/v1/notifications/{id}/acknowledge", id)
                .thenReturn("redirect:/#notifications");
    }

    /**
     * The rows, overdue first, then soonest due. How many working days are left is the alert-service's count (its
     * clock, the council's calendar), so the page and the deadlines agree, the simulated clock included.
     */
    private List<Row> rows(List<Map<String, Object>> alerts) {
        List<Row> out = new ArrayList<>();
        for (Map<String, Object> a : alerts) {
            String status = String.valueOf(a.get("status"));
            Object dueAt = a.get("responseDueAt");
            Instant due = dueAt == null ? null : Instant.parse(dueAt.toString());
            int left = a.get("workingDaysLeft") instanceof Number n ? n.intValue() : 0;
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
