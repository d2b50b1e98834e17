package org.practicealerts.alert.security;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
import org.practicealerts.alert.config.AlertServiceProperties;
import org.practicealerts.alert.directory.Role;
import org.practicealerts.support.ServiceSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/**
 * Every endpoint but health needs an authenticated caller with the right role; anything not listed is denied.
 * 401 and 403 are RFC 9457 problem details. Fine-grained rules (raiser, responder, reporting line, competence
 * restriction) are applied per alert by the alert's own access rules.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    private static final String[] EVERY_ROLE = java.util.Arrays.stream(Role.values()).map(Enum::name)
            .toArray(String[]::new);
    private static final String[] RAISERS = {"CPC", "IRO", "CRO"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, AlertServiceProperties props,
                                                  Environment env) {
        boolean embedded = env.acceptsProfiles(Profiles.of("embedded"));
        ServiceSecurity.resourceServer(http, props.security().rolesClaim(), props.security().personIdClaim())
                .authorizeExchange(ex -> {
                    ex.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (embedded) {
                        // The embedded default is for trying the product: its dev login and API docs are open.
                        ex.pathMatchers(HttpMethod.POST, "/dev/token").permitAll();
                        ex.pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
                                .permitAll();
                    } else {
                        ex.pathMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**")
                                .hasRole("ADMIN");
                    }
                    ex.pathMatchers("/actuator/**").hasAnyRole("ADMIN", "METRICS");
                    ex.pathMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    ex.pathMatchers(HttpMethod.GET, "/api/v1/directory/**", "/api/v1/policy/**",
                            "/api/v1/calendar/**").hasAnyRole(EVERY_ROLE);
                    ex.pathMatchers("/api/v1/directory/**", "/api/v1/calendar/**").hasRole("ADMIN");
                    ex.pathMatchers(HttpMethod.POST, "/api/v1/commendations").hasAnyRole(RAISERS);
                    ex.pathMatchers(HttpMethod.POST, "/api/v1/alerts").hasAnyRole(RAISERS);
                    ex.pathMatchers("/api/v1/alerts/**", "/api/v1/alerts", "/api/v1/children/**",
                            "/api/v1/commendations/**").hasAnyRole(EVERY_ROLE);
                    ex.anyExchange().denyAll();
                });
        return http.build();
    }

    /** A URL the firewall refuses gets a problem detail too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return ServiceSecurity.rejectedRequests();
    }

    /** The embedded default verifies its own dev tokens; every other deployment uses its OIDC issuer. */
    @Bean
    @ConditionalOnProperty(name = "practice-alerts.security.dev-tokens", havingValue = "true")
    ReactiveJwtDecoder devJwtDecoder(AlertServiceProperties props) throws JOSEException {
        return ServiceSecurity.devJwtDecoder(Path.of(props.security().devKeyFile()));
    }
}
