package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.Told;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** One email as a mail server receives it: from, to, subject, a text and an HTML alternative, its outbox id. */
class EmailSenderTest {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    EmailSender sender() {
        JavaMailSenderImpl m = new JavaMailSenderImpl();
        m.setHost("127.0.0.1");
        m.setPort(smtp.getSmtp().getPort());
        Properties p = new Properties();
        p.put("mail.smtp.connectiontimeout", "2000");
        p.put("mail.smtp.timeout", "3000");
        m.setJavaMailProperties(p);
        return new EmailSender(m, "practice-alerts@council.example", "smtp");
    }

    static OutboxEntry entry(String to) {
        return entry(to, Told.as("RESPONDER", Urgency.ROUTINE));
    }

    static OutboxEntry entry(String to, Told told) {
        Instant now = Instant.parse("2026-11-24T09:00:00Z");
        return new OutboxEntry("ev-1:tm-north:EMAIL", "ev-1", "a-1", "AlertRaised", "tm-north", told,
                Channel.EMAIL, to, "New practice alert PA-2026-000042 at stage 1", "plain body", "<p>html body</p>",
                null, OutboxEntry.State.SENDING, 0, now, now, null, null, "t");
    }

    @Test
    void sendsAMultipartAlternativeWithTextAndHtml() throws Exception {
        try (EmailSender sender = sender()) {
            sender.send(entry("tm-north@council.example"));
        }

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        MimeMessage m = received[0];
        assertThat(m.getFrom()[0].toString()).isEqualTo("practice-alerts@council.example");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("tm-north@council.example");
        assertThat(m.getSubject()).isEqualTo("New practice alert PA-2026-000042 at stage 1");
        assertThat(m.getHeader("X-Practice-Alerts-Notification")).containsExactly("ev-1:tm-north:EMAIL");
        Multipart related = (Multipart) ((Multipart) m.getContent()).getBodyPart(0).getContent();
        Multipart alternative = (Multipart) related.getBodyPart(0).getContent();
        assertThat(alternative.getContentType()).startsWith("multipart/alternative");
        assertThat(alternative.getBodyPart(0).getContent()).isEqualTo("plain body");
        assertThat(alternative.getBodyPart(1).getContent()).isEqualTo("<p>html body</p>");
    }

    @Test
    void aPersonWithoutAnAddressIsAPermanentFailure() {
        try (EmailSender sender = sender()) {
            assertThatThrownBy(() -> sender.send(entry(null))).isInstanceOfSatisfying(DeliveryFailure.class,
                    f -> assertThat(f.permanent()).isTrue());
            assertThatThrownBy(() -> sender.send(entry("not an address"))).isInstanceOfSatisfying(DeliveryFailure.class,
                    f -> assertThat(f.permanent()).isTrue());
        }
    }

    @Test
    void anImmediateRiskEmailIsSentWithHighImportance() throws Exception {
        try (EmailSender sender = sender()) {
            sender.send(entry("sm-north@council.example", Told.of(List.of(
                    RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER, RecipientReason.RESPONDER),
                    Urgency.IMMEDIATE_RISK)));
        }

        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getHeader("Importance")).containsExactly("high");
        assertThat(m.getHeader("X-Priority")).containsExactly("1");
    }

    @Test
    void aRoutineEmailCarriesNoImportanceHeaders() throws Exception {
        try (EmailSender sender = sender()) {
            sender.send(entry("tm-north@council.example"));
        }

        MimeMessage m = smtp.getReceivedMessages()[0];
        assertThat(m.getHeader("Importance")).isNull();
        assertThat(m.getHeader("X-Priority")).isNull();
    }
}
