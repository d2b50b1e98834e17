package org.practicealerts.support;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
import org.practicealerts.access.RoleMapping;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * The security every service shares: a stateless JWT resource server (roles from a configurable claim), no
 * sessions, forms or basic auth, and 401/403 as problem details. Each service adds its own path rules.
 */
public final class ServiceSecurity {

    private ServiceSecurity() {
    }

    /**
     * Answers requests the security firewall refuses (encoded slashes, traversal, control characters) with a
     * problem detail rather than an empty 400. Declare it as a bean: the security filter chain picks it up.
     */
    public static ServerExchangeRejectedHandler rejectedRequests() {
        return (exchange, e) -> ProblemResponses.rejected(exchange);
    }

    /**
     * @param rolesClaim    the claim (or dotted path) holding the caller's roles
     * @param personIdClaim the claim holding the caller's directory person id
     * @param roles         how the claim's values become this product's roles
     */
    public static ServerHttpSecurity resourceServer(ServerHttpSecurity http, String rolesClaim, String personIdClaim,
                                                    RoleMapping roles) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesConverter(rolesClaim, personIdClaim, roles)))
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.unauthorized(exchange))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.forbidden(exchange)))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.unauthorized(exchange))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.forbidden(exchange)));
    }

    /** The embedded default's decoder: tokens signed with the shared dev key by its issuer only. */
    public static ReactiveJwtDecoder devJwtDecoder(Path keyFile) throws JOSEException {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withPublicKey(DevSigningKey.loadOrCreate(keyFile).toRSAPublicKey()).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(DevSigningKey.ISSUER)));
        return decoder;
    }
}
