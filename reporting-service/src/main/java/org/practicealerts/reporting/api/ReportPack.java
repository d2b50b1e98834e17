package org.practicealerts.reporting.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Map;

/**
 * A report with its document line: as JSON the report's fields, plus {@code document} and {@code teamNames}.
 *
 * @param teamNames every team the directory knows, id to name, so a page can name the teams the report counts by id
 * @param <T>       the report (weekly pack, monthly audit, quarterly themes)
 */
public record ReportPack<T>(ReportDocument document, Map<String, String> teamNames, @JsonUnwrapped T report) {
}
