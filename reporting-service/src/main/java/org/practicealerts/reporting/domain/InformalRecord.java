package org.practicealerts.reporting.domain;

import java.time.Instant;

/** An informal resolution recorded on its own: resolved informally, or followed by a formal alert. */
public record InformalRecord(String recordId, Instant recordedAt, String teamId, String recordedBy,
                             boolean resolved) {
}
