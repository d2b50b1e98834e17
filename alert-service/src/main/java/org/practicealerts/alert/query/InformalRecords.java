package org.practicealerts.alert.query;

import java.util.Optional;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.events.InformalResolutionRecorded;
import org.springframework.stereotype.Component;

/**
 * The informal resolutions recorded on their own, as a formal alert names one ({@code informalResolution.recordId}):
 * read from the record's own events, so a link is checked against what was recorded, not against a projection that
 * may lag.
 */
@Component
public class InformalRecords {

    static final String FIELD = "informalResolution.recordId";

    private final EventStore events;

    public InformalRecords(EventStore events) {
        this.events = events;
    }

    /**
     * Refuses a link to an informal resolution that was never recorded, or that is about another child: the formal
     * alert would otherwise count an informal attempt that did not happen, or another child's.
     */
    public void requireLinkable(String recordId, String childRef) {
        if (recordId == null) {
            return;
        }
        InformalResolutionRecorded recorded = find(recordId).orElseThrow(() -> AlertRefused.invalid(FIELD,
                "no informal resolution " + recordId + " is recorded"));
        if (!recorded.childRef().equals(childRef)) {
            throw AlertRefused.invalid(FIELD, "the informal resolution " + recordId + " is about another child");
        }
    }

    private Optional<InformalResolutionRecorded> find(String recordId) {
        return events.readEvents(recordId).asStream().findFirst().map(m -> m.getPayload())
                .filter(InformalResolutionRecorded.class::isInstance).map(InformalResolutionRecorded.class::cast);
    }
}
