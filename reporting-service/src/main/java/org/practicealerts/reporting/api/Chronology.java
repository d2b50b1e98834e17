package org.practicealerts.reporting.api;

import java.time.Instant;
import java.util.List;

/** Every alert about one child, oldest first, with every stage, response and outcome. */
public record Chronology(String childRef, List<Alert> alerts) {

    public record Alert(String alertId, String reference, String planType, String teamId, String raisedBy,
                        Instant raisedAt, String status, int stageReached, String outcome, boolean competenceConcern,
                        List<StageRow> stages, List<ChronologyEntry> entries) {
    }
}
