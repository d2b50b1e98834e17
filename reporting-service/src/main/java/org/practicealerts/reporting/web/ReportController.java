package org.practicealerts.reporting.web;

import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.practicealerts.events.Identifiers;
import org.practicealerts.events.PlanType;
import org.practicealerts.reporting.api.CentralLogRow;
import org.practicealerts.reporting.api.Chronology;
import org.practicealerts.reporting.api.ReportDocument;
import org.practicealerts.reporting.api.ReportPack;
import org.practicealerts.reporting.domain.AlertStatus;
import org.practicealerts.reporting.config.ReportingProperties;
import org.practicealerts.reporting.domain.CentralLogReport;
import org.practicealerts.reporting.domain.ChronologyReport;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.reporting.domain.MonthlyAuditReport;
import org.practicealerts.reporting.domain.Quarter;
import org.practicealerts.reporting.domain.QuarterlyThemesReport;
import org.practicealerts.reporting.domain.ReportBasis;
import org.practicealerts.reporting.domain.Viewer;
import org.practicealerts.reporting.domain.WeeklyPackReport;
import org.practicealerts.support.CouncilCalendar;
import org.practicealerts.text.SealedText;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.validation.annotation.Validated;
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
 * tens of milliseconds, too long for an event-loop thread). Managers see their own area only. Parameters are bound
 * typed ({@link ReportParameters} reads them); a bad one is a problem naming it ({@link ProblemAdvice}).
 */
@RestController
@Validated
@RequestMapping("/api/v1/reports")
public class ReportController {

    static final MediaType XLSX = MediaType.parseMediaType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    static final MediaType CSV = MediaType.parseMediaType("text/csv");

    private final LiveProjection live;
    private final Directory directory;
    private final CouncilCalendar calendar;
    private final Clock clock;
    private final ReportingProperties properties;
    private final PackExport exports;
    private final SealedText text;

    /**
     * The projection keeps free text sealed, as the events carry it; each report opens it for its reader, so an
     * erased alert's text reads as erased in every report at once.
     */
    public ReportController(LiveProjection live, Directory directory, CouncilCalendar calendar, Clock clock,
                            ReportingProperties properties, SealedText text) {
        this.text = text;
        this.live = live;
        this.directory = directory;
        this.calendar = calendar;
        this.clock = clock;
        this.properties = properties;
        this.exports = new PackExport(directory);
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
            @RequestParam(required = false) AlertStatus status,
            @RequestParam(required = false) PlanType planType,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer stageReached,
            @RequestParam(required = false) String childRef,
            @RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to,
            @RequestParam(required = false) @Pattern(regexp = "(?i)json|csv|xlsx",
                    message = "format must be json, csv or xlsx") String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        String fmt = format(format, accept);
        CentralLogReport.LogFilter filter = new CentralLogReport.LogFilter(team,
                status == null ? null : status.name(), planType == null ? null : planType.name(), category,
                stageReached, childRef, from, to);
        Viewer viewer = viewer(auth);
        Instant now = clock.instant();
        return off(() -> {
            List<CentralLogRow> rows = text.openAll(live.read(p -> new CentralLogReport(calendar.current())
                    .rows(p, filter, viewer, now)));
            if ("csv".equals(fmt)) {
                return ResponseEntity.ok().contentType(CSV).header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"central-log.csv\"").body(CentralLogExport.csv(rows));
            }
            if ("xlsx".equals(fmt)) {
                return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"central-log.xlsx\"")
                        .body(CentralLogExport.xlsx(rows, properties.protectiveMarking()));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(rows);
        });
    }

    @GetMapping("/weekly")
    public Mono<ResponseEntity<?>> weekly(Authentication auth, @RequestParam(required = false) LocalDate asOf,
            @RequestParam(required = false) @Pattern(regexp = "(?i)json|xlsx",
                    message = "format must be json or xlsx") String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        LocalDate day = asOf == null ? LocalDate.now(clock.withZone(ReportBasis.LONDON)) : asOf;
        Viewer viewer = viewer(auth);
        return pack(auth, format, accept, "Weekly pack", "weekly-pack-" + day,
                () -> live.read(p -> new WeeklyPackReport(calendar.current()).asOf(p, day, viewer)),
                PackExport::period, exports::weekly, PackExport::peopleNamed);
    }

    @GetMapping("/monthly")
    public Mono<ResponseEntity<?>> monthly(Authentication auth, @RequestParam(required = false) YearMonth month,
            @RequestParam(required = false) @Pattern(regexp = "(?i)json|xlsx",
                    message = "format must be json or xlsx") String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        YearMonth m = month == null ? YearMonth.now(clock.withZone(ReportBasis.LONDON)) : month;
        Viewer viewer = viewer(auth);
        return pack(auth, format, accept, "Monthly audit", "monthly-audit-" + m,
                () -> live.read(p -> new MonthlyAuditReport(calendar.current(), directory).of(p, m, viewer)),
                PackExport::period, exports::monthly, PackExport::peopleNamed);
    }

    @GetMapping("/quarterly")
    public Mono<ResponseEntity<?>> quarterly(Authentication auth, @RequestParam(required = false) Quarter quarter,
            @RequestParam(required = false) @Pattern(regexp = "(?i)json|xlsx",
                    message = "format must be json or xlsx") String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        Quarter q = quarter == null ? currentQuarter() : quarter;
        Viewer viewer = viewer(auth);
        return pack(auth, format, accept, "Quarterly themes", "quarterly-themes-" + q,
                () -> live.read(p -> new QuarterlyThemesReport(calendar.current()).of(p, q, viewer)),
                PackExport::period, exports::quarterly, themes -> List.of());
    }

    /**
     * A pack with its document line (council, marking, period, generated at and by): as JSON, or as a workbook named
     * after the report and its period.
     */
    private <T> Mono<ResponseEntity<?>> pack(Authentication auth, String format, String accept, String title,
                                             String fileName, Callable<T> report, Function<T, String> period,
                                             BiFunction<T, ReportDocument, byte[]> workbook,
                                             Function<T, Collection<String>> people) {
        String fmt = format(format, accept);
        Instant now = clock.instant();
        return off(() -> {
            T r = text.openAll(report.call());
            ReportDocument doc = document(auth, title, period.apply(r), now);
            if ("xlsx".equals(fmt)) {
                return ResponseEntity.ok().contentType(XLSX).header(HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + fileName + ".xlsx\"").body(workbook.apply(r, doc));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                    .body(new ReportPack<>(doc, directory.teamNames(), directory.namesOf(people.apply(r)), r));
        });
    }

    @GetMapping("/children/{childRef}/chronology")
    public Mono<ResponseEntity<?>> chronology(Authentication auth,
            @PathVariable @Pattern(regexp = Identifiers.PATTERN,
                    message = "must be the case system's id (letters, digits, . _ : / -)") String childRef,
            @RequestParam(required = false) @Pattern(regexp = "(?i)json|html",
                    message = "format must be json or html") String format,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean html = "html".equalsIgnoreCase(format) || (format == null && accept != null
                && accept.contains(MediaType.TEXT_HTML_VALUE));
        Viewer viewer = viewer(auth);
        Instant now = clock.instant();
        return off(() -> {
            Chronology c = text.openAll(live.read(p -> new ChronologyReport().of(p, childRef, viewer)));
            ReportDocument doc = document(auth, "Chronology", "every practice alert to " + PackExport.day(now), now);
            ReportPack<Chronology> pack = new ReportPack<>(doc, directory.teamNames(),
                    directory.namesOf(ChronologyPage.peopleNamed(c)), c);
            if (html) {
                return ResponseEntity.ok().contentType(MediaType.TEXT_HTML).body(ChronologyPage.html(pack));
            }
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(pack);
        });
    }

    /** The document line of a report this person asked for now. */
    private ReportDocument document(Authentication auth, String title, String period, Instant now) {
        return new ReportDocument(properties.councilName(), properties.protectiveMarking(), title, period, now,
                auth.getName(), directory.nameOf(auth.getName()));
    }

    private Quarter currentQuarter() {
        LocalDate today = LocalDate.now(clock.withZone(ReportBasis.LONDON));
        return new Quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
    }

    /** The export asked for: the format parameter (already validated), else the Accept header, else JSON. */
    private static String format(String format, String accept) {
        if (format != null) {
            return format.toLowerCase(Locale.ROOT);
        }
        if (accept != null && accept.contains("text/csv")) {
            return "csv";
        }
        if (accept != null && accept.contains("spreadsheetml")) {
            return "xlsx";
        }
        return "json";
    }
}
