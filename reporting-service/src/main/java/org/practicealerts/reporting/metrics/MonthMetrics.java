package org.practicealerts.reporting.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.reporting.domain.MonthlyAuditReport;
import org.practicealerts.reporting.domain.ReportBasis;
import org.practicealerts.reporting.domain.Viewer;
import org.practicealerts.support.CouncilCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Month-true figures for the dashboards: each of the last 13 calendar months (Europe/London) as the monthly audit
 * counts it, recomputed from the projection, so a dashboard's month is the audit's month whatever the service's
 * restarts (counters count only from a start). A {@code month} label, e.g. 2026-09; 13 months give a year's
 * comparison and bound the series.
 */
@Component
public class MonthMetrics {

    static final int MONTHS = 13;

    private final CouncilCalendar calendar;
    private final Directory directory;
    private final LiveProjection live;
    private final Clock clock;
    private final MultiGauge alerts;
    private final MultiGauge outcomes;
    private final MultiGauge closed;

    public MonthMetrics(MeterRegistry registry, CouncilCalendar calendar, Directory directory, LiveProjection live,
                        Clock clock) {
        this.calendar = calendar;
        this.directory = directory;
        this.live = live;
        this.clock = clock;
        this.alerts = MultiGauge.builder("practice.alerts.month.alerts")
                .description("Per team and calendar month, as the monthly audit counts them: raised, escalated, "
                        + "resolved, withdrawn, open_at_end").register(registry);
        this.outcomes = MultiGauge.builder("practice.alerts.month.stage.outcomes")
                .description("Turns at a stage that ended in the calendar month: on_time, late, missed")
                .register(registry);
        this.closed = MultiGauge.builder("practice.alerts.month.closed")
                .description("Alerts closed in the calendar month, by outcome").register(registry);
    }

    /** Recomputes the last 13 months from the projection (each month as one monthly audit). */
    @Scheduled(initialDelayString = "${practice-alerts.reporting.month-refresh:60s}",
            fixedDelayString = "${practice-alerts.reporting.month-refresh:60s}")
    public void refresh() {
        YearMonth now = YearMonth.now(clock.withZone(ReportBasis.LONDON));
        List<MultiGauge.Row<?>> alertRows = new ArrayList<>();
        List<MultiGauge.Row<?>> outcomeRows = new ArrayList<>();
        List<MultiGauge.Row<?>> closedRows = new ArrayList<>();
        MonthlyAuditReport report = new MonthlyAuditReport(calendar.current(), directory);
        for (int back = 0; back < MONTHS; back++) {
            YearMonth month = now.minusMonths(back);
            MonthlyAudit audit = live.read(p -> report.of(p, month, Viewer.system()));
            Tags m = Tags.of("month", month.toString());
            for (MonthlyAudit.TeamCounts t : audit.perTeam()) {
                Tags team = m.and("team", t.teamId() == null ? "UNKNOWN" : t.teamId());
                alertRows.add(MultiGauge.Row.of(team.and("measure", "raised"), t.raised()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "escalated"), t.escalated()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "resolved"), t.resolved()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "withdrawn"), t.withdrawn()));
                alertRows.add(MultiGauge.Row.of(team.and("measure", "open_at_end"), t.openAtEnd()));
            }
            for (MonthlyAudit.Timeliness t : audit.timelinessByStage()) {
                Tags stage = m.and("stage", t.key());
                outcomeRows.add(MultiGauge.Row.of(stage.and("outcome", "on_time"), t.onTime()));
                outcomeRows.add(MultiGauge.Row.of(stage.and("outcome", "late"), t.late()));
                outcomeRows.add(MultiGauge.Row.of(stage.and("outcome", "missed"), t.missed()));
            }
            audit.outcomes().forEach((outcome, n) -> closedRows.add(MultiGauge.Row.of(m.and("outcome", outcome), n)));
        }
        alerts.register(alertRows, true);
        outcomes.register(outcomeRows, true);
        closed.register(closedRows, true);
    }
}
