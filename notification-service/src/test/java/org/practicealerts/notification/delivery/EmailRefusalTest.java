package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Address;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.junit.jupiter.api.Test;

class EmailRefusalTest {

    private static final InternetAddress TM = address("tm-north@demo-council.example");

    @Test
    void aServerThatWentAwayMidConversationIsRetriedNotGivenUpOn() {
        assertThat(EmailSender.permanentlyRefused(new SendFailedException("[EOF]"))).isFalse();
    }

    @Test
    void aPermanentRefusalOfTheRecipientEndsTheDelivery() {
        assertThat(EmailSender.permanentlyRefused(refused(550))).isTrue();
    }

    @Test
    void aTemporaryRefusalOfTheRecipientIsRetried() {
        assertThat(EmailSender.permanentlyRefused(refused(451))).isFalse();
    }

    @Test
    void everyAttemptAtANotificationCarriesTheSameValidMessageId() {
        String id = NoticeMessages.messageId("4f1c-e2:tm-north:EMAIL");
        assertThat(id).isEqualTo("<4f1c-e2.tm-north.EMAIL@practice-alerts>")
                .isEqualTo(NoticeMessages.messageId("4f1c-e2:tm-north:EMAIL"));
    }

    private static SendFailedException refused(int code) {
        return new SendFailedException("Invalid Addresses",
                new SMTPAddressFailedException(TM, "RCPT TO", code, code + " mailbox unavailable"),
                new Address[0], new Address[0], new Address[] {TM});
    }

    private static InternetAddress address(String a) {
        try {
            return new InternetAddress(a);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
