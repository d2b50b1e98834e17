package org.practicealerts.reporting.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.reporting.api.AlertLine;
import org.practicealerts.reporting.api.CentralLogRow;
import org.practicealerts.reporting.api.Chronology;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.api.QuarterlyThemes;
import org.practicealerts.reporting.api.StageRow;
import org.practicealerts.reporting.api.WeeklyPack;

/**
 * The reports, computed from a projection in one pass over its alerts. Periods are read in Europe/London; working
 * days come from the shared {@link WorkingDayCalendar} (elapsed working days d with start date &lt; d &lt;= end date).
 */
public final class Reports {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String RESTRICTED = "[restricted: competence concern]";

    private final WorkingDayCalendar calendar;
    private final Directory directory;

    public Reports(WorkingDayCalendar calendar, Directory directory) {
        this.calendar = calendar;
        this.directory = directory;
    }

    static Instant startOf(LocalDate day) {
        return day.atStartOfDay(LONDON).toInstant();
    }

    static LocalDate dateOf(Instant at) {
        return at.atZone(LONDON).toLocalDate();
    }

    static boolean within(Instant at, Instant from, Instant to) {
        return at != null && !at.isBefore(from) && at.isBefore(to);
    }

    int workingDays(Instant from, Instant to) {
        return calendar.workingDaysBetween(dateOf(from), dateOf(to));
    }

    // ---- central log ---------------------------------------------------------------------------------------------

    /** Filter for the central log; null fields do not filter. Dates bound {@code raisedAt} (inclusive, London). */
    public record LogFilter(String teamId, String status, String planType, String category, Integer stageReached,
                            String childRef, LocalDate raisedFrom, LocalDate raisedTo) {
        public static final LogFilter NONE = new LogFilter(null, null, null, null, null, null, null, null);

        boolean accepts(AlertRecord a) {
            return (teamId == null || teamId.equals(a.teamId()))
                    && (status == null || status.equalsIgnoreCase(a.status().name()))
                    && (planType == null || (a.planType() != null && planType.equalsIgnoreCase(a.planType().name())))
                    && (category == null || a.categories().contains(category))
                    && (stageReached == null || stageReached == a.stageReached())
                    && (childRef == null || childRef.equals(a.childRef()))
                    && (raisedFrom == null || !a.raisedAt().isBefore(startOf(raisedFrom)))
                    && (raisedTo == null || a.raisedAt().isBefore(startOf(raisedTo.plusDays(1))));
        }
    }

    public List<CentralLogRow> centralLog(Projection p, LogFilter filter, Viewer viewer, Instant now) {
        List<CentralLogRow> rows = new ArrayList<>();
        for (AlertRecord a : p.alerts()) {
            if (viewer.sees(a) && filter.accepts(a)) {
                rows.add(row(a, viewer, now));
            }
        }
        rows.sort(Comparator.comparing(CentralLogRow::raisedAt).thenComparing(CentralLogRow::alertId));
        return rows;
    }

    CentralLogRow row(AlertRecord a, Viewer viewer, Instant now) {
        Instant end = a.status().isOpen() || a.closedAt() == null ? now : a.closedAt();
        String outcome = a.outcome() == null || viewer.seesDetailOf(a) ? a.outcome() : RESTRICTED;
        return new CentralLogRow(a.alertId(), a.reference(), a.childRef(), a.planType(), a.teamId(), a.raisedBy(),
                a.raiserRole(), a.primaryCategory(), a.categories(), a.urgency(), a.competenceConcern(),
                a.externalAgency(), a.informalFirst(), a.raisedAt(), a.entryStage(), a.stage(), a.stageReached(),
                a.status().name(), stages(a), a.bypasses(), outcome, a.closedAt(), workingDays(a.raisedAt(), end),
                a.reopens(), a.cafcassReferredOn(), a.partnershipReferredAt(), a.statutoryDueAt(),
                a.statutoryExceededAt() != null);
    }

    static List<StageRow> stages(AlertRecord a) {
        List<StageRow> out = new ArrayList<>(a.rounds().size());
        for (StageRound r : a.rounds()) {
            out.add(new StageRow(r.stage(), r.entry(), r.enteredAt(), r.responderId(), r.responderRole(), r.dueAt(),
                    r.respondedAt(), r.respondedBy(), r.onTime(), r.leftBy()));
        }
        return out;
    }

    // ---- child chronology ----------------------------------------------------------------------------------------

    public Chronology chronology(Projection p, String childRef, Viewer viewer) {
        List<Chronology.Alert> out = new ArrayList<>();
        for (AlertRecord a : p.alertsAboutChild(childRef)) {
            if (!viewer.sees(a)) {
                continue;
            }
            boolean detail = viewer.seesDetailOf(a);
            List<ChronologyEntry> entries = new ArrayList<>(a.chronology().size());
            for (ChronologyEntry e : a.chronology()) {
                entries.add(detail || e.detail() == null ? e
                        : new ChronologyEntry(e.at(), e.event(), e.stage(), e.actor(), RESTRICTED));
            }
            out.add(new Chronology.Alert(a.alertId(), a.reference(), a.planType() == null ? null : a.planType().name(),
                    a.teamId(), a.raisedBy(), a.raisedAt(), a.status().name(), a.stageReached(),
                    a.outcome() == null || detail ? a.outcome() : RESTRICTED, a.competenceConcern(), stages(a), entries));
        }
        out.sort(Comparator.comparing(Chronology.Alert::raisedAt));
        return new Chronology(childRef, out);
    }

    // ---- weekly pack ---------------------------------------------------------------------------------------------

    public WeeklyPack weekly(Projection p, LocalDate asOf, Viewer viewer) {
        Instant asOfEnd = startOf(asOf.plusDays(1));
        Instant lastWeek = startOf(asOf.minusDays(6));
        LocalDate weekStart = asOf.with(DayOfWeek.MONDAY);
        LocalDate weekEnd = weekStart.plusDays(6);
        Instant weekFrom = startOf(weekStart);
        Instant weekTo = startOf(weekEnd.plusDays(1));
        Map<String, Integer> open = new TreeMap<>();
        List<AlertLine> due = new ArrayList<>();
        List<AlertLine> overdue = new ArrayList<>();
        int openTotal = 0;
        int escalated = 0;
        int resolved = 0;
        AlertRecord oldest = null;
        for (AlertRecord a : p.alerts()) {
            if (!viewer.sees(a) || a.raisedAt().isAfter(asOfEnd)) {
                continue;
            }
            for (AlertRecord.Escalation e : a.escalations()) {
                if (!e.at().isBefore(lastWeek) && e.at().isBefore(asOfEnd)) {
                    escalated++;
                }
            }
            for (AlertRecord.StatusChange c : a.statusHistory()) {
                if (c.status() == AlertStatus.RESOLVED && !c.at().isBefore(lastWeek) && c.at().isBefore(asOfEnd)) {
                    resolved++;
                }
            }
            AlertStatus status = a.statusAt(asOfEnd.minusNanos(1));
            if (status == null || !status.isOpen()) {
                continue;
            }
            openTotal++;
            StageRound round = a.roundAt(asOfEnd.minusNanos(1));
            open.merge(a.teamId() + "\u0000" + round.stage(), 1, Integer::sum);
            if (oldest == null || a.raisedAt().isBefore(oldest.raisedAt())) {
                oldest = a;
            }
            if (round.dueAt() != null && round.awaitingAt(asOfEnd.minusNanos(1))) {
                if (within(round.dueAt(), weekFrom, weekTo)) {
                    due.add(line(a, round, asOfEnd));
                }
                if (round.dueAt().isBefore(asOfEnd)) {
                    overdue.add(line(a, round, asOfEnd));
                }
            }
        }
        List<WeeklyPack.TeamStageCount> byTeam = new ArrayList<>();
        open.forEach((k, v) -> {
            String[] parts = k.split("\u0000");
            byTeam.add(new WeeklyPack.TeamStageCount(parts[0], Integer.parseInt(parts[1]), v));
        });
        Comparator<AlertLine> byDue = Comparator.comparing(AlertLine::dueAt).thenComparing(AlertLine::alertId);
        due.sort(byDue);
        overdue.sort(byDue);
        AlertLine oldestLine = oldest == null ? null : line(oldest, oldest.roundAt(asOfEnd.minusNanos(1)), asOfEnd);
        return new WeeklyPack(asOf, weekStart, weekEnd, openTotal, byTeam, due, overdue, escalated, resolved,
                oldestLine);
    }

    private AlertLine line(AlertRecord a, StageRound round, Instant at) {
        return new AlertLine(a.alertId(), a.reference(), a.teamId(), round == null ? a.stage() : round.stage(),
                round == null ? null : round.responderId(), round == null ? null : round.dueAt(),
                workingDays(a.raisedAt(), at.minusNanos(1)));
    }

    // ---- monthly audit -------------------------------------------------------------------------------------------

    public MonthlyAudit monthly(Projection p, YearMonth month, Viewer viewer) {
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
                            .add(line(a, round, to));
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

    /** Counts [responses, onTime, late, missed] per stage and per responder for responses/misses in [from, to). */
    private static void timeliness(AlertRecord a, Instant from, Instant to, Map<String, int[]> byStage,
                                   Map<String, int[]> byResponder) {
        for (StageRound r : a.rounds()) {
            if (within(r.respondedAt(), from, to)) {
                int[] s = byStage.computeIfAbsent(String.valueOf(r.stage()), k -> new int[4]);
                int[] who = byResponder == null ? null
                        : byResponder.computeIfAbsent(String.valueOf(r.respondedBy()), k -> new int[4]);
                boolean onTime = Boolean.TRUE.equals(r.onTime());
                s[0]++;
                s[onTime ? 1 : 2]++;
                if (who != null) {
                    who[0]++;
                    who[onTime ? 1 : 2]++;
                }
            } else if ("DEADLINE_MISSED".equals(r.leftBy()) && within(r.leftAt(), from, to)) {
                byStage.computeIfAbsent(String.valueOf(r.stage()), k -> new int[4])[3]++;
                if (byResponder != null) {
                    byResponder.computeIfAbsent(String.valueOf(r.responderId()), k -> new int[4])[3]++;
                }
            }
        }
    }

    private static List<MonthlyAudit.Timeliness> timelinessRows(Map<String, int[]> counts) {
        List<MonthlyAudit.Timeliness> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new MonthlyAudit.Timeliness(k, c[0], c[1], c[2], c[3])));
        return out;
    }

    // ---- quarterly themes ----------------------------------------------------------------------------------------

    /** A calendar quarter, e.g. 2026-Q3. */
    public record Quarter(int year, int q) {
        public static Quarter parse(String text) {
            if (text == null || !text.matches("\\d{4}-Q[1-4]")) {
                throw new IllegalArgumentException("quarter must look like 2026-Q3");
            }
            return new Quarter(Integer.parseInt(text.substring(0, 4)), text.charAt(6) - '0');
        }

        public LocalDate first() {
            return LocalDate.of(year, (q - 1) * 3 + 1, 1);
        }

        public LocalDate last() {
            return first().plusMonths(3).minusDays(1);
        }

        public Quarter previous() {
            return q == 1 ? new Quarter(year - 1, 4) : new Quarter(year, q - 1);
        }

        @Override
        public String toString() {
            return year + "-Q" + q;
        }
    }

    public QuarterlyThemes quarterly(Projection p, Quarter quarter, Viewer viewer) {
        Map<String, Integer> byCategory = new TreeMap<>();
        Map<String, Integer> stageReached = new TreeMap<>();
        Map<String, int[]> byStage = new TreeMap<>();
        // One scan picks the alerts that can count in either quarter: raised before the end, active since the start.
        Instant earliest = startOf(quarter.previous().first());
        Instant end = startOf(quarter.last().plusDays(1));
        List<AlertRecord> relevant = new ArrayList<>();
        for (AlertRecord a : p.alerts()) {
            if (a.raisedAt().isBefore(end) && !a.lastEventAt().isBefore(earliest) && viewer.sees(a)) {
                relevant.add(a);
            }
        }
        QuarterlyThemes.Headline current = headline(p, relevant, quarter, byCategory, stageReached, byStage);
        QuarterlyThemes.Headline previous = headline(p, relevant, quarter.previous(), null, null, null);
        List<QuarterlyThemes.CategoryCount> categories = new ArrayList<>();
        byCategory.forEach((k, v) -> {
            String[] parts = k.split("\u0000", -1);
            categories.add(new QuarterlyThemes.CategoryCount(parts[0], parts[1], parts[2], v));
        });
        return new QuarterlyThemes(quarter.toString(), quarter.first(), quarter.last(), current, previous,
                change(current, previous), categories, stageReached, timelinessRows(byStage));
    }

    private QuarterlyThemes.Headline headline(Projection p, List<AlertRecord> alerts, Quarter quarter,
                                              Map<String, Integer> byCategory, Map<String, Integer> stageReached,
                                              Map<String, int[]> byStage) {
        Instant from = startOf(quarter.first());
        Instant to = startOf(quarter.last().plusDays(1));
        Map<String, int[]> stages = byStage == null ? new HashMap<>() : byStage;
        int raised = 0;
        int repeats = 0;
        int over = 0;
        int bypasses = 0;
        int cafcass = 0;
        int partnership = 0;
        int informal = 0;
        int cpc = 0;
        int iro = 0;
        int cro = 0;
        int[] resolveDays = new int[64];
        int resolved = 0;
        for (AlertRecord a : alerts) {
            if (!a.raisedAt().isBefore(to) || a.lastEventAt().isBefore(from)) {
                continue;
            }
            if (within(a.raisedAt(), from, to)) {
                raised++;
                if (a.informalFirst()) {
                    informal++;
                }
                if (a.enteredByBypass) {
                    bypasses++;
                }
                if ("CPC".equals(a.raiserRole())) {
                    cpc++;
                } else if ("IRO".equals(a.raiserRole())) {
                    iro++;
                } else if ("CRO".equals(a.raiserRole())) {
                    cro++;
                }
                if (isRepeat(p, a)) {
                    repeats++;
                }
                if (byCategory != null) {
                    String plan = a.planType() == null ? "" : a.planType().name();
                    for (String c : a.categories()) {
                        byCategory.merge(c + "\u0000" + a.teamId() + "\u0000" + plan, 1, Integer::sum);
                    }
                    int reached = a.entryStage();
                    for (StageRound r : a.rounds()) {
                        if (r.enteredAt().isBefore(to)) {
                            reached = Math.max(reached, r.stage());
                        }
                    }
                    stageReached.merge(String.valueOf(reached), 1, Integer::sum);
                }
            }
            for (AlertRecord.Escalation e : a.escalations()) {
                if (e.bypass() && within(e.at(), from, to)) {
                    bypasses++;
                }
            }
            for (AlertRecord.StatusChange c : a.statusHistory()) {
                if (c.status() == AlertStatus.RESOLVED && within(c.at(), from, to)) {
                    if (resolved == resolveDays.length) {
                        resolveDays = Arrays.copyOf(resolveDays, resolved * 2);
                    }
                    resolveDays[resolved++] = workingDays(a.raisedAt(), c.at());
                }
            }
            if (within(a.statutoryExceededAt(), from, to)) {
                over++;
            }
            if (within(a.cafcassReferredAt(), from, to)) {
                cafcass++;
            }
            if (within(a.partnershipReferredAt(), from, to)) {
                partnership++;
            }
            timeliness(a, from, to, stages, null);
        }
        int responses = 0;
        int onTime = 0;
        int missed = 0;
        for (int[] c : stages.values()) {
            responses += c[0];
            onTime += c[1];
            missed += c[3];
        }
        Arrays.sort(resolveDays, 0, resolved);
        Double median = null;
        Integer p90 = null;
        if (resolved > 0) {
            median = resolved % 2 == 1 ? resolveDays[resolved / 2]
                    : (resolveDays[resolved / 2 - 1] + resolveDays[resolved / 2]) / 2.0;
            p90 = resolveDays[(int) Math.ceil(0.9 * resolved) - 1];
        }
        return new QuarterlyThemes.Headline(raised, resolved, median, p90, responses, onTime, missed, repeats, over,
                bypasses, cafcass, partnership, informal, raised - informal, cpc, iro, cro);
    }

    /** Another alert about the same child was raised in the twelve months before this one. */
    private static boolean isRepeat(Projection p, AlertRecord a) {
        if (a.childRef() == null) {
            return false;
        }
        Instant yearBefore = a.raisedAt().atZone(LONDON).minusMonths(12).toInstant();
        for (AlertRecord other : p.alertsAboutChild(a.childRef())) {
            if (other != a && !other.raisedAt().isBefore(yearBefore) && other.raisedAt().isBefore(a.raisedAt())) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Double> change(QuarterlyThemes.Headline c, QuarterlyThemes.Headline p) {
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("raised", (double) (c.raised() - p.raised()));
        out.put("resolved", (double) (c.resolved() - p.resolved()));
        out.put("medianWorkingDaysToResolve", c.medianWorkingDaysToResolve() == null
                || p.medianWorkingDaysToResolve() == null ? null
                : c.medianWorkingDaysToResolve() - p.medianWorkingDaysToResolve());
        out.put("responsesOnTime", (double) (c.responsesOnTime() - p.responsesOnTime()));
        out.put("missedDeadlines", (double) (c.missedDeadlines() - p.missedDeadlines()));
        out.put("repeatAlerts", (double) (c.repeatAlerts() - p.repeatAlerts()));
        out.put("overStatutoryTotal", (double) (c.overStatutoryTotal() - p.overStatutoryTotal()));
        out.put("bypasses", (double) (c.bypasses() - p.bypasses()));
        out.put("cafcassReferrals", (double) (c.cafcassReferrals() - p.cafcassReferrals()));
        out.put("informal", (double) (c.informal() - p.informal()));
        return out;
    }

    /** Alerts of a projection matching a predicate (for metrics). */
    public static int count(Projection p, Predicate<AlertRecord> test) {
        int n = 0;
        for (AlertRecord a : p.alerts()) {
            if (test.test(a)) {
                n++;
            }
        }
        return n;
    }
}
