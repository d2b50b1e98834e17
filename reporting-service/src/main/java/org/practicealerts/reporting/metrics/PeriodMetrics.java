package org.practicealerts.reporting.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.api.QuarterlyThemes;
import org.practicealerts.reporting.api.WeeklyPack;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.reporting.domain.MonthlyAuditReport;
import org.practicealerts.reporting.domain.Quarter;
import org.practicealerts.reporting.domain.QuarterlyThemesReport;
import org.practicealerts.reporting.domain.ReportBasis;
import org.practicealerts.reporting.domain.Viewer;
import org.practicealerts.reporting.domain.WeeklyPackReport;
import org.practicealerts.support.CouncilCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Period-true figures for the dashboards, recomputed from the projection so a dashboard's month or quarter is the
 * report's whatever the service's restarts (counters count only from a start): each of the last 13 calendar months
 * (Europe/London) as the monthly audit counts it ({@code month} label, e.g. 2026-09), and each of the last 5
 * quarters as the quarterly themes count it ({@code quarter} label, e.g. 2026-Q3): a year's comparison each, and
 * bounded series; and the seven days to today as today's weekly pack counts them. Every figure of the report
 * dashboards is one of these or a "now" gauge ({@link AlertMetrics}): none reads a counter. The current month and quarter are recomputed at each refresh (60 s); the past ones, which are
 * history, every 15th (at 100,000 alerts the whole set takes about 4 s, the current ones about 0.3 s).
 */
@Component
public class PeriodMetrics {

    static final int MONTHS = 13;
    static final int QUARTERS = 5;
    /** Past periods are recomputed on every 15th refresh only: their facts are history and do not change. */
    static final int FULL_EVERY = 15;

    private final CouncilCalendar calendar;
    private final Directory directory;
    private final LiveProjection live;
    private final Clock clock;
    private final MultiGauge alerts;
    private final MultiGauge outcomes;
    private final MultiGauge closed;
    private final MultiGauge raised;
    private final MultiGauge escalations;
    private final MultiGauge responseDays;
    private final MultiGauge closedDays;
    private final MultiGauge closedWithin;
    private final MultiGauge weekAlerts;
    private final MultiGauge weekEscalations;
    private final MultiGauge quarterFigures;
    private final MultiGauge quarterThemes;
    private final Map<YearMonth, MonthlyAudit> pastMonths = new HashMap<>();
    private final Map<Quarter, QuarterlyThemes> pastQuarters = new HashMap<>();
    private long refreshes;

    public PeriodMetrics(MeterRegistry registry, CouncilCalendar calendar, Directory directory, LiveProjection live,
                        Clock clock) {
        this.calendar = calendar;
        this.directory = directory;
        this.live = live;
        this.clock = clock;
        this.alerts = MultiGauge.builder("practice.alerts.month.alerts")
                .description("Per team and calendar month, as the monthly audit counts them: raised, escalated, "
                        + "resolved, withdrawn, open_at_end").register(registry);
        this.outcomes = MultiGauge.builder("practice.alerts.month.stage.outcomes")
                .description("Turns at a stage that ended in the calendar month, by team and stage: on_time, late "
                        + "(both answered), missed").register(registry);
        this.closed = MultiGauge.builder("practice.alerts.month.closed")
                .description("Alerts closed in the calendar month, by team, plan type and outcome").register(registry);
        this.raised = MultiGauge.builder("practice.alerts.month.raised")
                .description("Alerts raised in the calendar month, by team, primary category and plan type")
                .register(registry);
        this.escalations = MultiGauge.builder("practice.alerts.month.escalations")
                .description("Moves up a stage in the calendar month, by team, the stage reached and the reason")
                .register(registry);
        this.responseDays = MultiGauge.builder("practice.alerts.month.response.working.days")
                .description("Working days the month's responses took, added up per team and stage (divide by the "
                        + "on_time and late turns for the mean)").register(registry);
        this.closedDays = MultiGauge.builder("practice.alerts.month.closed.working.days")
                .description("Working days from raising to closing, added up per team, plan type and outcome")
                .register(registry);
        this.closedWithin = MultiGauge.builder("practice.alerts.month.closed.within.timescale")
                .description("Alerts closed within " + MonthlyAudit.RESOLUTION_WORKING_DAYS
                        + " working days of raising, per team, plan type and outcome").register(registry);
        this.weekAlerts = MultiGauge.builder("practice.alerts.week.alerts")
                .description("The seven days to today, as the weekly pack counts them: raised, escalated, resolved "
                        + "per team").register(registry);
        this.weekEscalations = MultiGauge.builder("practice.alerts.week.escalations")
                .description("The seven days to today's moves up a stage, by team, the stage reached and the reason")
                .register(registry);
        this.quarterFigures = MultiGauge.builder("practice.alerts.quarter.figures")
                .description("The quarterly themes' headline figures by quarter (measure: raised, "
                        + "overStatutoryTotal, cafcassReferrals, partnershipReferrals, repeatAlerts ...)")
                .register(registry);
        this.quarterThemes = MultiGauge.builder("practice.alerts.quarter.themes")
                .description("Alerts raised in the quarter by primary category and team").register(registry);
    }

    /** Recomputes the last 13 months and 5 quarters from the projection (each as one monthly audit or themes). */
    @Scheduled(initialDelayString = "${practice-alerts.reporting.month-refresh:60s}",
            fixedDelayString = "${practice-alerts.reporting.month-refresh:60s}")
    public synchronized void refresh() {
        if (refreshes++ % FULL_EVERY == 0) {
            pastMonths.clear();
            pastQuarters.clear();
        }
        YearMonth now = YearMonth.now(clock.withZone(ReportBasis.LONDON));
        List<MultiGauge.Row<?>> alertRows = new ArrayList<>();
        List<MultiGauge.Row<?>> outcomeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> closedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> raisedRows = new ArrayList<>();
        List<MultiGauge.Row<?>> escalationRows = new ArrayList<>();
        List<MultiGauge.Row<?>> responseDayRows = new ArrayList<>();
        List<MultiGauge.Row<?>> closedDayRows = new ArrayList<>();
        List<MultiGauge.Row<?>> closedWithinRows = new ArrayList<>();
        MonthlyAuditReport report = new MonthlyAuditReport(calendar.current(), directory);
        for (int back = 0; back < MONTHS; back++) {
            YearMonth month = now.minusMonths(back);
            MonthlyAudit audit = back == 0 ? live.read(p -> report.of(p, month, Viewer.system()))
                    : pastMonths.computeIfAbsent(month, m -> live.read(p -> report.of(p, m, Viewer.system())));
            Tags m = Tags.of("month", month.toString());
            for (MonthlyAudit.TeamCounts t : audit.perTeam()) {
                Tags team = m.and("team", label(t.teamId()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "raised"), t.raised()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "escalated"), t.escalated()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "resolved"), t.resolved()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "withdrawn"), t.withdrawn()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "open_at_end"), t.openAtEnd()));
            }
            for (MonthlyAudit.TeamStageTimeliness t : audit.timelinessByTeamAndStage()) {
                Tags stage = m.and("team", label(t.teamId()), "stage", String.valueOf(t.stage()));
                outcomeRows.add(MultiGauge.Row.of(stage.and("outcome", "on_time"), t.onTime()));
                outcomeRows.add(MultiGauge.Row.of(stage.and("outcome", "late"), t.late()));
                outcomeRows.add(MultiGauge.Row.of(stage.and("outcome", "missed"), t.missed()));
                responseDayRows.add(MultiGauge.Row.of(stage, t.responseWorkingDays()));
            }
            for (MonthlyAudit.Closures c : audit.closures()) {
                Tags tags = m.and("team", label(c.teamId()), "plan_type", label(c.planType()), "outcome", c.outcome());
                closedRows.add(MultiGauge.Row.of(tags, c.count()));
                closedDayRows.add(MultiGauge.Row.of(tags, c.workingDays()));
                closedWithinRows.add(MultiGauge.Row.of(tags, c.withinTwentyWorkingDays()));
            }
            for (MonthlyAudit.Raised r : audit.raised()) {
                raisedRows.add(MultiGauge.Row.of(m.and("team", label(r.teamId()), "category", label(r.category()),
                        "plan_type", label(r.planType())), r.count()));
            }
            for (MonthlyAudit.Escalations e : audit.escalations()) {
                escalationRows.add(MultiGauge.Row.of(m.and("team", label(e.teamId()), "stage",
                        String.valueOf(e.stage()), "reason", label(e.reason())), e.count()));
            }
        }
        pastMonths.keySet().removeIf(m -> m.isBefore(now.minusMonths(MONTHS)));
        alerts.register(alertRows, true);
        outcomes.register(outcomeRows, true);
        closed.register(closedRows, true);
        raised.register(raisedRows, true);
        escalations.register(escalationRows, true);
        responseDays.register(responseDayRows, true);
        closedDays.register(closedDayRows, true);
        closedWithin.register(closedWithinRows, true);
        refreshWeek();
        refreshQuarters();
    }

    /** The seven days to today, as today's weekly pack counts them. */
    private void refreshWeek() {
        LocalDate today = LocalDate.now(clock.withZone(ReportBasis.LONDON));
        WeeklyPackReport report = new WeeklyPackReport(calendar.current());
        WeeklyPack pack = live.read(p -> report.asOf(p, today, Viewer.system()));
        List<MultiGauge.Row<?>> alertRows = new ArrayList<>();
        for (WeeklyPack.TeamWeek t : pack.sinceLastWeekByTeam()) {
            Tags team = Tags.of("team", label(t.teamId()));
            alertRows.add(MultiGauge.Row.of(team.and("measure", "raised"), t.raised()));
            alertRows.add(MultiGauge.Row.of(team.and("measure", "escalated"), t.escalated()));
            alertRows.add(MultiGauge.Row.of(team.and("measure", "resolved"), t.resolved()));
        }
        List<MultiGauge.Row<?>> escalationRows = new ArrayList<>();
        for (MonthlyAudit.Escalations e : pack.escalationsSinceLastWeek()) {
            escalationRows.add(MultiGauge.Row.of(Tags.of("team", label(e.teamId()), "stage",
                    String.valueOf(e.stage()), "reason", label(e.reason())), e.count()));
        }
        weekAlerts.register(alertRows, true);
        weekEscalations.register(escalationRows, true);
    }

    private static String label(String value) {
        return value == null || "null".equals(value) ? "UNKNOWN" : value;
    }

    private void refreshQuarters() {
        LocalDate today = LocalDate.now(clock.withZone(ReportBasis.LONDON));
        Quarter quarter = new Quarter(today.getYear(), (today.getMonthValue() - 1) / 3 + 1);
        QuarterlyThemesReport report = new QuarterlyThemesReport(calendar.current());
        List<MultiGauge.Row<?>> figureRows = new ArrayList<>();
        List<MultiGauge.Row<?>> themeRows = new ArrayList<>();
        for (int back = 0; back < QUARTERS; back++) {
            Quarter asked = quarter(quarter, back);
            QuarterlyThemes themes = back == 0 ? live.read(p -> report.of(p, asked, Viewer.system()))
                    : pastQuarters.computeIfAbsent(asked, k -> live.read(p -> report.of(p, k, Viewer.system())));
            Tags q = Tags.of("quarter", themes.quarter());
            for (var component : QuarterlyThemes.Headline.class.getRecordComponents()) {
                Object value;
                try {
                    value = component.getAccessor().invoke(themes.current());
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                if (value instanceof Number n) {
                    figureRows.add(MultiGauge.Row.of(q.and("measure", component.getName()), n));
                }
            }
            Map<String, Integer> byCategoryAndTeam = new TreeMap<>();
            themes.byCategoryTeamPlan().forEach(c -> byCategoryAndTeam.merge(c.category() + "|"
                    + (c.teamId() == null ? "UNKNOWN" : c.teamId()), c.count(), Integer::sum));
            byCategoryAndTeam.forEach((k, n) -> themeRows.add(MultiGauge.Row.of(q.and("category", k.split("\\|")[0],
                    "team", k.split("\\|")[1]), n)));
        }
        pastQuarters.keySet().removeIf(k -> !asked(quarter, k));
        quarterFigures.register(figureRows, true);
        quarterThemes.register(themeRows, true);
    }

    private static boolean asked(Quarter current, Quarter q) {
        for (int back = 1; back < QUARTERS; back++) {
            if (quarter(current, back).equals(q)) {
                return true;
            }
        }
        return false;
    }

    private static Quarter quarter(Quarter from, int back) {
        Quarter q = from;
        for (int i = 0; i < back; i++) {
            q = q.previous();
        }
        return q;
    }
}
