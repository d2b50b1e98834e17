package org.practicealerts.reporting.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/**
 * A report with its document line: as JSON the report's fields, plus {@code document}, {@code teamNames} and
 * {@code people}.
 *
 * @param teamNames every team the directory knows, id to name, so a page can name the teams the report counts by id
 * @param people    the staff the report names by id (raisers, responders, who did each step), id to name
 * @param <T>       the report (weekly pack, monthly audit, quarterly themes, chronology)
 */
public record ReportPack<T>(ReportDocument document, Map<String, String> teamNames, Map<String, String> people,
                            @JsonUnwrapped T report) {
}
