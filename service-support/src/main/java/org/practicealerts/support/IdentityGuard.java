package org.practicealerts.support;

import java.util.ArrayList;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service whose configuration would open it: the embedded default's dev tokens and dev endpoints
 * (mint an admin token, move the clock, read the mail) beside a real identity provider, as {@code oidc,embedded} by
 * mistake would give; or an identity provider without the audiences its tokens must name.
 */
public final class IdentityGuard {

    static final String ISSUER = "spring.security.oauth2.resourceserver.jwt.issuer-uri";
    static final String JWKS = "spring.security.oauth2.resourceserver.jwt.jwk-set-uri";
    static final String PUBLIC_KEY = "spring.security.oauth2.resourceserver.jwt.public-key-location";

    private IdentityGuard() {
    }

    /** @throws IllegalStateException naming what is wrong and what to change */
    public static void check(Environment env, PlatformProperties.Security security) {
        List<String> problems = problems(env, security);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Environment env, PlatformProperties.Security security) {
        boolean provider = env.acceptsProfiles(Profiles.of("oidc")) || set(env, ISSUER) || set(env, JWKS)
                || set(env, PUBLIC_KEY);
        boolean dev = env.acceptsProfiles(Profiles.of("embedded")) || security.devTokens();
        List<String> problems = new ArrayList<>();
        if (provider && dev) {
            problems.add("the embedded default (profile embedded, dev tokens) cannot run beside an identity provider "
                    + "(profile oidc or a resource-server issuer, key set or key): its dev endpoints mint tokens for "
                    + "anyone; use one or the other");
        }
        if (provider && security.audiences().isEmpty()) {
            problems.add("tokens from an identity provider must name this product: set OIDC_AUDIENCES "
                    + "(practice-alerts.security.audiences) to the API's audience or the clients' ids");
        }
        return problems;
    }

    private static boolean set(Environment env, String key) {
        String v = env.getProperty(key);
        return v != null && !v.isBlank();
    }
}
