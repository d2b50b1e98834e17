package org.practicealerts.escalation.config;

import com.mongodb.client.MongoDatabase;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.support.ServicePaths;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The schedule store, and the service's paths: only the platform's (health open; the admin view and metrics for
 * admins and scrapers). The database, clock and health check are the platform's.
 */
@Configuration(proxyBeanMethods = false)
public class EscalationConfig {

    @Bean
    DeadlineStore deadlineStore(MongoDatabase db) {
        return new DeadlineStore(db);
    }

    /** Nothing beyond the platform's health, actuator and admin paths exists here. */
    @Bean
    ServicePaths escalationServicePaths() {
        return (ex, embedded) -> { };
    }
}
