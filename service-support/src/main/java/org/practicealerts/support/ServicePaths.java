package org.practicealerts.support;

import org.springframework.security.config.web.server.ServerHttpSecurity.AuthorizeExchangeSpec;

/**
 * A service's own path rules, declared as a bean. The platform puts them between its shared rules (health open;
 * actuator for admins and metrics scrapers; {@code /api/v1/admin/**} for admins) and its final "deny everything
 * else".
 */
@FunctionalInterface
public interface ServicePaths {

    /**
     * @param embedded whether this is the embedded default, whose dev-only endpoints exist only there
     */
    void authorize(AuthorizeExchangeSpec exchanges, boolean embedded);
}
