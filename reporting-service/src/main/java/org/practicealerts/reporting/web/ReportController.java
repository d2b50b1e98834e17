package org.practicealerts.reporting.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.practicealerts.reporting.api.CentralLogRow;
import org.practicealerts.reporting.api.Chronology;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.api.QuarterlyThemes;
import org.practicealerts.reporting.api.WeeklyPack;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.reporting.domain.CentralLogReport;
import org.practicealerts.reporting.domain.ChronologyReport;
import org.practicealerts.reporting.domain.MonthlyAuditReport;
import org.practicealerts.reporting.domain.Quarter;
import org.practicealerts.reporting.domain.QuarterlyThemesReport;
import org.practicealerts.reporting.domain.ReportBasis;
import org.practicealerts.reporting.domain.WeeklyPackReport;
import org.practicealerts.reporting.domain.Viewer;
import org.practicealerts.reporting.mongo.ReportingCalendar;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The reports. Each is computed from the in-memory projection on a bounded elastic thread (a large projection takes
 * tens of milliseconds, too long for an event-loop thread). Managers see their own area only.
 */
@RestController
@RequestMapping("/api/v1/reports")
public class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final LiveProjection live;
    private final Directory directory;
    private final ReportingCalendar calendar;
    private final Clock clock;

    public ReportController(LiveProjection live, Directory directory, ReportingCalendar calendar, Clock clock) {
        this.live = live;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
    }

    private Viewer viewer(Authentication auth) {
        List<String> roles = new ArrayList<>();
        for (GrantedAuthority a : auth.getAuthorities()) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                roles.add(name.substring("ROLE_".length()));
            }
        }
        return Viewer.of(auth.getName(), roles, directory);
    }

    private static <T> Mono<T> off(Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/central-log")
    public Mono<ResponseEntity<?>> centralLog(Authentication auth,
                                              @RequestParam(required = false) String team,
                                              @RequestParam(required = false) String status,
                                              @RequestParam(required = false) String planType,
                                              @RequestParam(required = false) String category,
                                              @RequestParam(required = false) String stageReached,
                                              @RequestParam(required = false) String childRef,
                                              @RequestParam(required = false) String from,
                                              @RequestParam(required = false) String to,
                                              @RequestParam(required = false) String format,
                                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String fmt = format(format, accept);
        oneOf("status", status, org.practicealerts.reporting.domain.AlertStatus.values());
        oneOf("planType", planType, org.practicealerts.events.PlanType.values());
        CentralLogReport.LogFilter filter = new CentralLogReport.LogFilter(team, status, planType, category,
                stageReached == null ? null : integer("stageReached", stageReached), childRef,
                from == null ? null : date("from", from), to == null ? null : date("to", to));
        Viewer viewer = viewer(auth);
        Instant now = clock.instant();
        return off(() -> {
            List<CentralLogRow> rows = live.read(p -> new CentralLogReport(calendar.current()).rows(p, filter, viewer, now));
            if ("csv".equals(fmt)) {
                return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"central-log.csv\"").body(CentralLogExport.csv(rows));
            }
            if ("xlsx".equals(fmt)) {
                return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"central-log.xlsx\"").body(CentralLogExport.xlsx(rows));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
        });
    }

    @GetMapping("/weekly")
    public Mono<WeeklyPack> weekly(Authentication auth, @RequestParam(required = false) String asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock.withZone(ReportBasis.LONDON)) : date("asOf", asOf);
        Viewer viewer = viewer(auth);
        return off(() -> live.read(p -> new WeeklyPackReport(calendar.current()).asOf(p, day, viewer)));
    }

    @GetMapping("/monthly")
    public Mono<MonthlyAudit> monthly(Authentication auth, @RequestParam(required = false) String month) {
        YearMonth m;
        try {
            m = month == null ? YearMonth.now(clock.withZone(ReportBasis.LONDON)) : YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new BadParameter("month", "month must be a calendar month like 2026-10");
        }
        Viewer viewer = viewer(auth);
        return off(() -> live.read(p -> new MonthlyAuditReport(calendar.current(), directory).of(p, m, viewer)));
    }

    @GetMapping("/quarterly")
    public Mono<QuarterlyThemes> quarterly(Authentication auth, @RequestParam(required = false) String quarter) {
        Quarter q;
        try {
            q = quarter == null ? currentQuarter() : Quarter.parse(quarter);
        } catch (IllegalArgumentException e) {
            throw new BadParameter("quarter", "quarter must look like 2026-Q3");
        }
        Viewer viewer = viewer(auth);
        return off(() -> live.read(p -> new QuarterlyThemesReport(calendar.current()).of(p, q, viewer)));
    }

    @GetMapping("/children/{childRef}/chronology")
    public Mono<ResponseEntity<?>> chronology(Authentication auth, @PathVariable String childRef,
                                              @RequestParam(required = false) String format,
                                              @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        if (!org.practicealerts.events.Identifiers.isValid(childRef)) {
            throw new BadParameter("childRef", "must be the case system's id (letters, digits, . _ : / -)");
        }
        if (format != null && !List.of("json", "html").contains(format.toLowerCase(java.util.Locale.ROOT))) {
            throw new BadParameter("format", "format must be json or html");
        }
        boolean html = "html".equalsIgnoreCase(format) || (format == null && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE));
        Viewer viewer = viewer(auth);
        return off(() -> {
            Chronology c = live.read(p -> new ChronologyReport().of(p, childRef, viewer));
            if (html) {
                return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(ChronologyPage.html(c));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(c);
        });
    }

    private Quarter currentQuarter() {
        LocalDate today = LocalDate.now(clock.withZone(ReportBasis.LONDON));
        return new Quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
    }

    private static String format(String format, String accept) {
        if (format != null) {
            String f = format.toLowerCase(java.util.Locale.ROOT);
            if (!List.of("json", "csv", "xlsx").contains(f)) {
                throw new BadParameter("format", "format must be json, csv or xlsx");
            }
            return f;
        }
        if (accept != null && accept.contains("text/csv")) {
            return "csv";
        }
        if (accept != null && accept.contains("spreadsheetml")) {
            return "xlsx";
        }
        return "json";
    }

    private static void oneOf(String name, String value, Enum<?>[] allowed) {
        if (value == null) {
            return;
        }
        for (Enum<?> e : allowed) {
            if (e.name().equalsIgnoreCase(value)) {
                return;
            }
        }
        throw new BadParameter(name, name + " must be one of " + java.util.Arrays.toString(allowed));
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadParameter(name, name + " must be a date like 2026-10-05");
        }
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new BadParameter(name, name + " must be a whole number");
        }
    }
}
