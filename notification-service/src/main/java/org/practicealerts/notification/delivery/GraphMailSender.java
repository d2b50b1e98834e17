package org.practicealerts.notification.delivery;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Properties;
import org.practicealerts.notification.outbox.OutboxEntry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Email through Microsoft Graph's {@code sendMail}, for councils on Exchange Online, where basic authentication for
 * SMTP is ending: an application token by client credentials from Entra ID (the {@code Mail.Send} application
 * permission, confined to the sending mailbox by an application access policy), cached until a minute before it
 * expires. The message is the same MIME message the SMTP channel sends (stable Message-ID, urgency flagged), posted
 * base64-encoded, so Exchange's duplicate detection still collapses a retried copy.
 */
public class GraphMailSender implements Sender {

    /**
     * @param authority  Entra ID's token authority, {@code https://login.microsoftonline.com}
     * @param graph      Microsoft Graph, {@code https://graph.microsoft.com}
     * @param sender     the mailbox the messages are sent from (its user principal name)
     */
    public record Settings(URI authority, String tenantId, String clientId, String clientSecret, URI graph,
                           String sender, Duration timeout) {
    }

    private record Token(String value, Instant renewAt) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Settings settings;
    private final Clock clock;
    private final HttpClient http;
    private final Session session = Session.getInstance(new Properties());
    private volatile Token token;

    public GraphMailSender(Settings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public void send(OutboxEntry e) throws DeliveryFailure {
        byte[] mime = mime(e);
        HttpRequest request = HttpRequest.newBuilder(settings.graph().resolve("/v1.0/users/"
                        + URLEncoder.encode(settings.sender(), StandardCharsets.UTF_8) + "/sendMail"))
                .timeout(settings.timeout())
                .header("Authorization", "Bearer " + token())
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Base64.getEncoder().encodeToString(mime))).build();
        HttpResponse<String> r = exchange(request, "Graph");
        int status = r.statusCode();
        if (status == 202 || status == 200) {
            return;
        }
        String code = errorCode(r.body());
        if (status == 401) {
            token = null; // expired or revoked early: the next attempt asks for a new one
            throw DeliveryFailure.transientFailure("Graph refused the token (401 " + code + ")");
        }
        if (status == 408 || status == 429 || status >= 500) {
            throw new DeliveryFailure("Graph " + status + " " + code, false, retryAfter(r));
        }
        // 400 (e.g. ErrorInvalidRecipients), 403 (no Mail.Send on this mailbox), 404 (no such mailbox)
        throw DeliveryFailure.permanentFailure("Graph refused the message: " + status + " " + code);
    }

    private byte[] mime(OutboxEntry e) throws DeliveryFailure {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            NoticeMessages.build(session, e, settings.sender()).writeTo(out);
            return out.toByteArray();
        } catch (IOException | MessagingException bad) {
            throw DeliveryFailure.permanentFailure("unbuildable message: " + bad.getClass().getSimpleName());
        }
    }

    /** The application token, fetched again a minute before it expires (or after a 401). */
    private String token() throws DeliveryFailure {
        Token current = token;
        if (current != null && clock.instant().isBefore(current.renewAt())) {
            return current.value();
        }
        String form = "grant_type=client_credentials&scope="
                + URLEncoder.encode(settings.graph().toString().replaceAll("/$", "") + "/.default",
                StandardCharsets.UTF_8)
                + "&client_id=" + URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8)
                + "&client_secret=" + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(settings.authority().resolve("/"
                        + URLEncoder.encode(settings.tenantId(), StandardCharsets.UTF_8) + "/oauth2/v2.0/token"))
                .timeout(settings.timeout()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> r = exchange(request, "Entra ID");
        if (r.statusCode() != 200) {
            // A wrong secret or tenant is a configuration fault: messages wait (and the delivery alert fires)
            throw DeliveryFailure.transientFailure("no Graph token: Entra ID answered " + r.statusCode() + " "
                    + errorCode(r.body()));
        }
        JsonNode body = JSON.readTree(r.body());
        long expiresIn = body.path("expires_in").asLong(300);
        Token fresh = new Token(body.path("access_token").asString(),
                clock.instant().plusSeconds(Math.max(0, expiresIn - 60)));
        token = fresh;
        return fresh.value();
    }

    private HttpResponse<String> exchange(HttpRequest request, String who) throws DeliveryFailure {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException down) {
            throw DeliveryFailure.transientFailure(who + " unreachable: " + down.getClass().getSimpleName());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure("interrupted");
        }
    }

    private static Duration retryAfter(HttpResponse<String> r) {
        return r.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Long.parseLong(v.trim()));
            } catch (NumberFormatException notSeconds) {
                return null;
            }
        }).orElse(null);
    }

    /** The error code Graph or Entra ID names ({@code error.code} or {@code error}); never the message text. */
    private static String errorCode(String body) {
        try {
            JsonNode json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
            JsonNode error = json.path("error");
            String code = error.isObject() ? error.path("code").asString("") : error.asString("");
            return code.replaceAll("[^A-Za-z0-9_.-]", "");
        } catch (RuntimeException notJson) {
            return "";
        }
    }

    @Override
    public String rateKey(OutboxEntry entry) {
        return "graph:" + settings.sender();
    }
}
