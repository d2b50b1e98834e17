package org.practicealerts.escalation.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.support.MongoPing;
import org.practicealerts.support.SimulatedClock;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** MongoDB, the schedule store, the clock (simulated in the embedded default only) and MongoDB health by ping. */
@Configuration(proxyBeanMethods = false)
public class EscalationConfig {

    @Bean
    MongoDatabase escalationDatabase(MongoClient client, EscalationProperties props) {
        return client.getDatabase(props.mongoDatabase());
    }

    @Bean
    DeadlineStore deadlineStore(MongoDatabase db) {
        return new DeadlineStore(db);
    }

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
