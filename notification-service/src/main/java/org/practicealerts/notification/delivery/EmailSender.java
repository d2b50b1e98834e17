package org.practicealerts.notification.delivery;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * Email by SMTP: a multipart/alternative message, plain text and HTML. Timeouts are set on the mail session
 * ({@code spring.mail.properties}). Each sending thread keeps its SMTP connection open between messages: opening
 * one costs far more than a message (about 60 ms against 7 ms on GreenMail). A connection found dead, or idle too
 * long, is replaced once before the attempt counts as failed.
 */
public class EmailSender implements Sender, AutoCloseable {

    private static final long MAX_IDLE_NANOS = 20_000_000_000L;

    private static final class Connection {
        final Transport transport;
        long lastUsed;

        Connection(Transport transport) {
            this.transport = transport;
        }
    }

    private final JavaMailSenderImpl mail;
    private final String from;
    private final String rateKey;
    private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();

    public EmailSender(JavaMailSenderImpl mail, String from, String smtpServer) {
        this.mail = mail;
        this.from = from;
        this.rateKey = "smtp:" + smtpServer;
    }

    @Override
    public void send(OutboxEntry e) throws DeliveryFailure {
        MimeMessage m = NoticeMessages.build(mail.getSession(), e, from);
        try {
            transmit(m, true);
        } catch (SendFailedException refused) {
            if (permanentlyRefused(refused)) {
                throw DeliveryFailure.permanentFailure("address refused: " + firstLine(refused));
            }
            // A temporary refusal (4xx) or a connection that broke mid-conversation ([EOF]): try again later.
            discard();
            throw DeliveryFailure.transientFailure("not accepted now: " + firstLine(refused));
        } catch (MessagingException down) {
            throw DeliveryFailure.transientFailure(down.getClass().getSimpleName() + ": " + firstLine(down));
        }
    }

    /**
     * Only a server's permanent (5xx) refusal of a recipient ends a delivery; a send that failed without naming an
     * invalid address (the server went away) or with a 4xx is retried.
     */
    static boolean permanentlyRefused(SendFailedException e) {
        Address[] invalid = e.getInvalidAddresses();
        if (invalid == null || invalid.length == 0) {
            return false;
        }
        for (Exception next = e; next != null;
             next = next instanceof MessagingException me ? me.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode() >= 500;
            }
        }
        return true;
    }

    private void transmit(MimeMessage m, boolean mayReconnect) throws MessagingException {
        Connection c = connection();
        try {
            c.transport.sendMessage(m, m.getAllRecipients());
            c.lastUsed = System.nanoTime();
        } catch (SendFailedException refused) {
            throw refused;
        } catch (MessagingException broken) {
            discard();
            if (!mayReconnect) {
                throw broken;
            }
            transmit(m, false);
        }
    }

    private Connection connection() throws MessagingException {
        Connection c = connections.get(Thread.currentThread());
        if (c != null && (!c.transport.isConnected() || System.nanoTime() - c.lastUsed > MAX_IDLE_NANOS)) {
            discard();
            c = null;
        }
        if (c == null) {
            Transport t = mail.getSession().getTransport(mail.getProtocol() == null ? "smtp" : mail.getProtocol());
            t.connect(mail.getHost(), mail.getPort(), blankToNull(mail.getUsername()), blankToNull(mail.getPassword()));
            c = new Connection(t);
            c.lastUsed = System.nanoTime();
            connections.put(Thread.currentThread(), c);
        }
        return c;
    }

    private void discard() {
        Connection c = connections.remove(Thread.currentThread());
        if (c != null) {
            try {
                c.transport.close();
            } catch (MessagingException ignored) {
                // already broken
            }
        }
    }

    @Override
    public String rateKey(OutboxEntry entry) {
        return rateKey;
    }

    @Override
    public void close() {
        connections.values().forEach(c -> {
            try {
                c.transport.close();
            } catch (MessagingException ignored) {
                // closing anyway
            }
        });
        connections.clear();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
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
