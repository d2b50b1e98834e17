package org.practicealerts.alert.security;

import static org.practicealerts.events.Role.ADMIN;
import static org.practicealerts.events.Role.CPC;
import static org.practicealerts.events.Role.CRO;
import static org.practicealerts.events.Role.IRO;
import static org.practicealerts.events.Role.SOCIAL_WORKER;
import static org.practicealerts.events.Role.TEAM_MANAGER;

import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.support.PeopleStatus;
import org.practicealerts.support.Roles;
import org.practicealerts.support.ServicePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * The alert-service's paths, inside the platform's security (health open, actuator and admin paths for admins,
 * everything else denied). Fine-grained rules (raiser, responder, reporting line, competence restriction) are
 * applied per alert by the alert's own access rules.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final String[] RAISERS = Roles.names(CPC, IRO, CRO);
    private static final String[] RAISERS_AND_SOCIAL_WORK_TEAMS = Roles.names(CPC, IRO, CRO, TEAM_MANAGER,
            SOCIAL_WORKER);
    private static final String[] API_DOCS = {"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/webjars/**"};

    /** A person the directory has deactivated is refused on their next request. */
    @Bean
    PeopleStatus directoryPeopleStatus(MongoDirectory directory) {
        return personId -> directory.person(personId).map(p -> !p.active()).orElse(false);
    }

    @Bean
    ServicePaths alertServicePaths() {
        return (ex, embedded) -> {
            if (embedded) {
                // The embedded default is for trying the product: its dev login and API docs are open.
                ex.pathMatchers(HttpMethod.POST, "/dev/token").permitAll();
                ex.pathMatchers(API_DOCS).permitAll();
            } else {
                ex.pathMatchers(API_DOCS).hasRole(ADMIN.name());
            }
            ex.pathMatchers(HttpMethod.GET, "/api/v1/directory/**", "/api/v1/policy/**", "/api/v1/calendar/**")
                    .hasAnyRole(Roles.people());
            ex.pathMatchers("/api/v1/directory/**", "/api/v1/calendar/**").hasRole(ADMIN.name());
            ex.pathMatchers(HttpMethod.POST, "/api/v1/commendations", "/api/v1/informal-resolutions")
                    .hasAnyRole(RAISERS);
            // A social work team raises only a concern about a chair; the alert refuses anything else from them.
            ex.pathMatchers(HttpMethod.POST, "/api/v1/alerts").hasAnyRole(RAISERS_AND_SOCIAL_WORK_TEAMS);
            // The case system's facts come in through an admin's (or the integration's admin) account; a chair
            // dismisses or raises a missed milestone's prompt; anyone may read the milestones they are entitled to.
            ex.pathMatchers(HttpMethod.POST, "/api/v1/case-facts", "/api/v1/case-facts.csv").hasRole(ADMIN.name());
            ex.pathMatchers(HttpMethod.POST, "/api/v1/children/*/milestones/dismissals",
                    "/api/v1/children/*/milestones/raisings").hasAnyRole(RAISERS);
            ex.pathMatchers(HttpMethod.GET, "/api/v1/children/*/milestones/draft").hasAnyRole(RAISERS);
            ex.pathMatchers(HttpMethod.GET, "/api/v1/milestones", "/api/v1/milestones/compliance")
                    .hasAnyRole(Roles.people());
            ex.pathMatchers("/api/v1/alerts/**", "/api/v1/alerts", "/api/v1/children/**", "/api/v1/commendations/**")
                    .hasAnyRole(Roles.people());
        };
    }
}
