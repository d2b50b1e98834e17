package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/**
 * Good practice was recorded (positive feedback). No escalation follows; counted in monthly management
 * information per team.
 */
public record CommendationRecorded(String eventId, String commendationId, Instant occurredAt, int schemaVersion,
                                   String childRef, PlanType planType, String teamId, String recordedBy,
                                   List<String> commendedPersonIds, String category, String text,
                                   List<Recipient> recipients) implements PracticeEvent {
    public static final int SCHEMA_VERSION = 1;

    @Override
    public String aggregateId() {
        return commendationId;
    }
}
