package org.practicealerts.events;

import java.time.Instant;

/** Someone involved added a note to the alert's record. */
public record NoteAdded(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                        String noteId, String addedBy, String text) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
