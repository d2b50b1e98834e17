package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/** After an action review found practice had not improved, the raiser re-opened the alert at a higher stage. */
public record AlertReopened(String eventId, String alertId, Instant occurredAt, int schemaVersion,
                            int fromStage, int toStage, String reopenedBy, String reason, Assignment responder,
                            StageDeadlines deadlines, List<Recipient> recipients) implements AlertEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
