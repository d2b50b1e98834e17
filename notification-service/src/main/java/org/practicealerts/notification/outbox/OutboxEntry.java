package org.practicealerts.notification.outbox;

import java.time.Instant;

/**
 * One message to deliver: one event, one recipient, one channel. Its id {@code eventId:recipient:channel} makes a
 * redelivered event insert nothing new.
 *
 * @param recipient   a person id, or {@code team:<teamId>} for a team channel card
 * @param told        why the recipient is told (every reason, most urgent first) and how urgently
 * @param destination email address or webhook URL (never shown outside delivery: a webhook URL is a secret)
 * @param subject     email subject (emails only)
 * @param text        plain text (emails only)
 * @param html        HTML (emails only)
 * @param card        the Workflows message JSON (Teams only)
 */
public record OutboxEntry(String id, String eventId, String alertId, String eventType, String recipient,
                          Told told, Channel channel, String destination, String subject, String text,
                          String html, String card, State state, int attempts, Instant createdAt,
                          Instant nextAttemptAt, Instant sentAt, String lastError, String token) {

    /** PENDING → SENDING (claimed, with a lease deadline) → SENT, or back to PENDING to retry, or FAILED. */
    public enum State { PENDING, SENDING, SENT, FAILED }

    /** The most urgent reason the recipient is told for, or null. */
    public String reason() {
        return told.reason();
    }

    public static String id(String eventId, String recipient, Channel channel) {
        return eventId + ":" + recipient + ":" + channel.name();
    }
}
