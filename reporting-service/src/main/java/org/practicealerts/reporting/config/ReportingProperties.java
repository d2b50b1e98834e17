package org.practicealerts.reporting.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The reporting service's settings, validated at start-up.
 *
 * @param calendar      the same working-day calendar settings as the alert-service ({@code practice-alerts.calendar})
 */
@Validated
@ConfigurationProperties("practice-alerts.reporting")
public record ReportingProperties(@Valid @NotNull Calendar calendar) {

    /** Mirrors the alert-service's {@code practice-alerts.calendar} block so both count working days alike. */
    public record Calendar(@NotNull BankHolidaySource bankHolidays, String govUkFile, String division,
                           @Min(2000) @Max(2100) int fromYear, @Min(2000) @Max(2100) int toYear,
                           List<LocalDate> closureDays) {
        public List<LocalDate> closureDays() {
            return closureDays == null ? List.of() : closureDays;
        }
    }

    /** Where the bank holidays come from: Jollyday's rules, or a gov.uk JSON file (bundled when no file is named). */
    public enum BankHolidaySource { JOLLYDAY, GOV_UK_FILE }
}
