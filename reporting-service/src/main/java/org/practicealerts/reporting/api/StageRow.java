package org.practicealerts.reporting.api;

import java.time.Instant;

/**
 * One turn of an alert at a stage.
 *
 * @param entry  how the stage was entered: RAISED, ESCALATED, REOPENED, FURTHER_ACTIONS
 * @param onTime whether the response came by {@code dueAt}; null while unanswered
 * @param leftBy how it ended unanswered (DEADLINE_MISSED, RESPONSE_INADEQUATE, BYPASS, CLOSED, ...), or null
 */
public record StageRow(int stage, String entry, Instant enteredAt, String responderId, String responderRole,
                       Instant dueAt, Instant respondedAt, String respondedBy, Boolean onTime, String leftBy) {
}
