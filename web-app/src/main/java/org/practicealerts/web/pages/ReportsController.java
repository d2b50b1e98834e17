package org.practicealerts.web.pages;

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
import org.springframework.web.bind.annotation.RequestParam;
import reactor.core.publisher.Mono;

/**
 * The oversight reports as pages a performance meeting reads on screen or prints: the weekly pack, the monthly audit
 * and the quarterly themes, each for the period chosen, from the reporting-service (which decides what this person
 * may see in them).
 */
@Controller
public class ReportsController {

    /** Each report: the reporting-service's path, its period parameter and the format of that parameter. */
    private enum Report {
        WEEKLY("weekly", "asOf", "\\d{4}-\\d{2}-\\d{2}"),
        MONTHLY("monthly", "month", "\\d{4}-\\d{2}"),
        QUARTERLY("quarterly", "quarter", "\\d{4}-Q[1-4]");

        final String path;
        final String period;
        final String format;

        Report(String path, String period, String format) {
            this.path = path;
            this.period = period;
            this.format = format;
        }
    }

    private final ServiceApi api;
    private final Display display;

    public ReportsController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
    }

    @GetMapping("/reports")
    public String index() {
        return "reports";
    }

    @GetMapping("/reports/{name:weekly|monthly|quarterly}")
    public Mono<String> report(@AuthenticationPrincipal SignedIn me, @PathVariable String name,
                               @RequestParam Map<String, String> params, Model model) {
        Report r = Report.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        String period = params.get(r.period);
        boolean chosen = period != null && period.trim().matches(r.format);
        Mono<Map<String, Object>> report = chosen
                ? api.object(me.token(), Service.REPORTS, "/api/v1/reports/" + r.path + "?" + r.period + "={p}",
                        period.trim())
                : api.object(me.token(), Service.REPORTS, "/api/v1/reports/" + r.path);
        if (period != null && !period.isBlank() && !chosen) {
            model.addAttribute("periodError", "Enter the period as " + example(r));
        }
        return report.map(body -> {
            model.addAttribute("report", body);
            model.addAttribute("period", chosen ? period.trim() : "");
            model.addAttribute("periodName", r.period);
            model.addAttribute("periodExample", example(r));
            model.addAttribute("display", display);
            return "report-" + r.path;
        });
    }

    private static String example(Report r) {
        return switch (r) {
            case WEEKLY -> "a date, like 2026-12-07";
            case MONTHLY -> "a month, like 2026-11";
            case QUARTERLY -> "a quarter, like 2026-Q4";
        };
    }
}
