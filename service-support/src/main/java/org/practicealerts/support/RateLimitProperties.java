package org.practicealerts.support;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Per-person limits on what a stolen token or a runaway script could do fastest, under
 * {@code practice-alerts.rate-limits}. Counted per service instance. A person is never near them at work: a manager
 * records a few responses an hour and downloads a handful of exports a day.
 *
 * @param commandsPerMinute changes (POST, PUT, PATCH, DELETE under {@code /api/}) a person may make each minute
 * @param exportsPerMinute  reports and downloads (report paths, and any CSV, XLSX or HTML document) each minute
 * @param enabled           false only where a load test needs it
 */
@ConfigurationProperties("practice-alerts.rate-limits")
public record RateLimitProperties(Integer commandsPerMinute, Integer exportsPerMinute, Boolean enabled) {

    public RateLimitProperties {
        commandsPerMinute = commandsPerMinute == null ? 60 : commandsPerMinute;
        exportsPerMinute = exportsPerMinute == null ? 30 : exportsPerMinute;
        enabled = enabled == null || enabled;
        if (commandsPerMinute < 1 || exportsPerMinute < 1) {
            throw new IllegalArgumentException("practice-alerts.rate-limits: limits must be at least 1 a minute");
        }
    }
}
