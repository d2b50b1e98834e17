package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * An action the responder commits to.
 *
 * @param actionId    id of the action within the alert
 * @param description what will be done
 * @param ownerId     directory id of the person who will do it
 * @param dueDate     the date it is due
 * @param dueAt       the instant it becomes overdue (end of that day under the alert's policy)
 */
public record AgreedAction(String actionId, String description, String ownerId, LocalDate dueDate, Instant dueAt) {
}
