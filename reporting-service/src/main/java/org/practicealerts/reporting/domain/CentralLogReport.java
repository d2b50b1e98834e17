package org.practicealerts.reporting.domain;

import static org.practicealerts.reporting.domain.ReportBasis.RESTRICTED;
import static org.practicealerts.reporting.domain.ReportBasis.startOf;
import static org.practicealerts.reporting.domain.ReportBasis.stages;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.reporting.api.CentralLogRow;

/** The central log: one row per alert the viewer may see, oldest first, with working days open. */
public final class CentralLogReport {

    private final ReportBasis basis;

    public CentralLogReport(WorkingDayCalendar calendar) {
        this.basis = new ReportBasis(calendar);
    }

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

    public List<CentralLogRow> rows(Projection p, LogFilter filter, Viewer viewer, Instant now) {
        List<CentralLogRow> rows = new ArrayList<>();
        for (AlertRecord a : p.alerts()) {
            if (viewer.sees(a) && filter.accepts(a)) {
                rows.add(row(a, p.outcome(a), viewer, now));
            }
        }
        rows.sort(Comparator.comparing(CentralLogRow::raisedAt).thenComparing(CentralLogRow::alertId));
        return rows;
    }

    private CentralLogRow row(AlertRecord a, String written, Viewer viewer, Instant now) {
        Instant end = a.status().isOpen() || a.closedAt() == null ? now : a.closedAt();
        String outcome = written == null || viewer.seesDetailOf(a) ? written : RESTRICTED;
        return new CentralLogRow(a.alertId(), a.reference(), a.childRef(), a.planType(), a.teamId(), a.raisedBy(),
                a.raiserRole(), a.primaryCategory(), a.categories(), a.urgency(), a.competenceConcern(),
                a.externalAgency(), a.informalFirst(), a.raisedAt(), a.entryStage(), a.stage(), a.stageReached(),
                a.status().name(), stages(a), a.bypasses(), outcome, a.closedAt(), basis.workingDays(a.raisedAt(), end),
                a.reopens(), a.cafcassReferredOn(), a.partnershipReferredAt(), a.statutoryDueAt(),
                a.statutoryExceededAt() != null);
    }
}
