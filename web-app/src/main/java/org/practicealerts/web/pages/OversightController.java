package org.practicealerts.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Oversight from the reporting-service: a child's chronology (every alert about them this person may see, each step
 * in order) and the central log with its filters and its CSV and XLSX downloads.
 */
@Controller
public class OversightController {

    /** The central log's filters, as the reporting-service names them. */
    static final List<String> FILTERS = List.of("team", "status", "planType", "category", "stageReached", "childRef",
            "from", "to");
    private static final String CHILD = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";

    private final ServiceApi api;
    private final Display display;

    public OversightController(ServiceApi api, WebAppProperties props) {
        this.api = api;
        this.display = new Display(props.zone());
    }

    @GetMapping("/children/{childRef}")
    public Mono<String> chronology(@AuthenticationPrincipal SignedIn me, @PathVariable String childRef, Model model) {
        if (!childRef.matches(CHILD)) {
            return Mono.just("not-found");
        }
        return api.object(me.token(), Service.REPORTS, "/api/v1/reports/children/{c}/chronology?format=json", childRef)
                .map(c -> {
                    model.addAttribute("chronology", c);
                    model.addAttribute("doc", c.getOrDefault("document", Map.of()));
                    model.addAttribute("people", c.getOrDefault("people", Map.of()));
                    model.addAttribute("teamNames", c.getOrDefault("teamNames", Map.of()));
                    model.addAttribute("display", display);
                    return "chronology";
                });
    }

    @GetMapping("/central-log")
    public Mono<String> centralLog(@AuthenticationPrincipal SignedIn me, @RequestParam Map<String, String> params,
                                   Model model) {
        Map<String, String> filters = filters(params);
        return api.list(me.token(), Service.REPORTS, "/api/v1/reports/central-log" + query(filters, "json"),
                        filters.values().toArray())
                .map(rows -> {
                    model.addAttribute("rows", rows);
                    model.addAttribute("filters", filters);
                    model.addAttribute("csv", download(filters, "csv"));
                    model.addAttribute("xlsx", download(filters, "xlsx"));
                    model.addAttribute("display", display);
                    return "central-log";
                });
    }

    /** The central log as a file: the reporting-service's export, with the same filters, saved by the browser. */
    @GetMapping("/central-log/download")
    @ResponseBody
    public Mono<ResponseEntity<byte[]>> download(@AuthenticationPrincipal SignedIn me,
                                                 @RequestParam Map<String, String> params) {
        String format = "xlsx".equals(params.get("format")) ? "xlsx" : "csv";
        Map<String, String> filters = filters(params);
        return api.download(me.token(), Service.REPORTS, "/api/v1/reports/central-log" + query(filters, format),
                        filters.values().toArray())
                .map(r -> ResponseEntity.ok().contentType(r.getHeaders().getContentType())
                        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"central-log." + format + "\"")
                        .body(r.getBody()));
    }

    /** The filters given, in their order, blank ones dropped. */
    private static Map<String, String> filters(Map<String, String> params) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : FILTERS) {
            String v = params.get(f);
            if (v != null && !v.isBlank()) {
                out.put(f, v.trim());
            }
        }
        return out;
    }

    /** {@code ?format=…&team={team}&…}: values go in as URI variables, so they are encoded, never spliced. */
    private static String query(Map<String, String> filters, String format) {
        List<String> parts = new ArrayList<>(List.of("format=" + format));
        filters.keySet().forEach(k -> parts.add(k + "={" + k + "}"));
        return "?" + String.join("&", parts);
    }

    private static String download(Map<String, String> filters, String format) {
        StringBuilder s = new StringBuilder("/central-log/download?format=" + format);
        filters.forEach((k, v) -> s.append('&').append(k).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
        return s.toString();
    }
}
