package org.practicealerts.support;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.practicealerts.events.Role;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * The one security configuration of every service: a stateless JWT resource server (roles and person id from
 * configurable claims), every endpoint but health authenticated, 401/403 and refused URLs as problem details, the
 * embedded default's dev-token decoder. A service adds only its own {@link ServicePaths}.
 */
@AutoConfiguration
@EnableWebFluxSecurity
public class PlatformSecurityAutoConfiguration {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, PlatformProperties props,
                                                  List<ServicePaths> servicePaths, Environment env,
                                                  ObjectProvider<PeopleStatus> people, ReadAudit audit,
                                                  RateLimitProperties limits) {
        IdentityGuard.check(env, props.security());
        boolean embedded = env.acceptsProfiles(Profiles.of("embedded"));
        ServiceSecurity.resourceServer(http, props.security().rolesClaim(), props.security().personIdClaim(),
                        props.security().roles())
                .authorizeExchange(ex -> {
                    ex.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    ex.pathMatchers("/actuator/**").hasAnyRole(Roles.names(Role.ADMIN, Role.METRICS));
                    ex.pathMatchers("/api/v1/admin/**").hasRole(Role.ADMIN.name());
                    servicePaths.forEach(paths -> paths.authorize(ex, embedded));
                    ex.anyExchange().denyAll();
                });
        people.ifAvailable(status -> http.addFilterAfter(new DeactivatedPeopleFilter(status),
                SecurityWebFiltersOrder.AUTHENTICATION));
        if (limits.enabled()) {
            http.addFilterAfter(new RateLimitFilter(limits), SecurityWebFiltersOrder.AUTHENTICATION);
        }
        // Audit times are real time, whatever the embedded default's simulated clock says.
        http.addFilterAfter(new ReadAuditFilter(audit, Clock.systemUTC()), SecurityWebFiltersOrder.AUTHORIZATION);
        return http.build();
    }

    /** A URL the firewall refuses gets a problem detail too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return ServiceSecurity.rejectedRequests();
    }

    /** Added by Boot to the decoder it builds for an identity provider (issuer, key set or key). */
    @Bean
    OAuth2TokenValidator<Jwt> audienceValidator(PlatformProperties props) {
        return new AudienceValidator(props.security().audiences());
    }

    /**
     * Every JWT decoder (the embedded default's below, or the one Boot builds for the identity provider) remembers
     * the tokens it has verified: {@link VerifiedTokens}.
     */
    @Bean
    static BeanPostProcessor verifiedTokensRemembered() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof ReactiveJwtDecoder decoder ? VerifiedTokens.wrap(decoder, Clock.systemUTC())
                        : bean;
            }
        };
    }

    /** The embedded default verifies its own dev tokens; every other deployment uses its OIDC issuer. */
    @Bean
    @ConditionalOnProperty(name = "practice-alerts.security.dev-tokens", havingValue = "true")
    ReactiveJwtDecoder devJwtDecoder(PlatformProperties props) throws JOSEException {
        return ServiceSecurity.devJwtDecoder(Path.of(props.security().devKeyFile()));
    }
}
