package org.practicealerts.reporting.config;

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

/**
 * Health is open; metrics for admins and scrapers; rebuild for admins; reports for report viewers, admins and
 * managers (whose scope the controller narrows to their reporting line).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    /** Roles that may ask for reports at all. */
    public static final String[] REPORT_ROLES = {"REPORT_VIEWER", "ADMIN", "TEAM_MANAGER", "SERVICE_MANAGER",
        "HEAD_OF_SERVICE", "ASSISTANT_DIRECTOR", "SERVICE_DIRECTOR", "DIRECTOR"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, ReportingProperties props) {
        return ServiceSecurity.resourceServer(http, props.security().rolesClaim(),
                        props.security().personIdClaim())
                .authorizeExchange(ex -> ex
                        .pathMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/actuator/**").hasAnyRole("ADMIN", "METRICS")
                        .pathMatchers("/api/v1/admin/**").hasRole("ADMIN")
                        .pathMatchers("/api/v1/reports/**").hasAnyRole(REPORT_ROLES)
                        .anyExchange().denyAll())
                .build();
    }

    /** A URL the firewall refuses gets a problem detail too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return ServiceSecurity.rejectedRequests();
    }

    @Bean
    @ConditionalOnProperty(name = "practice-alerts.reporting.security.dev-tokens", havingValue = "true")
    ReactiveJwtDecoder devJwtDecoder(ReportingProperties props) throws JOSEException {
        return ServiceSecurity.devJwtDecoder(Path.of(props.security().devKeyFile()));
    }
}
