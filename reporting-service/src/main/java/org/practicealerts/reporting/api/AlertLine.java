package org.practicealerts.reporting.api;

import java.time.Instant;

/** An alert named in a report: reference and where it stands, ids only. */
public record AlertLine(String alertId, String reference, String teamId, int stage, String responderId,
                        Instant dueAt, int workingDaysOpen) {
}
