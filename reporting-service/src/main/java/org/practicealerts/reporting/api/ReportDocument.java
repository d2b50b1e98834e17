package org.practicealerts.reporting.api;

import java.time.Instant;

/**
 * What makes a report a document a meeting can file: whose it is, how it must be handled, what period it covers and
 * who produced it when.
 *
 * @param council         the council's name
 * @param marking         the protective marking (e.g. OFFICIAL-SENSITIVE)
 * @param title           e.g. "Weekly pack"
 * @param period          the period in words, e.g. "Monday 7 December 2026 to Sunday 13 December 2026"
 * @param generatedAt     when it was produced
 * @param generatedBy     the directory id of the person who asked for it
 * @param generatedByName their name as the directory has it (their id when it has none)
 */
public record ReportDocument(String council, String marking, String title, String period, Instant generatedAt,
                             String generatedBy, String generatedByName) {
}
