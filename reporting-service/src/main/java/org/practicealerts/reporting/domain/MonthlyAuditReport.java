package org.practicealerts.reporting.domain;

import static org.practicealerts.reporting.domain.ReportBasis.startOf;
import static org.practicealerts.reporting.domain.ReportBasis.timeliness;
import static org.practicealerts.reporting.domain.ReportBasis.timelinessRows;
import static org.practicealerts.reporting.domain.ReportBasis.within;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.reporting.api.AlertLine;
import org.practicealerts.reporting.api.MonthlyAudit;

/**
 * The raisers' team manager's monthly audit: alerts not actioned at the month's end grouped by the Service Manager
 * they go to, outcomes, counts per team, response timeliness per stage and per responder, commendations.
 */
public final class MonthlyAuditReport {

    private final ReportBasis basis;
    private final Directory directory;

    public MonthlyAuditReport(WorkingDayCalendar calendar, Directory directory) {
        this.basis = new ReportBasis(calendar);
        this.directory = directory;
    }

    public MonthlyAudit of(Projection p, YearMonth month, Viewer viewer) {
        Instant from = startOf(month.atDay(1));
        Instant to = startOf(month.plusMonths(1).atDay(1));
        Instant end = to.minusNanos(1);
        Map<String, List<AlertLine>> notActioned = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<String, int[]> perTeam = new TreeMap<>();
        Map<String, int[]> byStage = new TreeMap<>();
        Map<String, int[]> byResponder = new TreeMap<>();
        for (AlertRecord a : p.alerts()) {
            if (!viewer.sees(a) || !a.raisedAt().isBefore(to)) {
                continue;
            }
            int[] team = perTeam.computeIfAbsent(a.teamId(), k -> new int[5]);
            if (within(a.raisedAt(), from, to)) {
                team[0]++;
            }
            for (AlertRecord.Escalation e : a.escalations()) {
                if (within(e.at(), from, to)) {
                    team[1]++;
                }
            }
            for (AlertRecord.StatusChange c : a.statusHistory()) {
                if (!within(c.at(), from, to)) {
                    continue;
                }
                if (c.status() == AlertStatus.RESOLVED) {
                    team[2]++;
                    outcomes.merge(resolvedAfterReview(a, c) ? "RESOLVED_AFTER_REVIEW" : "RESOLVED", 1, Integer::sum);
                } else if (c.status() == AlertStatus.WITHDRAWN) {
                    team[3]++;
                    outcomes.merge("WITHDRAWN", 1, Integer::sum);
                }
            }
            AlertStatus status = a.statusAt(end);
            if (status != null && status.isOpen()) {
                team[4]++;
                StageRound round = a.roundAt(end);
                if (round != null && round.awaitingAt(end)) {
                    notActioned.computeIfAbsent(directory.serviceManagerOf(a.teamId()), k -> new ArrayList<>())
                            .add(basis.line(a, round, to));
                }
            }
            timeliness(a, from, to, byStage, byResponder);
        }
        List<MonthlyAudit.NotActioned> groups = new ArrayList<>();
        notActioned.forEach((sm, lines) -> {
            lines.sort(Comparator.comparing(AlertLine::reference, Comparator.nullsLast(Comparator.naturalOrder())));
            groups.add(new MonthlyAudit.NotActioned(sm, lines));
        });
        List<MonthlyAudit.TeamCounts> teams = new ArrayList<>();
        perTeam.forEach((t, c) -> teams.add(new MonthlyAudit.TeamCounts(t, c[0], c[1], c[2], c[3], c[4])));
        Map<String, Integer> commendations = new TreeMap<>();
        for (Commendation c : p.commendations()) {
            if (viewer.seesTeam(c.teamId()) && within(c.recordedAt(), from, to)) {
                commendations.merge(c.teamId(), 1, Integer::sum);
            }
        }
        return new MonthlyAudit(month.toString(), month.atDay(1), month.atEndOfMonth(), groups, outcomes, teams,
                timelinessRows(byStage), timelinessRows(byResponder), commendations);
    }

    private static boolean resolvedAfterReview(AlertRecord a, AlertRecord.StatusChange resolved) {
        // Only the latest resolution carries the flag; an earlier one (before a re-open) came after a review.
        int i = a.statusHistory().indexOf(resolved);
        return i == a.statusHistory().size() - 1 ? a.resolvedAfterReview()
                : i > 0 && a.statusHistory().get(i - 1).status() == AlertStatus.ACTION_REVIEW;
    }
}
