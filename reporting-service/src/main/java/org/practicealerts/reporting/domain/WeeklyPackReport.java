package org.practicealerts.reporting.domain;

import static org.practicealerts.reporting.domain.ReportBasis.startOf;
import static org.practicealerts.reporting.domain.ReportBasis.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.reporting.api.AlertLine;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.api.WeeklyPack;

/**
 * The weekly performance pack as of a day: open alerts per team and stage, responses due this week (Monday to
 * Sunday) and overdue (with those the raiser is to progress, and those past the final stage's deadline), escalations and resolutions in the seven days up to that day, the oldest open alert.
 */
public final class WeeklyPackReport {

    private final ReportBasis basis;

    public WeeklyPackReport(WorkingDayCalendar calendar) {
        this.basis = new ReportBasis(calendar);
    }

    public WeeklyPack asOf(Projection p, LocalDate asOf, Viewer viewer) {
        Instant asOfEnd = startOf(asOf.plusDays(1));
        Instant lastWeek = startOf(asOf.minusDays(6));
        LocalDate weekStart = asOf.with(DayOfWeek.MONDAY);
        LocalDate weekEnd = weekStart.plusDays(6);
        Instant weekFrom = startOf(weekStart);
        Instant weekTo = startOf(weekEnd.plusDays(1));
        Map<String, int[]> open = new TreeMap<>();
        Map<String, int[]> sinceLastWeek = new TreeMap<>();
        Map<String, Integer> escalations = new TreeMap<>();
        List<AlertLine> due = new ArrayList<>();
        List<AlertLine> overdue = new ArrayList<>();
        List<AlertLine> awaitingRaiser = new ArrayList<>();
        List<AlertLine> exhausted = new ArrayList<>();
        int openTotal = 0;
        int escalated = 0;
        int resolved = 0;
        AlertRecord oldest = null;
        for (AlertRecord a : p.alerts()) {
            if (!viewer.sees(a) || a.raisedAt().isAfter(asOfEnd)) {
                continue;
            }
            String team = String.valueOf(a.teamId());
            if (within(a.raisedAt(), lastWeek, asOfEnd)) {
                sinceLastWeek.computeIfAbsent(team, k -> new int[3])[0]++;
            }
            for (AlertRecord.Escalation e : a.escalations()) {
                if (within(e.at(), lastWeek, asOfEnd)) {
                    escalated++;
                    sinceLastWeek.computeIfAbsent(team, k -> new int[3])[1]++;
                    escalations.merge(team + "\u0000" + e.toStage() + "\u0000" + e.reason(), 1, Integer::sum);
                }
            }
            for (AlertRecord.StatusChange c : a.statusHistory()) {
                if (c.status() == AlertStatus.RESOLVED && within(c.at(), lastWeek, asOfEnd)) {
                    resolved++;
                    sinceLastWeek.computeIfAbsent(team, k -> new int[3])[2]++;
                }
            }
            AlertStatus status = a.statusAt(asOfEnd.minusNanos(1));
            if (status == null || !status.isOpen()) {
                continue;
            }
            openTotal++;
            StageRound round = a.roundAt(asOfEnd.minusNanos(1));
            int[] here = open.computeIfAbsent(a.teamId() + "\u0000" + round.stage(), k -> new int[2]);
            here[0]++;
            here[1] += status == AlertStatus.ACTION_REVIEW ? 1 : 0;
            if (oldest == null || a.raisedAt().isBefore(oldest.raisedAt())) {
                oldest = a;
            }
            if (round.dueAt() != null && round.awaitingAt(asOfEnd.minusNanos(1))) {
                if (within(round.dueAt(), weekFrom, weekTo)) {
                    due.add(basis.line(a, round, asOfEnd));
                }
                if (round.dueAt().isBefore(asOfEnd)) {
                    overdue.add(basis.line(a, round, asOfEnd));
                }
                String missed = round.missedBy(asOfEnd.minusNanos(1));
                if ("RAISER_TO_PROGRESS".equals(missed)) {
                    awaitingRaiser.add(basis.line(a, round, asOfEnd));
                } else if ("LADDER_EXHAUSTED".equals(missed)) {
                    exhausted.add(basis.line(a, round, asOfEnd));
                }
            }
        }
        List<WeeklyPack.TeamStageCount> byTeam = new ArrayList<>();
        open.forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            byTeam.add(new WeeklyPack.TeamStageCount(parts[0], Integer.parseInt(parts[1]), v[0], v[1]));
        });
        List<WeeklyPack.TeamWeek> teamWeeks = new ArrayList<>();
        sinceLastWeek.forEach((t, n) -> teamWeeks.add(new WeeklyPack.TeamWeek(t, n[0], n[1], n[2])));
        List<MonthlyAudit.Escalations> moves = new ArrayList<>();
        escalations.forEach((k, n) -> {
            String[] parts = k.split("\u0000");
            moves.add(new MonthlyAudit.Escalations(parts[0], Integer.parseInt(parts[1]), parts[2], n));
        });
        Comparator<AlertLine> byDue = Comparator.comparing(AlertLine::dueAt).thenComparing(AlertLine::alertId);
        due.sort(byDue);
        overdue.sort(byDue);
        awaitingRaiser.sort(byDue);
        exhausted.sort(byDue);
        AlertLine oldestLine = oldest == null ? null
                : basis.line(oldest, oldest.roundAt(asOfEnd.minusNanos(1)), asOfEnd);
        return new WeeklyPack(asOf, weekStart, weekEnd, openTotal, byTeam, due, overdue, escalated, resolved,
                oldestLine, awaitingRaiser, exhausted, teamWeeks, moves);
    }
}
