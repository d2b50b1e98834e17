package org.practicealerts.notification.delivery;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.function.Predicate;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.support.WebhookPolicy;

/**
 * Posts an Adaptive Card to a Power Automate Workflows webhook. 2xx is delivered; 408, 429 (honouring Retry-After)
 * and 5xx are tried again; any other 4xx is permanent (a deleted flow, a bad URL). The URL itself is a secret: it is
 * never logged or put in an error, only its host. Before each post the URL is checked again against the
 * {@link WebhookPolicy} (what a host name resolves to can change after it was saved); one refused is a permanent
 * failure. The operator's own fallback (the demo's sink) is trusted as configuration.
 */
public class TeamsSender implements Sender {

    private final HttpClient http;
    private final Duration requestTimeout;
    private final WebhookPolicy policy;
    private final Predicate<String> trusted;

    public TeamsSender(Duration connectTimeout, Duration requestTimeout, WebhookPolicy policy,
                       Predicate<String> trusted) {
        this.policy = policy;
        this.trusted = trusted;
        this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1).build();
        this.requestTimeout = requestTimeout;
    }

    @Override
    public void send(OutboxEntry e) throws DeliveryFailure {
        if (e.destination() == null || e.destination().isBlank()) {
            throw DeliveryFailure.permanentFailure("no Teams webhook");
        }
        URI uri;
        try {
            uri = URI.create(e.destination());
        } catch (IllegalArgumentException bad) {
            throw DeliveryFailure.permanentFailure("malformed webhook URL");
        }
        if (!trusted.test(e.destination())) {
            String refused = policy.refusal(e.destination()).orElse(null);
            if (refused != null) {
                // The reason names the host only, never the URL's secret path and signature.
                throw DeliveryFailure.permanentFailure("webhook refused: " + refused);
            }
        }
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(requestTimeout)
                .header("Content-Type", "application/json")
                // Lets a receiving system (and the tests) recognise a duplicate; Workflows ignores it.
                .header("X-Practice-Alerts-Notification", e.id())
                .POST(HttpRequest.BodyPublishers.ofString(e.card())).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (HttpTimeoutException slow) {
            throw DeliveryFailure.transientFailure("timeout from " + uri.getHost());
        } catch (IOException down) {
            throw DeliveryFailure.transientFailure(down.getClass().getSimpleName() + " from " + uri.getHost());
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.transientFailure("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String what = "HTTP " + status + " from " + uri.getHost();
        if (status == 429) {
            throw new DeliveryFailure(what, false, retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
        }
        if (status == 408 || status >= 500) {
            throw DeliveryFailure.transientFailure(what);
        }
        throw DeliveryFailure.permanentFailure(what);
    }

    @Override
    public String rateKey(OutboxEntry e) {
        return "webhook:" + e.destination();
    }

    /** Retry-After in seconds (the HTTP-date form is rare for webhooks; it falls back to the normal backoff). */
    static Duration retryAfter(String header) {
        if (header == null) {
            return null;
        }
        try {
            long s = Long.parseLong(header.trim());
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException notSeconds) {
            return null;
        }
    }
}
