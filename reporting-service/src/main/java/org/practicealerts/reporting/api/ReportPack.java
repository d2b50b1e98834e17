package org.practicealerts.reporting.api;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * A report with its document line: as JSON the report's fields, plus {@code document}.
 *
 * @param <T> the report (weekly pack, monthly audit, quarterly themes)
 */
public record ReportPack<T>(ReportDocument document, @JsonUnwrapped T report) {
}
