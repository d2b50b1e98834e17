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
        Map<List<Object>, int[]> raised = new TreeMap<>(KEYS);
        Map<List<Object>, int[]> escalations = new TreeMap<>(KEYS);
        Map<List<Object>, int[]> byTeamAndStage = new TreeMap<>(KEYS);
        Map<List<Object>, int[]> closures = new TreeMap<>(KEYS);
        for (AlertRecord a : p.alerts()) {
            if (!viewer.sees(a) || !a.raisedAt().isBefore(to)) {
                continue;
            }
            int[] team = perTeam.computeIfAbsent(a.teamId(), k -> new int[5]);
            String plan = a.planType() == null ? null : a.planType().name();
            if (within(a.raisedAt(), from, to)) {
                team[0]++;
                count(raised, a.teamId(), a.primaryCategory(), plan)[0]++;
            }
            for (AlertRecord.Escalation e : a.escalations()) {
                if (within(e.at(), from, to)) {
                    team[1]++;
                    count(escalations, a.teamId(), e.toStage(), e.reason())[0]++;
                }
            }
            for (AlertRecord.StatusChange c : a.statusHistory()) {
                if (!within(c.at(), from, to)) {
                    continue;
                }
                String outcome;
                if (c.status() == AlertStatus.RESOLVED) {
                    team[2]++;
                    outcome = resolvedAfterReview(a, c) ? "RESOLVED_AFTER_REVIEW" : "RESOLVED";
                } else if (c.status() == AlertStatus.WITHDRAWN) {
                    team[3]++;
                    outcome = "WITHDRAWN";
                } else {
                    continue;
                }
                outcomes.merge(outcome, 1, Integer::sum);
                int days = basis.workingDays(a.raisedAt(), c.at());
                int[] closed = count(closures, a.teamId(), plan, outcome);
                closed[0]++;
                closed[1] += days;
                closed[2] += days <= MonthlyAudit.RESOLUTION_WORKING_DAYS ? 1 : 0;
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
            teamStageTimeliness(a, from, to, byTeamAndStage);
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
        List<MonthlyAudit.Raised> raisedRows = new ArrayList<>();
        raised.forEach((k, c) -> raisedRows.add(new MonthlyAudit.Raised((String) k.get(0), (String) k.get(1),
                (String) k.get(2), c[0])));
        List<MonthlyAudit.Escalations> escalationRows = new ArrayList<>();
        escalations.forEach((k, c) -> escalationRows.add(new MonthlyAudit.Escalations((String) k.get(0),
                (Integer) k.get(1), (String) k.get(2), c[0])));
        List<MonthlyAudit.TeamStageTimeliness> timelinessRows = new ArrayList<>();
        byTeamAndStage.forEach((k, c) -> timelinessRows.add(new MonthlyAudit.TeamStageTimeliness((String) k.get(0),
                (Integer) k.get(1), c[0], c[1], c[2], c[3], c[4])));
        List<MonthlyAudit.Closures> closureRows = new ArrayList<>();
        closures.forEach((k, c) -> closureRows.add(new MonthlyAudit.Closures((String) k.get(0), (String) k.get(1),
                (String) k.get(2), c[0], c[1], c[2])));
        return new MonthlyAudit(month.toString(), month.atDay(1), month.atEndOfMonth(), groups, outcomes, teams,
                timelinessRows(byStage), timelinessRows(byResponder), commendations, raisedRows, escalationRows,
                timelinessRows, closureRows);
    }

    /** Row keys compared part by part, nulls last (a team or category an alert did not name). */
    private static final Comparator<List<Object>> KEYS = (x, y) -> {
        for (int i = 0; i < x.size(); i++) {
            @SuppressWarnings({"unchecked", "rawtypes"})
            int c = Comparator.nullsLast((Comparator) Comparator.naturalOrder()).compare(x.get(i), y.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    private static int[] count(Map<List<Object>, int[]> counts, Object... key) {
        return counts.computeIfAbsent(java.util.Arrays.asList(key), k -> new int[5]);
    }

    /**
     * [responses, onTime, late, missed, working days the responses took] per team and stage, counted as
     * {@link ReportBasis#timeliness} counts per stage.
     */
    private void teamStageTimeliness(AlertRecord a, Instant from, Instant to, Map<List<Object>, int[]> counts) {
        ReportBasis.turnsEnded(a, from, to, (r, answered) -> {
            int[] c = count(counts, a.teamId(), r.stage());
            if (answered) {
                c[0]++;
                c[Boolean.TRUE.equals(r.onTime()) ? 1 : 2]++;
                c[4] += basis.workingDays(r.enteredAt(), r.respondedAt());
            } else {
                c[3]++;
            }
        });
    }

    private static boolean resolvedAfterReview(AlertRecord a, AlertRecord.StatusChange resolved) {
        // Only the latest resolution carries the flag; an earlier one (before a re-open) came after a review.
        int i = a.statusHistory().indexOf(resolved);
        return i == a.statusHistory().size() - 1 ? a.resolvedAfterReview()
                : i > 0 && a.statusHistory().get(i - 1).status() == AlertStatus.ACTION_REVIEW;
    }
}
