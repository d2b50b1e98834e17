package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.outbox.Told;

/**
 * Email through Microsoft Graph, against a local stand-in for Entra ID's token endpoint and Graph's sendMail: the
 * token is fetched by client credentials and reused, the message Graph receives is the SMTP channel's MIME message,
 * and Graph's answers are sorted into retry (throttled, unavailable, token refused) and give up (a bad recipient).
 */
class GraphMailSenderTest {

    private HttpServer server;
    private final AtomicInteger tokens = new AtomicInteger();
    private final List<String> authorizations = new ArrayList<>();
    private final List<byte[]> posted = new ArrayList<>();
    private volatile int sendStatus = 202;
    private volatile String sendBody = "";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/tenant-1/oauth2/v2.0/token", x -> {
            String form = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean ok = form.contains("grant_type=client_credentials") && form.contains("client_id=app-1")
                    && form.contains("client_secret=s3cret") && form.contains("scope=http");
            respond(x, ok ? 200 : 401, ok ? "{\"access_token\":\"token-" + tokens.incrementAndGet()
                    + "\",\"expires_in\":3600}" : "{\"error\":\"invalid_client\"}");
        });
        server.createContext("/v1.0/users/", x -> {
            assertThat(x.getRequestURI().getRawPath()).isEqualTo("/v1.0/users/practice-alerts%40council.example/sendMail");
            authorizations.add(x.getRequestHeaders().getFirst("Authorization"));
            posted.add(Base64.getDecoder().decode(x.getRequestBody().readAllBytes()));
            if (sendStatus == 429) {
                x.getResponseHeaders().set("Retry-After", "7");
            }
            respond(x, sendStatus, sendBody);
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private GraphMailSender sender() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        return new GraphMailSender(new GraphMailSender.Settings(base, "tenant-1", "app-1", "s3cret", base,
                "practice-alerts@council.example", Duration.ofSeconds(5)),
                Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC));
    }

    private static void respond(HttpExchange x, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            x.getResponseBody().write(bytes);
        }
        x.close();
    }

    @Test
    void sendsTheSmtpChannelsMessageWithAnApplicationTokenItReuses() throws Exception {
        GraphMailSender sender = sender();
        sender.send(EmailSenderTest.entry("tm-north@council.example", Told.as("RESPONDER", Urgency.IMMEDIATE_RISK)));
        sender.send(EmailSenderTest.entry("sm-north@council.example"));

        assertThat(tokens).hasValue(1);
        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-1");
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(posted.get(0)));
        assertThat(m.getFrom()[0].toString()).isEqualTo("practice-alerts@council.example");
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("tm-north@council.example");
        assertThat(m.getSubject()).isEqualTo("New practice alert PA-2026-000042 at stage 1");
        assertThat(m.getMessageID()).isEqualTo(NoticeMessages.messageId("ev-1:tm-north:EMAIL"));
        assertThat(m.getHeader("Importance", null)).isEqualTo("high");
    }

    @Test
    void throttlingAndOutagesAreRetriedAfterGraphsOwnWaitAndABadRecipientIsNot() {
        GraphMailSender sender = sender();
        sendStatus = 429;
        assertThatThrownBy(() -> sender.send(EmailSenderTest.entry("tm-north@council.example")))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                    assertThat(f.permanent()).isFalse();
                    assertThat(f.retryAfter()).isEqualTo(Duration.ofSeconds(7));
                });
        sendStatus = 503;
        assertThatThrownBy(() -> sender.send(EmailSenderTest.entry("tm-north@council.example")))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse());
        sendStatus = 400;
        sendBody = "{\"error\":{\"code\":\"ErrorInvalidRecipients\",\"message\":\"tm-north@council.example\"}}";
        assertThatThrownBy(() -> sender.send(EmailSenderTest.entry("tm-north@council.example")))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> {
                    assertThat(f.permanent()).isTrue();
                    assertThat(f.getMessage()).contains("ErrorInvalidRecipients").doesNotContain("tm-north");
                });
    }

    @Test
    void aRefusedTokenIsFetchedAfreshOnTheNextAttempt() throws Exception {
        GraphMailSender sender = sender();
        sendStatus = 401;
        assertThatThrownBy(() -> sender.send(EmailSenderTest.entry("tm-north@council.example")))
                .isInstanceOfSatisfying(DeliveryFailure.class, f -> assertThat(f.permanent()).isFalse());
        sendStatus = 202;
        sender.send(EmailSenderTest.entry("tm-north@council.example"));

        assertThat(authorizations).containsExactly("Bearer token-1", "Bearer token-2");
    }
}
