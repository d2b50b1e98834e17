package org.practicealerts.reporting.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;

/**
 * One alert in the central log: every recorded field that may be shown. No summary, impact or child's-voice text;
 * the outcome of a competence concern is withheld from viewers not involved in it.
 *
 * @param workingDaysOpen working days from raising to closing (or to now while open), shared calendar
 */
public record CentralLogRow(String alertId, String reference, String childRef, PlanType planType, String teamId,
                            String raisedBy, String raiserRole, String primaryCategory, List<String> categories,
                            Urgency urgency, boolean competenceConcern, String externalAgency, boolean informalFirst,
                            Instant raisedAt, int entryStage, int stage, int stageReached, String status,
                            List<StageRow> stages, int bypasses, String outcome, Instant closedAt,
                            int workingDaysOpen, int reopens, LocalDate cafcassReferredOn,
                            Instant partnershipReferredAt, Instant statutoryDueAt, boolean statutoryTotalExceeded) {
}
