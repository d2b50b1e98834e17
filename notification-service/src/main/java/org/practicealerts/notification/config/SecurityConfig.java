package org.practicealerts.notification.config;

import static org.practicealerts.events.Role.ADMIN;

import org.practicealerts.notification.directory.Directory;
import org.practicealerts.support.PeopleStatus;
import org.practicealerts.support.Roles;
import org.practicealerts.support.ServicePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The notification-service's paths, inside the platform's security: a person reads and acknowledges their own
 * inbox; managers and admins read an alert's delivery log; admins see and retry failures (the platform's admin
 * paths). In the embedded default any signed-in person may look at the mail and card viewers; the card sink itself
 * is open (see below).
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String[] LOG_READERS = Roles.managersAnd(ADMIN);

    /** A person the directory has deactivated is refused on their next request. */
    @Bean
    PeopleStatus directoryPeopleStatus(Directory directory) {
        return personId -> directory.person(personId).map(p -> !p.active()).orElse(false);
    }

    @Bean
    ServicePaths notificationServicePaths() {
        return (ex, embedded) -> {
            if (embedded) {
                // The sink stands in for a Workflows webhook, which is authenticated by its secret URL alone: the
                // dispatcher posts to it without a token, as it does to Teams.
                ex.pathMatchers(HttpMethod.POST, "/dev/teams-sink/*").permitAll();
                ex.pathMatchers(HttpMethod.GET, "/dev/mail", "/dev/teams-sink").hasAnyRole(Roles.people());
                ex.pathMatchers(HttpMethod.POST, "/dev/faults").hasRole(ADMIN.name());
            }
            ex.pathMatchers(HttpMethod.GET, "/api/v1/alerts/*/notifications").hasAnyRole(LOG_READERS);
            ex.pathMatchers(HttpMethod.GET, "/api/v1/notifications").hasAnyRole(Roles.people());
            ex.pathMatchers(HttpMethod.POST, "/api/v1/notifications/*/acknowledge").hasAnyRole(Roles.people());
        };
    }
}
