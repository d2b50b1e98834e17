package org.practicealerts.alert.config;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * What a council configures for the alert-service alone, validated at start-up (the database, topics and token
 * claims every service shares are {@link org.practicealerts.support.PlatformProperties}).
 *
 * @param policy        a preset id (e.g. seed-002-cro-practice-alert) or {@code file:/path/policy.yaml}: the single
 *                      procedure, for every raiser and plan type, when {@code procedures} is empty
 * @param procedures    several procedures side by side, each with whom it applies to; when set, {@code policy} is
 *                      not used
 * @param publicBaseUrl where people reach the product; links in events and messages start here
 */
@Validated
@ConfigurationProperties("practice-alerts")
public record AlertServiceProperties(
        @NotBlank String policy,
        List<@Valid Procedure> procedures,
        @NotBlank String publicBaseUrl,
        @Valid @NotNull Calendar calendar,
        @Valid @NotNull EventStore eventStore) {

    /** The procedures in force: those listed, or else {@code policy} alone for everyone. */
    public List<Procedure> proceduresInForce() {
        return procedures == null || procedures.isEmpty() ? List.of(new Procedure(policy, List.of(), List.of()))
                : procedures;
    }

    /**
     * One procedure in force.
     *
     * @param policy    a preset id or {@code file:/path/policy.yaml}
     * @param raisers   the officers' roles (CPC, IRO, CRO) who raise under it; empty means all of them
     * @param planTypes the children's plan types it covers; empty means all of them
     */
    public record Procedure(@NotBlank String policy, List<Role> raisers, List<PlanType> planTypes) {
        public Procedure {
            raisers = raisers == null ? List.of() : List.copyOf(raisers);
            planTypes = planTypes == null ? List.of() : List.copyOf(planTypes);
        }
    }

    /**
     * @param bankHolidays JOLLYDAY (England and Wales, computed for any year) or GOV_UK_FILE (the published gov.uk
     *                     JSON, which covers only the years it lists: a date beyond them is refused, loudly)
     * @param govUkFile    path of a gov.uk {@code bank-holidays.json}; empty means the copy shipped in the product
     * @param closureDays  the council's own closure days (e.g. between Christmas and New Year)
     */
    public record Calendar(@NotNull BankHolidaySource bankHolidays, String govUkFile, String division,
                           List<LocalDate> closureDays) {
        public List<LocalDate> closureDays() {
            return closureDays == null ? List.of() : closureDays;
        }
    }

    public enum BankHolidaySource { JOLLYDAY, GOV_UK_FILE }

    /**
     * @param lookBack how far the Mongo tracking token looks back for events committed out of timestamp order
     * @param idlePoll how often a caught-up streaming processor reads the store when no commit of its own instance
     *                 wakes it: how long another instance's event may wait (default 200 ms)
     */
    public record EventStore(@NotNull Duration lookBack, Duration idlePoll) {
        public Duration idlePoll() {
            return idlePoll == null ? Duration.ofMillis(200) : idlePoll;
        }
    }
}
