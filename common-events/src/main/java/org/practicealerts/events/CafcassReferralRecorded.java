package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The IRO referred a looked-after child's case to Cafcass. The alert stays open. */
public record CafcassReferralRecorded(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                                      int stage, String referredBy, LocalDate referredOn, String note,
                                      List<Recipient> recipients) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
