package org.practicealerts.reporting.domain;

import static org.practicealerts.reporting.domain.ReportBasis.LONDON;
import static org.practicealerts.reporting.domain.ReportBasis.startOf;
import static org.practicealerts.reporting.domain.ReportBasis.timeliness;
import static org.practicealerts.reporting.domain.ReportBasis.timelinessRows;
import static org.practicealerts.reporting.domain.ReportBasis.within;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.events.Role;
import org.practicealerts.reporting.api.QuarterlyThemes;

/**
 * The quarterly themes for the departmental leadership team: categories per team and plan, stages reached, time to
 * resolve, repeat alerts for the same child, response timeliness, each headline beside the previous quarter's.
 */
public final class QuarterlyThemesReport {

    private final ReportBasis basis;

    public QuarterlyThemesReport(WorkingDayCalendar calendar) {
        this.basis = new ReportBasis(calendar);
    }

    public QuarterlyThemes of(Projection p, Quarter quarter, Viewer viewer) {
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
        List<InformalRecord> informal = p.informalResolutions().stream().filter(viewer::sees).toList();
        QuarterlyThemes.Headline current = headline(p, relevant, informal, quarter, byCategory, stageReached, byStage);
        QuarterlyThemes.Headline previous = headline(p, relevant, informal, quarter.previous(), null, null, null);
        List<QuarterlyThemes.CategoryCount> categories = new ArrayList<>();
        byCategory.forEach((k, v) -> {
            String[] parts = k.split("\u0000", -1);
            categories.add(new QuarterlyThemes.CategoryCount(parts[0], parts[1], parts[2], v));
        });
        return new QuarterlyThemes(quarter.toString(), quarter.first(), quarter.last(), current, previous,
                change(current, previous), categories, stageReached, timelinessRows(byStage));
    }

    private QuarterlyThemes.Headline headline(Projection p, List<AlertRecord> alerts, List<InformalRecord> records,
                                              Quarter quarter, Map<String, Integer> byCategory, Map<String, Integer> stageReached,
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
                if (Role.CPC.name().equals(a.raiserRole())) {
                    cpc++;
                } else if (Role.IRO.name().equals(a.raiserRole())) {
                    iro++;
                } else if (Role.CRO.name().equals(a.raiserRole())) {
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
                    resolveDays[resolved++] = basis.workingDays(a.raisedAt(), c.at());
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
        int informalRecords = 0;
        int resolvedInformally = 0;
        for (InformalRecord r : records) {
            if (within(r.recordedAt(), from, to)) {
                informalRecords++;
                if (r.resolved()) {
                    resolvedInformally++;
                }
            }
        }
        return new QuarterlyThemes.Headline(raised, resolved, median, p90, responses, onTime, missed, repeats, over,
                bypasses, cafcass, partnership, informal, raised - informal, cpc, iro, cro, informalRecords,
                resolvedInformally);
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
        out.put("informalRecords", (double) (c.informalRecords() - p.informalRecords()));
        out.put("resolvedInformally", (double) (c.resolvedInformally() - p.resolvedInformally()));
        return out;
    }
}
