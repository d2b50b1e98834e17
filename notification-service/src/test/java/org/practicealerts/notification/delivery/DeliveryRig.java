package org.practicealerts.notification.delivery;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.practicealerts.embedded.MutableClock;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.TestInfra;
import org.practicealerts.notification.NotificationProperties;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxStore;
import org.practicealerts.notification.outbox.Told;
import org.practicealerts.support.WebhookPolicy;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * A dispatcher on real transports: GreenMail (real SMTP) and a JDK HTTP server standing in for a Workflows webhook
 * whose behaviour each test scripts. Time is a {@link MutableClock}; cycles are run explicitly.
 */
public final class DeliveryRig implements AutoCloseable {

    /** What the webhook answers: status, optional Retry-After seconds, optional delay before answering. */
    public record Reply(int status, Integer retryAfterSeconds, Duration delay) {
        public static Reply ok() {
            return new Reply(202, null, Duration.ZERO);
        }
    }

    public final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T09:00:00Z"));
    public final MongoClient mongo = MongoClients.create(TestInfra.mongoUri());
    public final MongoDatabase db = mongo.getDatabase("delivery_" + UUID.randomUUID().toString().replace("-", ""));
    public final OutboxStore store = new OutboxStore(db);
    public final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    public final int smtpPort = freePort();
    public GreenMail greenMail = startGreenMail();
    public final HttpServer webhook;
    /** Every card body the webhook accepted (2xx), in arrival order. */
    public final List<String> cardsReceived = Collections.synchronizedList(new ArrayList<>());
    /** Every request the webhook saw, accepted or not: arrival instant on the test clock. */
    public final ConcurrentLinkedQueue<Instant> webhookHits = new ConcurrentLinkedQueue<>();
    public final AtomicReference<Function<Integer, Reply>> script = new AtomicReference<>(n -> Reply.ok());
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    public final Dispatcher dispatcher;
    public final NotificationProperties.Delivery delivery;

    public DeliveryRig() {
        this(Duration.ofSeconds(30), 8, Duration.ofMillis(800), 1000);
    }

    public DeliveryRig(Duration lease, int maxAttempts, Duration webhookTimeout, double perSecond) {
        try {
            webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        webhook.setExecutor(Executors.newCachedThreadPool());
        webhook.createContext("/hook", ex -> {
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readAllBytes();
            }
            webhookHits.add(clock.instant());
            Reply r = script.get().apply(requests.incrementAndGet());
            if (!r.delay().isZero()) {
                try {
                    Thread.sleep(r.delay().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (r.status() >= 200 && r.status() < 300) {
                cardsReceived.add(new String(body, StandardCharsets.UTF_8));
            }
            if (r.retryAfterSeconds() != null) {
                ex.getResponseHeaders().add("Retry-After", String.valueOf(r.retryAfterSeconds()));
            }
            ex.sendResponseHeaders(r.status(), -1);
            ex.close();
        });
        webhook.start();
        delivery = new NotificationProperties.Delivery(4, 50, lease, Duration.ofMillis(200), Duration.ofSeconds(30),
                Duration.ofMinutes(10), maxAttempts, "rig");
        dispatcher = dispatcher("rig", webhookTimeout, perSecond);
    }

    public Dispatcher dispatcher(String owner, Duration webhookTimeout, double perSecond) {
        return dispatcher(store, owner, webhookTimeout, perSecond);
    }

    /** A dispatcher over {@code outbox} (e.g. one whose writes fail) with the rig's senders, clock and settings. */
    public Dispatcher dispatcher(OutboxStore outbox, String owner, Duration webhookTimeout, double perSecond) {
        Map<Channel, Sender> senders = new EnumMap<>(Channel.class);
        senders.put(Channel.EMAIL, new EmailSender(mailSender(), "alerts@test.example", "localhost:" + smtpPort));
        senders.put(Channel.TEAMS, new TeamsSender(Duration.ofSeconds(2), webhookTimeout,
                new WebhookPolicy(List.of("127.0.0.1", "*.example"), true), url -> false));
        RateLimits limits = new RateLimits(perSecond, (int) Math.max(1, perSecond), perSecond, (int) Math.max(1, perSecond));
        return new Dispatcher(outbox, senders, limits, clock, delivery, owner, meters, new Random(7));
    }

    public JavaMailSenderImpl mailSender() {
        JavaMailSenderImpl m = new JavaMailSenderImpl();
        m.setHost("127.0.0.1");
        m.setPort(smtpPort);
        Properties p = new Properties();
        p.put("mail.smtp.connectiontimeout", "2000");
        p.put("mail.smtp.timeout", "3000");
        p.put("mail.smtp.writetimeout", "3000");
        p.put("mail.smtp.localhost", "localhost");
        m.setJavaMailProperties(p);
        return m;
    }

    public String webhookUrl() {
        return "http://127.0.0.1:" + webhook.getAddress().getPort() + "/hook";
    }

    public GreenMail startGreenMail() {
        GreenMail g = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        g.start();
        greenMail = g;
        return g;
    }

    public void stopGreenMail() {
        greenMail.stop();
    }

    public OutboxEntry email(String eventId, String to) {
        return new OutboxEntry(OutboxEntry.id(eventId, to, Channel.EMAIL), eventId, "alert-1", "AlertRaised", to,
                Told.as("RESPONDER", Urgency.ROUTINE), Channel.EMAIL, to + "@council.example", "Subject " + eventId, "text " + eventId,
                "<p>html " + eventId + "</p>", null, OutboxEntry.State.PENDING, 0, clock.instant(), clock.instant(),
                null, null, null);
    }

    public OutboxEntry card(String eventId, String to) {
        String id = OutboxEntry.id(eventId, to, Channel.TEAMS);
        return new OutboxEntry(id, eventId, "alert-1", "AlertRaised", to, Told.as("RESPONDER", Urgency.ROUTINE),
                Channel.TEAMS, webhookUrl(),
                null, null, null, "{\"type\":\"message\",\"id\":\"" + id + "\"}", OutboxEntry.State.PENDING, 0,
                clock.instant(), clock.instant(), null, null, null);
    }

    /** Messages in the GreenMail mailbox, counted by their outbox id header. */
    public Map<String, Integer> mailsById() {
        Map<String, Integer> out = new HashMap<>();
        for (MimeMessage m : greenMail.getReceivedMessages()) {
            try {
                out.merge(m.getHeader("X-Practice-Alerts-Notification")[0], 1, Integer::sum);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private static final Pattern CARD_ID = Pattern.compile("\"id\":\"([^\"]+)\"");

    /** Cards the webhook accepted, counted by the id they carry. */
    public Map<String, Integer> cardsById() {
        Map<String, Integer> out = new HashMap<>();
        synchronized (cardsReceived) {
            for (String c : cardsReceived) {
                Matcher m = CARD_ID.matcher(c);
                if (m.find()) {
                    out.merge(m.group(1), 1, Integer::sum);
                }
            }
        }
        return out;
    }

    public double counter(String name, String channel) {
        var c = meters.find(name).tag("channel", channel).counter();
        return c == null ? 0 : c.count();
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dispatcher.close();
        webhook.stop(0);
        greenMail.stop();
        db.drop();
        mongo.close();
    }
}
