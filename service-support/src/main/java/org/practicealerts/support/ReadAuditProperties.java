package org.practicealerts.support;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keep how long a read stays in the audit ({@code READ_AUDIT_KEEP}); two years unless the council's
 *             retention schedule says otherwise
 */
@ConfigurationProperties("practice-alerts.read-audit")
public record ReadAuditProperties(Duration keep) {

    public ReadAuditProperties {
        keep = keep == null ? Duration.ofDays(730) : keep;
        if (keep.isNegative() || keep.isZero()) {
            throw new IllegalArgumentException("practice-alerts.read-audit.keep must be positive");
        }
    }
}
