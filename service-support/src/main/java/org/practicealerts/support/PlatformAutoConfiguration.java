package org.practicealerts.support;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;

/**
 * What every service gets by depending on this module: its MongoDB database (named by
 * {@code practice-alerts.mongo-database}), the clock (real time, or the embedded default's simulated clock shared by
 * every service process through MongoDB) and a MongoDB health check that works on MongoDB and on the stand-in.
 */
@AutoConfiguration
@EnableConfigurationProperties({PlatformProperties.class, WebhookPolicy.class, ReadAuditProperties.class,
        RateLimitProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MongoDatabase serviceDatabase(MongoClient client, PlatformProperties props) {
        return client.getDatabase(props.mongoDatabase());
    }

    @Bean
    @Profile("!embedded")
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The embedded default's clock is shared by every service process through MongoDB. */
    @Bean
    @Profile("embedded")
    @ConditionalOnMissingBean(Clock.class)
    SimulatedClock simulatedClock(MongoDatabase db) {
        return new SimulatedClock(db, Clock.systemUTC());
    }

    /** Every read of the service's API, written before it is served ({@link ReadAuditFilter}). */
    @Bean
    @ConditionalOnMissingBean
    ReadAudit apiReadAudit(MongoDatabase db, Environment env, ReadAuditProperties props) {
        return new ReadAudit(db, env.getProperty("spring.application.name", "service"), props.keep());
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    ReadAuditController readAuditController(ReadAudit audit) {
        return new ReadAuditController(audit);
    }

    /**
     * MongoDB health by {@code ping}, which both MongoDB and the embedded wire-protocol server answer (Boot's own
     * indicator sends {@code hello}, which the embedded server does not know); the name replaces Boot's indicator.
     */
    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoDatabase db) {
        return MongoPing.healthIndicator(db);
    }
}
