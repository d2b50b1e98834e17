package org.practicealerts.notification;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The notification service's settings, validated at start-up. It sits at the module's root, where every adapter
 * may read it without depending on the wiring in {@code config}.
 *
 * @param alertBaseUrl  the web app's address; links are {@code alertBaseUrl + /alerts/{alertId}}
 * @param retention     how long SENT outbox entries (the delivery log) are kept
 */
@Validated
@ConfigurationProperties("practice-alerts.notification")
public record NotificationProperties(@NotBlank String alertBaseUrl, @NotNull Duration retention,
                                     @Valid @NotNull Delivery delivery,
                                     @Valid @NotNull RateLimit rateLimit, @Valid @NotNull Mail mail,
                                     @Valid @NotNull Teams teams, @Valid @NotNull Digest digest,
                                     @Valid @NotNull Embedded embedded) {

    /**
     * @param workers        sending threads (each destination is served by one of them at a time, in order)
     * @param batchSize      most outbox entries claimed at once
     * @param lease          how long a claim holds before another instance may take the entry over
     * @param pollInterval   the longest the sender waits between looks for due entries (real time)
     * @param initialBackoff first retry delay; doubled per attempt, with jitter
     * @param maxBackoff     the longest retry delay
     * @param maxAttempts    attempts before an entry is FAILED
     * @param instanceId     names this instance's claims; defaults to host and process id
     */
    public record Delivery(@Min(1) int workers, @Min(1) int batchSize, @NotNull Duration lease,
                           @NotNull Duration pollInterval, @NotNull Duration initialBackoff,
                           @NotNull Duration maxBackoff, @Min(1) int maxAttempts, String instanceId) {
    }

    /** Token buckets per destination: each webhook URL, each SMTP host. */
    public record RateLimit(@DecimalMin("0.01") double webhookPerSecond, @Min(1) int webhookBurst,
                            @DecimalMin("0.01") double smtpPerSecond, @Min(1) int smtpBurst) {
    }

    /**
     * @param from      the sender address of every email
     * @param transport SMTP ({@code spring.mail.*}, STARTTLS required) or GRAPH (Microsoft Graph {@code sendMail}, for
     *                  Exchange Online, which ends basic authentication for SMTP)
     * @param graph     the Entra ID application and mailbox, for GRAPH
     */
    public record Mail(@NotBlank String from, MailTransport transport, @Valid Graph graph) {
        public Mail {
            transport = transport == null ? MailTransport.SMTP : transport;
        }
    }

    public enum MailTransport { SMTP, GRAPH }

    /**
     * An Entra ID application with the {@code Mail.Send} application permission, confined to {@code sender} by an
     * Exchange application access policy.
     *
     * @param sender    the mailbox messages are sent from (its user principal name)
     * @param authority Entra ID ({@code https://login.microsoftonline.com}, or a national cloud's)
     * @param endpoint  Microsoft Graph ({@code https://graph.microsoft.com}, or a national cloud's)
     */
    public record Graph(String tenantId, String clientId, String clientSecret, String sender, URI authority,
                        URI endpoint, Duration timeout) {
        public Graph {
            authority = authority == null ? URI.create("https://login.microsoftonline.com") : authority;
            endpoint = endpoint == null ? URI.create("https://graph.microsoft.com") : endpoint;
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }

    /**
     * @param connectTimeout  webhook connection timeout
     * @param requestTimeout  webhook response timeout
     * @param maxCardBytes    the most a card envelope may weigh (Teams refuses over 28 KB)
     * @param fallbackWebhookBase when set, people without a webhook get {@code base + personId} (embedded demo only)
     */
    public record Teams(@NotNull Duration connectTimeout, @NotNull Duration requestTimeout,
                        @Min(1024) @Max(28 * 1024) int maxCardBytes, String fallbackWebhookBase) {
    }

    /** One email a working day, at {@code localTime} in {@code zone}, for people who chose DIGEST. */
    public record Digest(boolean enabled, @NotNull LocalTime localTime, @NotNull ZoneId zone) {
    }

    /**
     * The embedded default's stand-ins.
     *
     * @param smtpPort        the in-JVM GreenMail SMTP server's port
     * @param sinkCapacity    cards (and mails) the dev views keep
     */
    public record Embedded(@Min(0) int smtpPort, @Min(1) int sinkCapacity) {
    }
}
