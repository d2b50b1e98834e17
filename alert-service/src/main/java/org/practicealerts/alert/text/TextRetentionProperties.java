package org.practicealerts.alert.text;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a closed alert's free text is kept, under {@code practice-alerts.text-retention}: the council's retention
 * schedule decides ({@code TEXT_RETENTION_AFTER_CLOSURE}, an ISO period). Counted from the alert's last change after
 * it closed, so a note added to a closed alert restarts it.
 *
 * @param afterClosure the period, {@code P6Y} (six years, a common schedule for quality-assurance records) if unset
 * @param enabled      false to keep text until an administrator erases it
 */
@ConfigurationProperties("practice-alerts.text-retention")
public record TextRetentionProperties(Period afterClosure, Boolean enabled) {

    public TextRetentionProperties {
        afterClosure = afterClosure == null ? Period.ofYears(6) : afterClosure;
        enabled = enabled == null || enabled;
        if (afterClosure.isNegative() || afterClosure.isZero()) {
            throw new IllegalArgumentException("practice-alerts.text-retention.after-closure must be positive");
        }
    }
}
