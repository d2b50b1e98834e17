package org.practicealerts.alert.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Everything a council configures for the alert-service, validated at start-up.
 *
 * @param policy        a preset id (e.g. seed-002-cro-practice-alert) or {@code file:/path/policy.yaml}
 * @param publicBaseUrl where people reach the product; links in events and messages start here
 */
@Validated
@ConfigurationProperties("practice-alerts")
public record AlertServiceProperties(
        @NotBlank String policy,
        @NotBlank String publicBaseUrl,
        @NotBlank String mongoDatabase,
        @Valid @NotNull Calendar calendar,
        @Valid @NotNull Topics topics,
        @Valid @NotNull Security security,
        @Valid @NotNull EventStore eventStore) {

    /**
     * @param bankHolidays JOLLYDAY (England and Wales, computed) or GOV_UK_FILE (the published gov.uk JSON)
     * @param govUkFile    path of a gov.uk {@code bank-holidays.json}; empty means the copy shipped in the product
     * @param closureDays  the council's own closure days (e.g. between Christmas and New Year)
     */
    public record Calendar(@NotNull BankHolidaySource bankHolidays, String govUkFile, String division,
                           @Min(2000) @Max(2100) int fromYear, @Min(2000) @Max(2100) int toYear,
                           List<LocalDate> closureDays) {
        public List<LocalDate> closureDays() {
            return closureDays == null ? List.of() : closureDays;
        }
    }

    public enum BankHolidaySource { JOLLYDAY, GOV_UK_FILE }

    /**
     * @param events     the alert event stream (kept forever: projections rebuild from it)
     * @param directory  the compacted directory topic
     * @param commands   deadline commands from the escalation service (kept until the alert-service reads them)
     * @param partitions partitions for the event topic (alerts are keyed by id, so each alert stays in order)
     */
    public record Topics(@NotBlank String events, @NotBlank String directory, @NotBlank String commands,
                         @Min(1) int partitions, @Min(1) short replicas) {
    }

    /**
     * @param rolesClaim       the JWT claim holding roles; a dotted path such as {@code realm_access.roles} works
     * @param personIdClaim    the JWT claim holding the caller's directory person id ({@code sub} when unset)
     * @param devTokens        whether the embedded default's dev token endpoint exists (embedded profile only)
     * @param devKeyFile       where the embedded default keeps its signing key, shared by every service process
     */
    public record Security(@NotBlank String rolesClaim, String personIdClaim, boolean devTokens, String devKeyFile) {
    }

    /**
     * @param lookBack how far the Mongo tracking token looks back for events committed out of timestamp order
     */
    public record EventStore(@NotNull Duration lookBack) {
    }
}
