package org.practicealerts.reporting.domain;

import java.time.Instant;
import org.practicealerts.events.PlanType;

/** Good practice recorded for a team (positive feedback in the monthly audit). */
public record Commendation(String commendationId, Instant recordedAt, String childRef, PlanType planType,
                           String teamId, String recordedBy, String category) {
}
