package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** At the procedure's final stage, the matter was referred to the Safeguarding Children Partnership. */
public record PartnershipReferralRecorded(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                                          int stage, String referredBy, String note, List<Recipient> recipients)
        implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
