package org.practicealerts.notification.dev;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.context.SmartLifecycle;

/**
 * The embedded default's SMTP server: GreenMail in this JVM, accepting any address, keeping what it receives in
 * memory for {@code GET /dev/mail}. Starts before the dispatcher, so the first send finds it listening.
 */
public class DevMail implements SmartLifecycle {

    /** One received message, as the dev view shows it. */
    public record Mail(String id, String messageId, String to, String subject, String text) {
    }

    private final int port;
    private volatile GreenMail greenMail;
    /**
     * Earlier runs of the server (oldest first), kept so a stop for an outage loses nothing: a message a client
     * was still handing over while the server stopped is stored in that run, and still shown.
     */
    private final List<Managers> retired = new ArrayList<>();

    public DevMail(int port) {
        this.port = port;
    }

    @Override
    public synchronized void start() {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtp);
        greenMail.start();
    }

    @Override
    public synchronized void stop() {
        if (greenMail != null) {
            // The run's store outlives the server: a handover that completes while it stops still lands there.
            retired.add(greenMail.getManagers());
            greenMail.stop();
            greenMail = null;
        }
    }

    @Override
    public boolean isRunning() {
        return greenMail != null;
    }

    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    /** The last {@code limit} messages, newest first, across restarts of the server. */
    public synchronized List<Mail> last(int limit) {
        List<Mail> out = new ArrayList<>();
        GreenMail g = greenMail;
        MimeMessage[] current = g == null ? new MimeMessage[0] : g.getReceivedMessages();
        for (int i = current.length - 1; i >= 0 && out.size() < limit; i--) {
            out.add(of(current[i]));
        }
        for (int r = retired.size() - 1; r >= 0 && out.size() < limit; r--) {
            List<StoredMessage> earlier = retired.get(r).getImapHostManager().getAllMessages();
            for (int i = earlier.size() - 1; i >= 0 && out.size() < limit; i--) {
                out.add(of(earlier.get(i).getMimeMessage()));
            }
        }
        return out;
    }

    private static Mail of(MimeMessage m) {
        try {
            Address[] to = m.getRecipients(Message.RecipientType.TO);
            String recipients = to == null ? "" : Arrays.stream(to).map(Address::toString).collect(Collectors.joining(", "));
            return new Mail(m.getHeader("X-Practice-Alerts-Notification", null), m.getMessageID(), recipients,
                    m.getSubject(), plainText(m));
        } catch (MessagingException | IOException e) {
            return new Mail(null, null, "?", "?", "unreadable: " + e.getClass().getSimpleName());
        }
    }

    static String plainText(MimeMessage m) throws MessagingException, IOException {
        Object content = m.getContent();
        if (content instanceof Multipart mp) {
            String text = firstText(mp);
            if (text != null) {
                return text;
            }
        }
        return GreenMailUtil.getBody(m);
    }

    private static String firstText(Multipart mp) throws MessagingException, IOException {
        for (int i = 0; i < mp.getCount(); i++) {
            var part = mp.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return String.valueOf(part.getContent());
            }
            if (part.getContent() instanceof Multipart inner) {
                String t = firstText(inner);
                if (t != null) {
                    return t;
                }
            }
        }
        return null;
    }
}
