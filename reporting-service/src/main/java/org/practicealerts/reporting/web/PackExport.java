package org.practicealerts.reporting.web;

import static org.practicealerts.reporting.web.Workbook.col;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.practicealerts.reporting.api.AlertLine;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.api.QuarterlyThemes;
import org.practicealerts.reporting.api.ReportDocument;
import org.practicealerts.reporting.api.WeeklyPack;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.web.Workbook.Column;
import org.practicealerts.reporting.web.Workbook.Kind;
import org.practicealerts.reporting.web.Workbook.Sheeted;

/**
 * The weekly pack, the monthly audit and the quarterly themes as workbooks: a "Summary" sheet with the document line
 * (council, period, generated at and by, protective marking) and the headline figures, then one sheet per table
 * (teams by name beside their ids), then the data dictionary. Every sheet prints with the marking at its top and
 * bottom.
 */
final class PackExport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy", Locale.UK);

    private final Directory directory;

    PackExport(Directory directory) {
        this.directory = directory;
    }

    /** The staff a weekly pack names by id: who each alert it lists is with. */
    static Collection<String> peopleNamed(WeeklyPack w) {
        List<String> ids = new ArrayList<>();
        for (List<AlertLine> lines : List.of(w.dueThisWeek(), w.overdueNow(), w.awaitingRaiser(), w.ladderExhausted())) {
            lines.forEach(l -> ids.add(l.responderId()));
        }
        if (w.oldestOpen() != null) {
            ids.add(w.oldestOpen().responderId());
        }
        return ids;
    }

    /** The staff a monthly audit names by id: service managers, who alerts are with, responders. */
    static Collection<String> peopleNamed(MonthlyAudit m) {
        List<String> ids = new ArrayList<>();
        m.notActioned().forEach(g -> {
            ids.add(g.serviceManagerId());
            g.alerts().forEach(l -> ids.add(l.responderId()));
        });
        m.timelinessByResponder().forEach(t -> ids.add(t.key()));
        return ids;
    }

    /** A day in words in the council's time: "Wednesday 2 December 2026". */
    static String day(java.time.Instant at) {
        return DAY.format(at.atZone(org.practicealerts.reporting.domain.ReportBasis.LONDON));
    }

    /** The period of each pack in words, as its title line gives it. */
    static String period(WeeklyPack w) {
        return DAY.format(w.weekStart()) + " to " + DAY.format(w.weekEnd());
    }

    static String period(MonthlyAudit m) {
        return YearMonth.parse(m.month()).format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.UK));
    }

    static String period(QuarterlyThemes q) {
        return q.quarter() + ": " + DAY.format(q.from()) + " to " + DAY.format(q.to());
    }

    private List<Column<AlertLine>> lineColumns() {
        return List.of(
                col("Alert id", "The alert's identifier", Kind.TEXT, AlertLine::alertId),
                col("Reference", "The alert's reference, as people quote it", Kind.TEXT, AlertLine::reference),
                col("Team id", "The child's team (directory id)", Kind.TEXT, AlertLine::teamId),
                col("Team", "The child's team", Kind.TEXT, l -> directory.teamName(l.teamId())),
                col("Stage", "The stage it is at", Kind.NUMBER, AlertLine::stage),
                col("Responder", "Who must respond at that stage (directory id)", Kind.TEXT, AlertLine::responderId),
                col("Due at", "The stage's response deadline", Kind.DATE_TIME, AlertLine::dueAt),
                col("Working days open", "Working days since it was raised", Kind.NUMBER, AlertLine::workingDaysOpen));
    }

    byte[] weekly(WeeklyPack w, ReportDocument doc) {
        List<Column<WeeklyPack.TeamStageCount>> open = List.of(
                col("Team id", "The child's team (directory id)", Kind.TEXT, WeeklyPack.TeamStageCount::teamId),
                col("Team", "The child's team", Kind.TEXT, c -> directory.teamName(c.teamId())),
                col("Stage", "The stage the alerts are at", Kind.NUMBER, WeeklyPack.TeamStageCount::stage),
                col("Open", "Open alerts of that team at that stage", Kind.NUMBER, WeeklyPack.TeamStageCount::count),
                col("In action review", "Of those, under action review", Kind.NUMBER,
                        WeeklyPack.TeamStageCount::inActionReview));
        List<Column<WeeklyPack.TeamWeek>> byTeam = List.of(
                col("Team id", "The child's team (directory id)", Kind.TEXT, WeeklyPack.TeamWeek::teamId),
                col("Team", "The child's team", Kind.TEXT, t -> directory.teamName(t.teamId())),
                col("Raised", "Alerts raised in the seven days", Kind.NUMBER, WeeklyPack.TeamWeek::raised),
                col("Escalated", "Moves up a stage in the seven days", Kind.NUMBER, WeeklyPack.TeamWeek::escalated),
                col("Resolved", "Alerts resolved in the seven days", Kind.NUMBER, WeeklyPack.TeamWeek::resolved));
        List<Column<MonthlyAudit.Escalations>> moves = escalations("in the seven days");
        List<Column<AlertLine>> lines = lineColumns();
        List<List<Object>> figures = new ArrayList<>(List.of(List.of("Key figures"),
                List.of("Open alerts", w.openTotal()),
                List.of("Escalated in the seven days to " + DAY.format(w.asOf()), w.escalatedSinceLastWeek()),
                List.of("Resolved in the seven days to " + DAY.format(w.asOf()), w.resolvedSinceLastWeek()),
                List.of("Overdue now", w.overdueNow().size()),
                List.of("Due this week", w.dueThisWeek().size()),
                List.of("Deadline missed, waiting for the raiser", w.awaitingRaiser().size()),
                List.of("Last stage's deadline passed", w.ladderExhausted().size())));
        if (w.oldestOpen() != null) {
            figures.add(List.of("Oldest open (reference, working days open)", w.oldestOpen().reference(),
                    w.oldestOpen().workingDaysOpen()));
        }
        return Workbook.write(wb -> {
            wb.marking(doc.marking());
            wb.cover("Summary", title(doc), cover(doc, List.of(List.of("Week from", w.weekStart()),
                    List.of("Week to", w.weekEnd()), List.of("As of", w.asOf())), figures));
            wb.table("Open by team and stage", open, w.openByTeamAndStage());
            wb.table("Overdue now", lines, w.overdueNow());
            wb.table("Due this week", lines, w.dueThisWeek());
            wb.table("Waiting for the raiser", lines, w.awaitingRaiser());
            wb.table("Last stage passed", lines, w.ladderExhausted());
            wb.table("Seven days by team", byTeam, w.sinceLastWeekByTeam());
            wb.table("Escalations", moves, w.escalationsSinceLastWeek());
            wb.dictionary(List.of(new Sheeted<>("Open by team and stage", open),
                    new Sheeted<>("Overdue now, Due this week, Waiting for the raiser, Last stage passed", lines),
                    new Sheeted<>("Seven days by team", byTeam), new Sheeted<>("Escalations", moves)));
        });
    }

    byte[] monthly(MonthlyAudit m, ReportDocument doc) {
        record Waiting(String serviceManagerId, AlertLine line) {
        }
        List<Waiting> waiting = new ArrayList<>();
        m.notActioned().forEach(g -> g.alerts().forEach(l -> waiting.add(new Waiting(g.serviceManagerId(), l))));
        List<Column<Waiting>> notActioned = new ArrayList<>(List.of(col("Service manager",
                "The service manager of the child's team it must be forwarded to (directory id; blank: not known)",
                Kind.TEXT, Waiting::serviceManagerId)));
        lineColumns().forEach(c -> notActioned.add(col(c.header(), c.meaning(), c.kind(),
                x -> c.value().apply(x.line()))));
        List<Column<MonthlyAudit.TeamCounts>> perTeam = List.of(
                col("Team id", "The child's team (directory id)", Kind.TEXT, MonthlyAudit.TeamCounts::teamId),
                col("Team", "The child's team", Kind.TEXT, t -> directory.teamName(t.teamId())),
                col("Raised", "Alerts raised in the month", Kind.NUMBER, MonthlyAudit.TeamCounts::raised),
                col("Escalated", "Moves up a stage in the month", Kind.NUMBER, MonthlyAudit.TeamCounts::escalated),
                col("Resolved", "Alerts resolved in the month", Kind.NUMBER, MonthlyAudit.TeamCounts::resolved),
                col("Withdrawn", "Alerts withdrawn in the month", Kind.NUMBER, MonthlyAudit.TeamCounts::withdrawn),
                col("Open at month end", "Alerts still open at the end of the month", Kind.NUMBER,
                        MonthlyAudit.TeamCounts::openAtEnd));
        List<Column<MonthlyAudit.Timeliness>> byStage = timeliness("Stage", "The stage", Kind.NUMBER,
                t -> Integer.valueOf(t.key()));
        List<Column<MonthlyAudit.Timeliness>> byResponder = timeliness("Responder",
                "Who responded or had to (directory id)", Kind.TEXT, MonthlyAudit.Timeliness::key);
        List<Column<MonthlyAudit.Raised>> raised = List.of(
                col("Team id", "The child's team (directory id)", Kind.TEXT, MonthlyAudit.Raised::teamId),
                col("Team", "The child's team", Kind.TEXT, r -> directory.teamName(r.teamId())),
                col("Category", "The alert's primary category (the procedure's heading)", Kind.TEXT,
                        r -> CentralLogExport.words(r.category())),
                col("Plan type", "The child's plan", Kind.TEXT, r -> CentralLogExport.words(r.planType())),
                col("Raised", "Alerts raised in the month", Kind.NUMBER, MonthlyAudit.Raised::count));
        List<Column<MonthlyAudit.Escalations>> moves = escalations("in the month");
        List<Column<MonthlyAudit.TeamStageTimeliness>> teamStage = List.of(
                col("Team id", "The child's team (directory id)", Kind.TEXT, MonthlyAudit.TeamStageTimeliness::teamId),
                col("Team", "The child's team", Kind.TEXT, t -> directory.teamName(t.teamId())),
                col("Stage", "The stage", Kind.NUMBER, MonthlyAudit.TeamStageTimeliness::stage),
                col("Responses", "Responses recorded in the month", Kind.NUMBER,
                        MonthlyAudit.TeamStageTimeliness::responses),
                col("On time", "Of those, by the deadline", Kind.NUMBER, MonthlyAudit.TeamStageTimeliness::onTime),
                col("Late", "Of those, after the deadline", Kind.NUMBER, MonthlyAudit.TeamStageTimeliness::late),
                col("Deadline missed", "Stages whose deadline passed unanswered in the month", Kind.NUMBER,
                        MonthlyAudit.TeamStageTimeliness::missed),
                col("Working days to respond (total)", "The responses' working days from each stage's start, added up",
                        Kind.NUMBER, MonthlyAudit.TeamStageTimeliness::responseWorkingDays));
        List<Column<MonthlyAudit.Closures>> closures = List.of(
                col("Team id", "The child's team (directory id)", Kind.TEXT, MonthlyAudit.Closures::teamId),
                col("Team", "The child's team", Kind.TEXT, c -> directory.teamName(c.teamId())),
                col("Plan type", "The child's plan", Kind.TEXT, c -> CentralLogExport.words(c.planType())),
                col("Outcome", "Resolved, resolved after an action review, or withdrawn", Kind.TEXT,
                        c -> CentralLogExport.words(c.outcome())),
                col("Closed", "Alerts closed so in the month", Kind.NUMBER, MonthlyAudit.Closures::count),
                col("Working days from raising (total)", "Working days from raising to closing, added up",
                        Kind.NUMBER, MonthlyAudit.Closures::workingDays),
                col("Within " + MonthlyAudit.RESOLUTION_WORKING_DAYS + " working days",
                        "Of those closed, how many within " + MonthlyAudit.RESOLUTION_WORKING_DAYS
                                + " working days of raising", Kind.NUMBER,
                        MonthlyAudit.Closures::withinTwentyWorkingDays));
        List<List<Object>> figures = new ArrayList<>(List.of(List.of("Outcomes of alerts closed in the month")));
        m.outcomes().forEach((k, n) -> figures.add(List.of(CentralLogExport.words(k), n)));
        figures.add(List.of());
        figures.add(List.of("Commendations by team"));
        m.commendationsByTeam().forEach((t, n) -> figures.add(List.of(directory.teamName(t), n)));
        return Workbook.write(wb -> {
            wb.marking(doc.marking());
            wb.cover("Summary", title(doc), cover(doc, List.of(List.of("Month from", m.from()),
                    List.of("Month to", m.to())), figures));
            wb.table("Not actioned", notActioned, waiting);
            wb.table("Per team", perTeam, m.perTeam());
            wb.table("Timeliness by stage", byStage, m.timelinessByStage());
            wb.table("Timeliness by responder", byResponder, m.timelinessByResponder());
            wb.table("Raised", raised, m.raised());
            wb.table("Escalations", moves, m.escalations());
            wb.table("Timeliness by team and stage", teamStage, m.timelinessByTeamAndStage());
            wb.table("Closed", closures, m.closures());
            wb.dictionary(List.of(new Sheeted<>("Not actioned", notActioned), new Sheeted<>("Per team", perTeam),
                    new Sheeted<>("Timeliness by stage", byStage),
                    new Sheeted<>("Timeliness by responder", byResponder), new Sheeted<>("Raised", raised),
                    new Sheeted<>("Escalations", moves), new Sheeted<>("Timeliness by team and stage", teamStage),
                    new Sheeted<>("Closed", closures)));
        });
    }

    byte[] quarterly(QuarterlyThemes q, ReportDocument doc) {
        record Measure(String name, Number current, Number previous, Number change) {
        }
        List<Measure> measures = new ArrayList<>();
        HEADLINE.forEach((key, m) -> measures.add(new Measure(m.label(), m.value().apply(q.current()),
                q.previous() == null ? null : m.value().apply(q.previous()), q.change().get(key))));
        List<Column<Measure>> headline = List.of(col("Measure", "What is counted", Kind.TEXT, Measure::name),
                col("This quarter", "Its value in the quarter", Kind.NUMBER, Measure::current),
                col("Previous quarter", "Its value in the quarter before", Kind.NUMBER, Measure::previous),
                col("Change", "This quarter minus the previous one", Kind.NUMBER, Measure::change));
        List<Column<QuarterlyThemes.CategoryCount>> themes = List.of(
                col("Category", "The procedure's heading", Kind.TEXT, c -> CentralLogExport.words(c.category())),
                col("Team id", "The child's team (directory id)", Kind.TEXT, QuarterlyThemes.CategoryCount::teamId),
                col("Team", "The child's team", Kind.TEXT, c -> directory.teamName(c.teamId())),
                col("Plan type", "The child's plan", Kind.TEXT, c -> CentralLogExport.words(c.planType())),
                col("Alerts", "Alerts raised in the quarter", Kind.NUMBER, QuarterlyThemes.CategoryCount::count));
        List<Map.Entry<String, Integer>> reached = new ArrayList<>(q.stageReached().entrySet());
        List<Column<Map.Entry<String, Integer>>> stages = List.of(
                col("Highest stage reached", "The highest stage an alert raised in the quarter reached", Kind.NUMBER,
                        e -> Integer.valueOf(e.getKey())),
                col("Alerts", "How many", Kind.NUMBER, Map.Entry::getValue));
        List<Column<MonthlyAudit.Timeliness>> byStage = timeliness("Stage", "The stage", Kind.NUMBER,
                t -> Integer.valueOf(t.key()));
        return Workbook.write(wb -> {
            wb.marking(doc.marking());
            wb.cover("Summary", title(doc), cover(doc, List.of(List.of("Quarter", q.quarter()),
                    List.of("From", q.from()), List.of("To", q.to())), List.of()));
            wb.table("Headline", headline, measures);
            wb.table("Themes", themes, q.byCategoryTeamPlan());
            wb.table("Stage reached", stages, reached);
            wb.table("Timeliness by stage", byStage, q.timelinessByStage());
            wb.dictionary(List.of(new Sheeted<>("Headline", headline), new Sheeted<>("Themes", themes),
                    new Sheeted<>("Stage reached", stages), new Sheeted<>("Timeliness by stage", byStage)));
        });
    }

    private List<Column<MonthlyAudit.Escalations>> escalations(String period) {
        return List.of(
                col("Team id", "The child's team (directory id)", Kind.TEXT, MonthlyAudit.Escalations::teamId),
                col("Team", "The child's team", Kind.TEXT, e -> directory.teamName(e.teamId())),
                col("Stage reached", "The stage the alert moved up to", Kind.NUMBER, MonthlyAudit.Escalations::stage),
                col("Reason", "Why: the deadline missed, the response judged inadequate, a bypass, a re-open",
                        Kind.TEXT, e -> CentralLogExport.words(e.reason())),
                col("Escalations", "Moves up a stage " + period, Kind.NUMBER, MonthlyAudit.Escalations::count));
    }

    private static List<Column<MonthlyAudit.Timeliness>> timeliness(String header, String meaning, Kind kind,
                                                                   Function<MonthlyAudit.Timeliness, Object> key) {
        return List.of(col(header, meaning, kind, key),
                col("Responses", "Responses recorded in the period", Kind.NUMBER, MonthlyAudit.Timeliness::responses),
                col("On time", "Of those, by the deadline", Kind.NUMBER, MonthlyAudit.Timeliness::onTime),
                col("Late", "Of those, after the deadline", Kind.NUMBER, MonthlyAudit.Timeliness::late),
                col("Deadline missed", "Stages whose deadline passed unanswered in the period", Kind.NUMBER,
                        MonthlyAudit.Timeliness::missed),
                col("Within timescale (%)", "On time as a share of on time, late and missed", Kind.NUMBER,
                        MonthlyAudit.Timeliness::withinTimescalePercent));
    }

    private static String title(ReportDocument doc) {
        return doc.council() + ": " + doc.title();
    }

    /** The document line, the period's dates, then the figures. */
    private static List<List<Object>> cover(ReportDocument doc, List<List<Object>> period, List<List<Object>> figures) {
        List<List<Object>> lines = new ArrayList<>();
        lines.add(List.of("Protective marking", doc.marking()));
        lines.add(List.of("Period", doc.period()));
        lines.addAll(period);
        lines.add(List.of("Generated at", doc.generatedAt()));
        lines.add(List.of("Generated by", doc.generatedByName() + " (" + doc.generatedBy() + ")"));
        if (!figures.isEmpty()) {
            lines.add(List.of());
            lines.addAll(figures);
        }
        return lines;
    }

    /** A headline figure: its label and its value. */
    private record Figure(String label, Function<QuarterlyThemes.Headline, Number> value) {
    }

    /** The quarterly headline figures in the pack's order, by their name in the JSON (and in {@code change}). */
    private static final Map<String, Figure> HEADLINE = headline();

    private static Map<String, Figure> headline() {
        Map<String, Figure> h = new LinkedHashMap<>();
        h.put("raised", new Figure("Alerts raised", QuarterlyThemes.Headline::raised));
        h.put("resolved", new Figure("Alerts resolved", QuarterlyThemes.Headline::resolved));
        h.put("medianWorkingDaysToResolve", new Figure("Median working days to resolve",
                QuarterlyThemes.Headline::medianWorkingDaysToResolve));
        h.put("p90WorkingDaysToResolve", new Figure("90th percentile working days to resolve",
                QuarterlyThemes.Headline::p90WorkingDaysToResolve));
        h.put("responses", new Figure("Responses", QuarterlyThemes.Headline::responses));
        h.put("responsesOnTime", new Figure("Responses on time", QuarterlyThemes.Headline::responsesOnTime));
        h.put("missedDeadlines", new Figure("Missed deadlines", QuarterlyThemes.Headline::missedDeadlines));
        h.put("repeatAlerts", new Figure("Repeat alerts (another in the 12 months before)",
                QuarterlyThemes.Headline::repeatAlerts));
        h.put("overStatutoryTotal", new Figure("Over the statutory total timescale",
                QuarterlyThemes.Headline::overStatutoryTotal));
        h.put("bypasses", new Figure("Stages bypassed", QuarterlyThemes.Headline::bypasses));
        h.put("cafcassReferrals", new Figure("Referrals to Cafcass", QuarterlyThemes.Headline::cafcassReferrals));
        h.put("partnershipReferrals", new Figure("Referrals to the Safeguarding Children Partnership",
                QuarterlyThemes.Headline::partnershipReferrals));
        h.put("informal", new Figure("Formal alerts after an informal attempt", QuarterlyThemes.Headline::informal));
        h.put("formal", new Figure("Formal alerts with no informal attempt", QuarterlyThemes.Headline::formal));
        h.put("raisedByCpc", new Figure("Raised by CPCs", QuarterlyThemes.Headline::raisedByCpc));
        h.put("raisedByIro", new Figure("Raised by IROs", QuarterlyThemes.Headline::raisedByIro));
        h.put("raisedByCro", new Figure("Raised by CROs", QuarterlyThemes.Headline::raisedByCro));
        h.put("informalRecords", new Figure("Informal resolutions recorded", QuarterlyThemes.Headline::informalRecords));
        h.put("resolvedInformally", new Figure("Of those, resolved without a formal alert",
                QuarterlyThemes.Headline::resolvedInformally));
        return h;
    }
}
