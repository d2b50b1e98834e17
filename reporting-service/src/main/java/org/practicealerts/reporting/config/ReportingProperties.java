package org.practicealerts.reporting.config;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What every report document carries (the packs as pages and spreadsheets, the central log's workbook).
 *
 * @param councilName       the council the reports are about ({@code COUNCIL_NAME}, shared with the web app)
 * @param protectiveMarking printed at the top and bottom of every page and sheet ({@code PROTECTIVE_MARKING};
 *                          OFFICIAL-SENSITIVE by default: the reports describe children's cases)
 */
@Validated
@ConfigurationProperties("practice-alerts.reporting")
public record ReportingProperties(@NotBlank String councilName, @NotBlank String protectiveMarking) {
}
