package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/**
 * The formal process ran past its statutory total (IRO Handbook: 20 working days for looked-after children).
 *
 * @param considerCafcass true for a looked-after child not yet referred: the IRO should consider Cafcass
 */
public record StatutoryTotalExceeded(String eventId, String alertId, Instant occurredAt, int schemaVersion, int stage,
                                     Instant statutoryDueAt, boolean considerCafcass, List<Recipient> recipients)
        implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
