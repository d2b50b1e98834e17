package org.practicealerts.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/** Email by SMTP: a multipart/alternative message, plain text and HTML. Timeouts are set on the mail session. */
public class EmailSender implements Sender {

    private final JavaMailSender mail;
    private final String from;
    private final String rateKey;

    public EmailSender(JavaMailSender mail, String from, String smtpHost) {
        this.mail = mail;
        this.from = from;
        this.rateKey = "smtp:" + smtpHost;
    }

    @Override
    public void send(OutboxEntry e) throws DeliveryFailure {
        if (e.destination() == null || e.destination().isBlank()) {
            throw DeliveryFailure.permanentFailure("no email address");
        }
        try {
            MimeMessage m = mail.createMimeMessage();
            MimeMessageHelper h = new MimeMessageHelper(m, true, StandardCharsets.UTF_8.name());
            h.setFrom(from);
            h.setTo(e.destination());
            h.setSubject(e.subject());
            h.setText(e.text(), e.html());
            // Lets a receiving system (and the tests) recognise a duplicate.
            m.setHeader("X-Practice-Alerts-Notification", e.id());
            mail.send(m);
        } catch (MailParseException | MailPreparationException | MailAuthenticationException bad) {
            throw DeliveryFailure.permanentFailure(bad.getClass().getSimpleName());
        } catch (MailException | MessagingException down) {
            throw DeliveryFailure.transientFailure(down.getClass().getSimpleName() + ": " + firstLine(down));
        }
    }

    @Override
    public String rateKey(OutboxEntry entry) {
        return rateKey;
    }

    private static String firstLine(Exception e) {
        String m = e.getMessage();
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        String line = nl < 0 ? m : m.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) : line;
    }
}
