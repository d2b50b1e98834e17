package org.practicealerts.reporting.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.reporting.domain.AlertRecord;
import org.practicealerts.reporting.domain.AlertStatus;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.reporting.domain.ProjectionListener;
import org.practicealerts.reporting.domain.ReportBasis;
import org.practicealerts.reporting.domain.StageRound;
import org.practicealerts.support.CouncilCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Counters and histograms count events as the live projection applies them (the initial load included, a rebuild's
 * replay not, so nothing is counted twice in one process); the open and overdue gauges are recomputed from the
 * projection every few seconds, with a zero for every known team and stage so dashboards always have a series.
 * Never an alert or child id in a label.
 */
@Component
public class AlertMetrics implements ProjectionListener {

    private static final double[] WORKING_DAY_BUCKETS = {0.5, 1, 2, 3, 4, 5, 7, 10, 15, 20, 30, 40, 60};
    /** Upper bounds in working days; 0.5 holds same-day answers (Micrometer wants bounds above zero). */
    private static final int MAX_STAGE = 4;
    private static final List<String> OUTCOMES = List.of("on_time", "late", "missed");
    /** Why an alert moves up: the events' reasons, and a re-open. */
    private static final List<String> REASONS = reasons();

    private final MeterRegistry registry;
    private final CouncilCalendar calendar;
    private final LiveProjection live;
    private final Clock clock;
    private final MultiGauge open;
    private final MultiGauge overdue;
    private final Directory directory;
    private final MultiGauge teamInfo;

    public AlertMetrics(MeterRegistry registry, CouncilCalendar calendar, LiveProjection live, Clock clock,
                        Directory directory) {
        this.directory = directory;
        this.teamInfo = MultiGauge.builder("practice.alerts.team.info")
                .description("1 per team, with its name (team_name) and area (its service manager), for dashboards")
                .register(registry);
        this.registry = registry;
        this.calendar = calendar;
        this.live = live;
        this.clock = clock;
        this.open = MultiGauge.builder("practice.alerts.open").description("Open alerts by current stage and team")
                .register(registry);
        this.overdue = MultiGauge.builder("practice.alerts.overdue")
                .description("Open alerts whose current stage's response is overdue").register(registry);
        live.listenTo(this);
        refreshGauges();
    }

    @Override
    public void raised(AlertRecord a) {
        Counter.builder("practice.alerts.raised").description("Alerts raised")
                .tags(Tags.of("team", label(a.teamId()), "category", label(a.primaryCategory()), "plan_type",
                        a.planType() == null ? "UNKNOWN" : a.planType().name(), "stage", String.valueOf(a.entryStage())))
                .register(registry).increment();
    }

    @Override
    public void escalated(AlertRecord a, int toStage) {
        List<AlertRecord.Escalation> moves = a.escalations();
        AlertRecord.Escalation move = moves.isEmpty() ? null : moves.get(moves.size() - 1);
        String reason = move == null ? "UNKNOWN" : move.reason();
        escalatedCounter(label(a.teamId()), toStage, reason).increment();
        if ("DEADLINE_MISSED".equals(reason)) {
            outcome(label(a.teamId()), move.fromStage(), "missed").increment();
        }
    }

    /** Moves up a stage by the stage reached and why: DEADLINE_MISSED, RESPONSE_INADEQUATE, BYPASS, REOPENED ... */
    private Counter escalatedCounter(String team, int stage, String reason) {
        return Counter.builder("practice.alerts.escalated")
                .description("Alerts moved up a stage (escalated or re-opened), by the stage reached and the reason")
                .tags("team", team, "stage", String.valueOf(stage), "reason", reason).register(registry);
    }

    /**
     * How each turn at a stage ended: answered on time, answered late, or its deadline missed (counted as the monthly
     * audit's timeliness counts them), so a dashboard gives the share within timescale with missed deadlines in it.
     */
    private Counter outcome(String team, int stage, String outcome) {
        return Counter.builder("practice.alerts.stage.outcomes")
                .description("Turns at a stage that ended: on_time, late (answered after the deadline) or missed")
                .tags("team", team, "stage", String.valueOf(stage), "outcome", outcome).register(registry);
    }

    @Override
    public void responded(AlertRecord a, StageRound round) {
        outcome(label(a.teamId()), round.stage(), Boolean.TRUE.equals(round.onTime()) ? "on_time" : "late")
                .increment();
        int days = calendar.current().workingDaysBetween(date(round.enteredAt()), date(round.respondedAt()));
        DistributionSummary.builder("practice.alerts.time.to.response").baseUnit("working.days")
                .description("Working days from a stage's start to its response")
                .tags("team", label(a.teamId()), "stage", String.valueOf(round.stage()))
                .serviceLevelObjectives(WORKING_DAY_BUCKETS).register(registry).record(days);
    }

    @Override
    public void closed(AlertRecord a) {
        String status = a.status().name();
        Counter.builder("practice.alerts.resolved").description("Alerts closed (resolved or withdrawn)")
                .tags("team", label(a.teamId()), "stage", String.valueOf(a.stage()), "status", status)
                .register(registry).increment();
        if (a.status() == AlertStatus.RESOLVED) {
            int days = calendar.current().workingDaysBetween(date(a.raisedAt()), date(a.closedAt()));
            DistributionSummary.builder("practice.alerts.time.to.resolve").baseUnit("working.days")
                    .description("Working days from raising to resolution")
                    .tags("team", label(a.teamId()), "plan_type", a.planType() == null ? "UNKNOWN" : a.planType().name())
                    .serviceLevelObjectives(WORKING_DAY_BUCKETS).register(registry).record(days);
        }
    }

    /** Recomputes the open and overdue gauges from the projection. */
    @Scheduled(fixedDelayString = "${practice-alerts.reporting.gauge-refresh:5s}")
    public void refreshGauges() {
        Instant now = clock.instant();
        Map<String, int[]> counts = live.read(p -> {
            Map<String, int[]> c = new TreeMap<>();
            Set<String> teams = new TreeSet<>();
            for (AlertRecord a : p.alerts()) {
                teams.add(label(a.teamId()));
            }
            for (String team : teams) {
                for (int s = 1; s <= MAX_STAGE; s++) {
                    c.put(team + "|" + s, new int[3]);
                }
            }
            for (AlertRecord a : p.alerts()) {
                if (!a.status().isOpen()) {
                    continue;
                }
                int[] n = c.computeIfAbsent(label(a.teamId()) + "|" + a.stage(), k -> new int[3]);
                n[a.status() == AlertStatus.OPEN ? 0 : 1]++;
                StageRound r = a.currentRound();
                if (a.status() == AlertStatus.OPEN && r != null && r.dueAt() != null && r.awaitingAt(now)
                        && r.dueAt().isBefore(now)) {
                    n[2]++;
                }
            }
            return c;
        });
        List<MultiGauge.Row<?>> openRows = new ArrayList<>();
        List<MultiGauge.Row<?>> overdueRows = new ArrayList<>();
        counts.forEach((k, n) -> {
            String[] parts = k.split("\\|");
            Tags tags = Tags.of("team", parts[0], "stage", parts[1]);
            openRows.add(MultiGauge.Row.of(tags.and("status", "OPEN"), n[0]));
            openRows.add(MultiGauge.Row.of(tags.and("status", "ACTION_REVIEW"), n[1]));
            overdueRows.add(MultiGauge.Row.of(tags, n[2]));
        });
        open.register(openRows, true);
        overdue.register(overdueRows, true);
        // Every team's counters exist from the start at zero, so increase() over a window counts the first event.
        Set<String> teams = new TreeSet<>();
        counts.keySet().forEach(k -> teams.add(k.split("\\|")[0]));
        teams.forEach(this::registerAtZero);
        // Every team the directory knows or an alert names (by its id when the directory does not know it).
        Map<String, String> names = new TreeMap<>(directory.teamNames());
        teams.forEach(t -> names.putIfAbsent(t, t));
        List<MultiGauge.Row<?>> info = new ArrayList<>();
        // The area: the team's service manager by name, as a service manager would pick their own.
        names.forEach((id, name) -> {
            String manager = directory.serviceManagerOf(id);
            String area = manager == null ? "No service manager" : directory.nameOf(manager);
            info.add(MultiGauge.Row.of(Tags.of("team", id, "team_name", name, "area", area), 1));
        });
        teamInfo.register(info, true);
    }

    private void registerAtZero(String team) {
        for (int s = 1; s <= MAX_STAGE; s++) {
            for (String o : OUTCOMES) {
                outcome(team, s, o);
            }
            for (String reason : REASONS) {
                escalatedCounter(team, s, reason);
            }
        }
    }

    private static List<String> reasons() {
        List<String> r = new ArrayList<>();
        for (EscalationReason reason : EscalationReason.values()) {
            r.add(reason.name());
        }
        r.add("REOPENED");
        return List.copyOf(r);
    }

    private static java.time.LocalDate date(Instant at) {
        return at.atZone(ReportBasis.LONDON).toLocalDate();
    }

    private static String label(String value) {
        return value == null ? "UNKNOWN" : value;
    }
}
