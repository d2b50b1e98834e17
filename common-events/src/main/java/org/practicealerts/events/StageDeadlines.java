package org.practicealerts.events;

import java.time.Instant;

/**
 * Deadlines set when an alert enters a stage, computed from the policy at that moment.
 *
 * @param responseDueAt when the response is due
 * @param reminderAt    when to remind the responder, or {@code null} when the policy sets no reminder
 */
public record StageDeadlines(Instant responseDueAt, Instant reminderAt) {
}
