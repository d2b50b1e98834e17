package org.practicealerts.web.pages;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.api.ServiceApi;
import org.practicealerts.web.api.ServiceApi.Service;
import org.practicealerts.web.signin.SignedIn;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import reactor.core.publisher.Mono;

/**
 * The oversight reports as pages a performance meeting reads on screen or prints: the weekly pack, the monthly audit
 * and the quarterly themes, each for the period chosen, from the reporting-service (which decides what this person
 * may see in them), with the document line (council, protective marking, generated at and by), a chart, and the pack
 * as a workbook to download.
 */
@Controller
public class ReportsController {

    /** Each report: the reporting-service's path, its period parameter and the format of that parameter. */
    private enum Report {
        WEEKLY("weekly", "asOf", "\\d{4}-\\d{2}-\\d{2}", "weekly-pack"),
        MONTHLY("monthly", "month", "\\d{4}-\\d{2}", "monthly-audit"),
        QUARTERLY("quarterly", "quarter", "\\d{4}-Q[1-4]", "quarterly-themes");

        final String path;
        final String period;
        final String format;
        final String file;

        Report(String path, String period, String format, String file) {
            this.path = path;
            this.period = period;
            this.format = format;
            this.file = file;
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
        Report r = Report.valueOf(name.toUpperCase(Locale.ROOT));
        String period = chosen(r, params);
        String raw = params.get(r.period);
        if (raw != null && !raw.isBlank() && period == null) {
            model.addAttribute("periodError", "Enter the period as " + example(r));
        }
        return fetch(me, r, period).flatMap(body -> {
            if (r != Report.QUARTERLY || body.get("quarter") == null) {
                return Mono.just(List.of(body));
            }
            // Themes quarter on quarter: the one before, asked for too.
            return fetch(me, r, previousQuarter(body.get("quarter").toString())).map(before -> List.of(body, before));
        }).map(bodies -> {
            Map<String, Object> body = bodies.get(0);
            Map<String, String> teams = teamNames(body);
            model.addAttribute("report", body);
            model.addAttribute("doc", body.getOrDefault("document", Map.of()));
            model.addAttribute("teamNames", teams);
            model.addAttribute("people", body.getOrDefault("people", Map.of()));
            model.addAttribute("chart", chart(r, body, bodies.size() > 1 ? bodies.get(1) : null, teams));
            model.addAttribute("download", "/reports/" + r.path + "/download"
                    + (period == null ? "" : "?" + r.period + "=" + period));
            model.addAttribute("period", period == null ? "" : period);
            model.addAttribute("periodName", r.period);
            model.addAttribute("periodExample", example(r));
            model.addAttribute("display", display);
            return "report-" + r.path;
        });
    }

    /** The pack as a workbook, for the period chosen, as the reporting-service makes it. */
    @GetMapping("/reports/{name:weekly|monthly|quarterly}/download")
    @ResponseBody
    public Mono<ResponseEntity<byte[]>> download(@AuthenticationPrincipal SignedIn me, @PathVariable String name,
                                                 @RequestParam Map<String, String> params) {
        Report r = Report.valueOf(name.toUpperCase(Locale.ROOT));
        String period = chosen(r, params);
        String path = "/api/v1/reports/" + r.path + "?format=xlsx";
        Mono<ResponseEntity<byte[]>> file = period == null ? api.download(me.token(), Service.REPORTS, path)
                : api.download(me.token(), Service.REPORTS, path + "&" + r.period + "={p}", period);
        // The service names the file after the pack and its period; the same name here should it not.
        String fallback = "attachment; filename=\"" + r.file + (period == null ? "" : "-" + period) + ".xlsx\"";
        return file.map(f -> ResponseEntity.ok().contentType(f.getHeaders().getContentType())
                .header(HttpHeaders.CONTENT_DISPOSITION, Objects.requireNonNullElse(
                        f.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION), fallback))
                .body(f.getBody()));
    }

    /** The period asked for when it is written as the report reads it, else null (the current one). */
    private static String chosen(Report r, Map<String, String> params) {
        String period = params.get(r.period);
        return period != null && period.trim().matches(r.format) ? period.trim() : null;
    }

    private Mono<Map<String, Object>> fetch(SignedIn me, Report r, String period) {
        return period == null ? api.object(me.token(), Service.REPORTS, "/api/v1/reports/" + r.path)
                : api.object(me.token(), Service.REPORTS, "/api/v1/reports/" + r.path + "?" + r.period + "={p}",
                        period);
    }

    static String previousQuarter(String quarter) {
        int year = Integer.parseInt(quarter.substring(0, 4));
        int q = quarter.charAt(6) - '0';
        return q == 1 ? (year - 1) + "-Q4" : year + "-Q" + (q - 1);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> teamNames(Map<String, Object> body) {
        Object names = body.get("teamNames");
        return names instanceof Map<?, ?> m ? (Map<String, String>) m : Map.of();
    }

    /** The chart a meeting would rather look at than read, from the same figures as the page's tables. */
    private BarChart chart(Report r, Map<String, Object> body, Map<String, Object> before, Map<String, String> teams) {
        return switch (r) {
            case WEEKLY -> {
                Map<String, List<Integer>> rows = new TreeMap<>();
                for (Map<String, Object> c : list(body.get("openByTeamAndStage"))) {
                    String team = teams.getOrDefault(String.valueOf(c.get("teamId")), String.valueOf(c.get("teamId")));
                    int stage = number(c.get("stage"));
                    List<Integer> stages = rows.computeIfAbsent(team, k -> new ArrayList<>(List.of(0, 0, 0, 0)));
                    if (stage >= 1 && stage <= 4) {
                        stages.set(stage - 1, stages.get(stage - 1) + number(c.get("count")));
                    }
                }
                yield BarChart.stacked("Open alerts by team and stage", List.of("Stage 1", "Stage 2", "Stage 3",
                        "Stage 4"), rows);
            }
            case MONTHLY -> {
                Map<String, List<Integer>> rows = new LinkedHashMap<>();
                for (Map<String, Object> t : list(body.get("timelinessByStage"))) {
                    Object share = t.get("withinTimescalePercent");
                    rows.put("Stage " + t.get("key") + (share == null ? "" : " (" + share + "% in time)"),
                            List.of(number(t.get("onTime")), number(t.get("late")), number(t.get("missed"))));
                }
                yield BarChart.stacked("Timeliness by stage: on time, late and deadlines missed", List.of("On time",
                        "Late", "Deadline missed"), rows);
            }
            case QUARTERLY -> {
                Map<String, Integer> now = byCategory(body);
                Map<String, Integer> then = before == null ? Map.of() : byCategory(before);
                Set<String> categories = new TreeSet<>(now.keySet());
                categories.addAll(then.keySet());
                List<BarChart.Row> rows = new ArrayList<>();
                for (String c : categories) {
                    rows.add(new BarChart.Row(display.words(c), List.of(Arrays.asList(now.get(c), null),
                            Arrays.asList(null, then.get(c))), List.of("This quarter", "The one before")));
                }
                yield BarChart.of("Themes quarter on quarter: alerts by category", List.of("This quarter",
                        "The one before"), rows);
            }
        };
    }

    private static Map<String, Integer> byCategory(Map<String, Object> body) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Map<String, Object> c : list(body.get("byCategoryTeamPlan"))) {
            counts.merge(String.valueOf(c.get("category")), number(c.get("count")), Integer::sum);
        }
        return counts;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return value instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static int number(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static String example(Report r) {
        return switch (r) {
            case WEEKLY -> "a date, like 2026-12-07";
            case MONTHLY -> "a month, like 2026-11";
            case QUARTERLY -> "a quarter, like 2026-Q4";
        };
    }
}
