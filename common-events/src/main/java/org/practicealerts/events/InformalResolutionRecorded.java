package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An independent officer recorded an informal attempt to resolve a concern with the child's social worker or team
 * manager (seed 003: the "CP informal resolution" form; seed 001: the concern "highlighted verbally with the Social
 * Worker"), whether or not a formal alert follows. A formal alert raised afterwards names this record
 * ({@link InformalResolution#recordId}), so reports count informal attempts against formal alerts.
 *
 * @param recordId     the record's id
 * @param withPersonId who it was discussed with (a directory person), or null
 * @param outcome      what was agreed (free text, never in messages)
 * @param resolved     whether the concern was resolved informally; false means a formal alert is expected
 */
public record InformalResolutionRecorded(String eventId, String recordId, Instant occurredAt, int schemaVersion,
                                         String childRef, PlanType planType, String teamId, String recordedBy,
                                         String withPersonId, LocalDate discussedOn, String outcome, boolean resolved,
                                         List<Recipient> recipients) implements PracticeEvent {
    public static final int SCHEMA_VERSION = 1;

    public InformalResolutionRecorded {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    @Override
    public String aggregateId() {
        return recordId;
    }
}
