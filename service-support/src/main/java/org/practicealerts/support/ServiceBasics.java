package org.practicealerts.support;

import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * What every event-consuming service declares the same way, given its {@link MongoDatabase} bean: the clock (real
 * time, or the embedded default's simulated clock shared through MongoDB) and the MongoDB health check that works
 * on both MongoDB and the stand-in. A service imports it with {@code @Import(ServiceBasics.class)}.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceBasics {

    @Bean
    @Profile("!embedded")
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The embedded default's clock is shared by every service process through MongoDB. */
    @Bean
    @Profile("embedded")
    SimulatedClock simulatedClock(MongoDatabase db) {
        return new SimulatedClock(db, Clock.systemUTC());
    }

    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoDatabase db) {
        return MongoPing.healthIndicator(db);
    }
}
