package org.practicealerts.notification.render;

/**
 * Everything a message may say, and nothing more: the alert's reference, its stage, what is asked and by when, and
 * a link. Built from ids, numbers and instants only, so no template can leak a child's details, the concern's text
 * or competence detail, whatever it is given.
 *
 * @param eventType the event's type name (AlertRaised, ...)
 * @param title     one line, also the email subject
 * @param reference the alert's reference (or its id when the reference is not known)
 * @param stage     the alert's stage, or null (commendations)
 * @param ask       what the recipient is asked to do
 * @param dueBy     by when, worded in UK time, or null
 * @param why       why this person is told (their part in the alert)
 * @param link      where to read the alert
 */
public record Notice(String eventType, String title, String reference, Integer stage, String ask, String dueBy,
                     String why, String link) {
}
