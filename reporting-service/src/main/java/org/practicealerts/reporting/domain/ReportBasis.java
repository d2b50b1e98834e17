package org.practicealerts.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.reporting.api.AlertLine;
import org.practicealerts.reporting.api.MonthlyAudit;
import org.practicealerts.reporting.api.StageRow;

/**
 * What the reports share: periods read in Europe/London, working days from the shared {@link WorkingDayCalendar}
 * (elapsed working days d with start date &lt; d &lt;= end date), the marker for withheld detail, and the rows
 * several reports print (stage rows, alert lines, response timeliness).
 */
public final class ReportBasis {

    public static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String RESTRICTED = "[restricted: competence concern]";

    private final WorkingDayCalendar calendar;

    ReportBasis(WorkingDayCalendar calendar) {
        this.calendar = calendar;
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

    static List<StageRow> stages(AlertRecord a) {
        List<StageRow> out = new ArrayList<>(a.rounds().size());
        for (StageRound r : a.rounds()) {
            out.add(new StageRow(r.stage(), r.entry(), r.enteredAt(), r.responderId(), r.responderRole(), r.dueAt(),
                    r.respondedAt(), r.respondedBy(), r.onTime(), r.leftBy()));
        }
        return out;
    }

    AlertLine line(AlertRecord a, StageRound round, Instant at) {
        return new AlertLine(a.alertId(), a.reference(), a.teamId(), round == null ? a.stage() : round.stage(),
                round == null ? null : round.responderId(), round == null ? null : round.dueAt(),
                workingDays(a.raisedAt(), at.minusNanos(1)));
    }

    /** A turn at a stage that ended in a period: answered (on time or late), or its deadline missed. */
    interface TurnEnded {
        void ended(StageRound round, boolean answered);
    }

    /** Each of the alert's turns answered in [from, to), or left there because its deadline was missed. */
    static void turnsEnded(AlertRecord a, Instant from, Instant to, TurnEnded ended) {
        for (StageRound r : a.rounds()) {
            if (within(r.respondedAt(), from, to)) {
                ended.ended(r, true);
            } else if ("DEADLINE_MISSED".equals(r.leftBy()) && within(r.leftAt(), from, to)) {
                ended.ended(r, false);
            }
        }
    }

    /** Counts [responses, onTime, late, missed] per stage and per responder for responses/misses in [from, to). */
    static void timeliness(AlertRecord a, Instant from, Instant to, Map<String, int[]> byStage,
                           Map<String, int[]> byResponder) {
        turnsEnded(a, from, to, (r, answered) -> {
            int[] s = byStage.computeIfAbsent(String.valueOf(r.stage()), k -> new int[4]);
            int[] who = byResponder == null ? null : byResponder.computeIfAbsent(
                    String.valueOf(answered ? r.respondedBy() : r.responderId()), k -> new int[4]);
            for (int[] c : who == null ? new int[][] {s} : new int[][] {s, who}) {
                if (answered) {
                    c[0]++;
                    c[Boolean.TRUE.equals(r.onTime()) ? 1 : 2]++;
                } else {
                    c[3]++;
                }
            }
        });
    }

    static List<MonthlyAudit.Timeliness> timelinessRows(Map<String, int[]> counts) {
        List<MonthlyAudit.Timeliness> out = new ArrayList<>();
        counts.forEach((k, c) -> out.add(new MonthlyAudit.Timeliness(k, c[0], c[1], c[2], c[3])));
        return out;
    }
}
