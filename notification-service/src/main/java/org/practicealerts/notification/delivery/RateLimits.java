package org.practicealerts.notification.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per destination (each webhook URL, the SMTP server), refilled by the injected clock's time, so
 * that a burst of alerts never floods one Teams channel (Workflows throttles at a few posts a second) or the mail
 * relay. Also remembers a destination's own "not before" (Teams' Retry-After).
 */
public class RateLimits {

    private record Limit(double perSecond, int burst) {
    }

    private static final class Bucket {
        double tokens;
        Instant refilledAt;
        Instant notBefore;

        Bucket(int burst, Instant now) {
            this.tokens = burst;
            this.refilledAt = now;
        }
    }

    private final Limit webhook;
    private final Limit smtp;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public RateLimits(double webhookPerSecond, int webhookBurst, double smtpPerSecond, int smtpBurst) {
        this.webhook = new Limit(webhookPerSecond, webhookBurst);
        this.smtp = new Limit(smtpPerSecond, smtpBurst);
    }

    /** Takes a token for {@code key} at {@code now}; returns zero when granted, or how long to wait otherwise. */
    public Duration acquire(String key, Instant now) {
        Limit limit = key.startsWith("smtp:") ? smtp : webhook;
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), now));
        synchronized (b) {
            if (b.notBefore != null && now.isBefore(b.notBefore)) {
                return Duration.between(now, b.notBefore);
            }
            long elapsedNanos = Duration.between(b.refilledAt, now).toNanos();
            if (elapsedNanos > 0) {
                b.tokens = Math.min(limit.burst(), b.tokens + elapsedNanos / 1e9 * limit.perSecond());
                b.refilledAt = now;
            }
            if (b.tokens >= 1) {
                b.tokens -= 1;
                return Duration.ZERO;
            }
            return Duration.ofNanos((long) Math.ceil((1 - b.tokens) / limit.perSecond() * 1e9));
        }
    }

    /** The destination asked for a pause (HTTP 429 Retry-After): nothing goes to it before {@code until}. */
    public void pauseUntil(String key, Instant until) {
        Limit limit = key.startsWith("smtp:") ? smtp : webhook;
        Bucket b = buckets.computeIfAbsent(key, k -> new Bucket(limit.burst(), until));
        synchronized (b) {
            if (b.notBefore == null || until.isAfter(b.notBefore)) {
                b.notBefore = until;
            }
        }
    }
}
