package org.practicealerts.reporting.config;

import static org.practicealerts.events.Role.ADMIN;
import static org.practicealerts.events.Role.REPORT_VIEWER;

import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.support.PeopleStatus;
import org.practicealerts.support.Roles;
import org.practicealerts.support.ServicePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The reporting-service's paths, inside the platform's security (health open; metrics for admins and scrapers;
 * rebuild for admins): reports for report viewers, admins and managers, whose scope the controller narrows to
 * their reporting line.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    /** A person the directory has deactivated is refused on their next request. */
    @Bean
    PeopleStatus directoryPeopleStatus(Directory directory) {
        return directory::deactivated;
    }

    @Bean
    ServicePaths reportingServicePaths() {
        return (ex, embedded) -> ex.pathMatchers("/api/v1/reports/**")
                .hasAnyRole(Roles.managersAnd(REPORT_VIEWER, ADMIN));
    }
}
