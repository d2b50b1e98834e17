package org.practicealerts.reporting.api;

import java.time.Instant;

/**
 * One line of an alert's history as the chronology prints it.
 *
 * @param detail free text recorded with the event (response, outcome, reason); withheld from viewers not entitled to
 *               a competence concern's detail
 */
public record ChronologyEntry(Instant at, String event, Integer stage, String actor, String detail) {
}
