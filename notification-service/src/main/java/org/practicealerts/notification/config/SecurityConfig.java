package org.practicealerts.notification.config;

import com.nimbusds.jose.JOSEException;
import java.nio.file.Path;
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
 * Health is open; a person reads and acknowledges their own inbox; managers and admins read an alert's delivery
 * log; admins see and retry failures. In the embedded default any signed-in person may look at the mail and card
 * viewers; the card sink itself is open (see below).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class SecurityConfig {

    static final String[] EVERY_ROLE = {"CPC", "IRO", "CRO", "SOCIAL_WORKER", "TEAM_MANAGER", "SERVICE_MANAGER",
        "HEAD_OF_SERVICE", "ASSISTANT_DIRECTOR", "SERVICE_DIRECTOR", "DIRECTOR", "ADMIN", "REPORT_VIEWER"};
    static final String[] LOG_READERS = {"ADMIN", "TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE",
        "ASSISTANT_DIRECTOR", "SERVICE_DIRECTOR", "DIRECTOR"};

    @Bean
    SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, NotificationProperties props,
                                                  Environment env) {
        boolean embedded = env.acceptsProfiles(Profiles.of("embedded"));
        ServiceSecurity.resourceServer(http, props.security().rolesClaim(), props.security().personIdClaim())
                .authorizeExchange(ex -> {
                    ex.pathMatchers("/actuator/health", "/actuator/health/**").permitAll();
                    if (embedded) {
                        // The sink stands in for a Workflows webhook, which is authenticated by its secret URL
                        // alone: the dispatcher posts to it without a token, as it does to Teams.
                        ex.pathMatchers(HttpMethod.POST, "/dev/teams-sink/*").permitAll();
                        ex.pathMatchers(HttpMethod.GET, "/dev/mail", "/dev/teams-sink").hasAnyRole(EVERY_ROLE);
                        ex.pathMatchers(HttpMethod.POST, "/dev/faults").hasRole("ADMIN");
                    }
                    ex.pathMatchers("/actuator/**").hasAnyRole("ADMIN", "METRICS");
                    ex.pathMatchers("/api/v1/admin/**").hasRole("ADMIN");
                    ex.pathMatchers(HttpMethod.GET, "/api/v1/alerts/*/notifications").hasAnyRole(LOG_READERS);
                    ex.pathMatchers(HttpMethod.GET, "/api/v1/notifications").hasAnyRole(EVERY_ROLE);
                    ex.pathMatchers(HttpMethod.POST, "/api/v1/notifications/*/acknowledge").hasAnyRole(EVERY_ROLE);
                    ex.anyExchange().denyAll();
                });
        return http.build();
    }

    /** A URL the firewall refuses gets a problem detail too. */
    @Bean
    ServerExchangeRejectedHandler rejectedRequests() {
        return ServiceSecurity.rejectedRequests();
    }

    @Bean
    @ConditionalOnProperty(name = "practice-alerts.notification.security.dev-tokens", havingValue = "true")
    ReactiveJwtDecoder devJwtDecoder(NotificationProperties props) throws JOSEException {
        return ServiceSecurity.devJwtDecoder(Path.of(props.security().devKeyFile()));
    }
}
