package org.practicealerts.support;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.practicealerts.access.RoleMapping;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The settings every service shares, under {@code practice-alerts}: one database, one set of topics, one way of
 * reading the caller from a token. Defaults are in {@code practice-alerts-platform.yml}; a service's own settings
 * live under its own prefix.
 *
 * @param mongoDatabase the database this service keeps its collections in ({@code MONGODB_DATABASE})
 */
@Validated
@ConfigurationProperties("practice-alerts")
public record PlatformProperties(@NotBlank String mongoDatabase, @Valid @NotNull Topics topics,
                                 @Valid @NotNull Security security) {

    /**
     * @param events     the alert event stream, written by the alert-service and kept forever (projections rebuild
     *                   from it); keyed by alert id, so each alert stays in order
     * @param directory  the compacted directory topic, written by the alert-service
     * @param commands   deadline commands, written by the escalation-service, kept until the alert-service reads them
     * @param partitions partitions of the events and commands topics
     * @param replicas   replication factor of every topic ({@code PRACTICE_ALERTS_TOPICS_REPLICAS})
     */
    public record Topics(@NotBlank String events, @NotBlank String directory, @NotBlank String commands,
                         @Min(1) int partitions, @Min(1) short replicas) {
    }

    /**
     * @param rolesClaim    the JWT claim holding roles; a dotted path such as {@code realm_access.roles} works
     * @param personIdClaim the JWT claim holding the caller's directory person id ({@code sub} when unset)
     * @param devTokens     the embedded default's dev tokens: signed by a local key, verified without an issuer
     * @param devKeyFile    where the embedded default keeps that key, shared by every service process
     * @param audiences     who a token must be for ({@code OIDC_AUDIENCES}): its {@code aud} or {@code azp} must be
     *                      one of them; required wherever tokens come from an identity provider, where other
     *                      applications of the same tenant get tokens too
     * @param roleMapping   the identity provider's role values as this product's roles ({@code OIDC_ROLE_MAPPING},
     *                      {@code value=ROLE,...}); blank: the values are the role names, matched exactly
     */
    public record Security(@NotBlank String rolesClaim, String personIdClaim, boolean devTokens, String devKeyFile,
                           List<String> audiences, String roleMapping) {

        public Security {
            audiences = audiences == null ? List.of()
                    : audiences.stream().filter(a -> a != null && !a.isBlank()).map(String::trim).toList();
            RoleMapping.parse(roleMapping);
        }

        public RoleMapping roles() {
            return RoleMapping.parse(roleMapping);
        }
    }
}
