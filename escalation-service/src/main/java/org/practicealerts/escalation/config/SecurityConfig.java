package org.practicealerts.escalation.config;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
import org.practicealerts.support.ServiceSecurity;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;

/** Health is open; the admin view and metrics need an admin (or a metrics scraper); nothing else exists. */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, EscalationProperties props) {
        return ServiceSecurity.resourceServer(http, props.security().rolesClaim(),
                        props.security().personIdClaim())
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasAnyRole("ADMIN", "METRICS")
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .anyExchange().denyAll())
                .build();
    }

    @Bean
    @ConditionalOnProperty(name = "practice-alerts.escalation.security.dev-tokens", havingValue = "true")
    ReactiveJwtDecoder devJwtDecoder(EscalationProperties props) throws JOSEException {
        return ServiceSecurity.devJwtDecoder(Path.of(props.security().devKeyFile()));
    }

    /** A URL the firewall refuses gets a problem detail too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return ServiceSecurity.rejectedRequests();
    }
}
