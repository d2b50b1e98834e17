package org.practicealerts.events;

/**
 * A person who must be told about an event, and why. The alert-service decides who; the notification
 * service decides how.
 *
 * @param personId directory id of the person
 * @param reason   why they are told
 */
public record Recipient(String personId, RecipientReason reason) {
}
