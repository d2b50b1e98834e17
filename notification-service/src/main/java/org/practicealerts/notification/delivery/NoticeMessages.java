package org.practicealerts.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.springframework.mail.javamail.MimeMessageHelper;

/** The email of a notice, the same over SMTP and Microsoft Graph: text and HTML, a stable Message-ID, urgency flagged. */
final class NoticeMessages {

    private NoticeMessages() {
    }

    static MimeMessage build(Session session, OutboxEntry e, String from) throws DeliveryFailure {
        if (e.destination() == null || e.destination().isBlank()) {
            throw DeliveryFailure.permanentFailure("no email address");
        }
        try {
            MimeMessage m = new StableIdMessage(session, messageId(e.id()));
            MimeMessageHelper h = new MimeMessageHelper(m, true, StandardCharsets.UTF_8.name());
            h.setFrom(from);
            h.setTo(e.destination());
            h.setSubject(e.subject());
            h.setText(e.text(), e.html());
            // Lets a receiving system (and the tests) recognise a duplicate.
            m.setHeader("X-Practice-Alerts-Notification", e.id());
            if (e.told().urgent()) {
                // An immediate risk of harm: flagged high importance in Outlook (Importance) and older clients.
                m.setHeader("Importance", "high");
                m.setHeader("X-Priority", "1");
            }
            m.saveChanges();
            return m;
        } catch (AddressException bad) {
            throw DeliveryFailure.permanentFailure("invalid address");
        } catch (MessagingException bad) {
            throw DeliveryFailure.permanentFailure("unbuildable message: " + bad.getClass().getSimpleName());
        }
    }

    /**
     * The Message-ID of a notification: the same on every attempt, so when a server stored a message but its reply
     * was lost (the connection broke after the data) the retry's copy is recognised as the same message and
     * collapsed by the receiving mail system (Exchange's duplicate detection works on Message-ID).
     */
    static String messageId(String notificationId) {
        return "<" + notificationId.replaceAll("[^A-Za-z0-9._/-]", ".") + "@practice-alerts>";
    }

    /** A message whose Message-ID is fixed by the caller rather than made up afresh on every save. */
    private static final class StableIdMessage extends MimeMessage {
        private final String id;

        StableIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
