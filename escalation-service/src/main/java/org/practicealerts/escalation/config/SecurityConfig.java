package org.practicealerts.escalation.config;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
import org.practicealerts.support.DevSigningKey;
import org.practicealerts.support.ProblemResponses;
import org.practicealerts.support.RolesConverter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Health is open; the admin view and metrics need an admin (or a metrics scraper); nothing else exists. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, EscalationProperties props) {
        return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasAnyRole("ADMIN", "METRICS")
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyExchange().denyAll())
                .oauth2ResourceServer(rs -> rs
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(new RolesConverter(props.security().rolesClaim())))
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.unauthorized(exchange))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.forbidden(exchange)))
                .exceptionHandling(eh -> eh
                        .authenticationEntryPoint((exchange, e) -> ProblemResponses.unauthorized(exchange))
                        .accessDeniedHandler((exchange, e) -> ProblemResponses.forbidden(exchange)))
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "practice-alerts.escalation.security.dev-tokens", havingValue = "true")
    ReactiveJwtDecoder devJwtDecoder(EscalationProperties props) throws JOSEException {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder
                .withPublicKey(DevSigningKey.loadOrCreate(Path.of(props.security().devKeyFile())).toRSAPublicKey())
                .build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(DevSigningKey.ISSUER)));
        return decoder;
    }
}
