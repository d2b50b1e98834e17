package org.practicealerts.alert.config;

import com.mongodb.client.MongoClient;
import org.practicealerts.support.MongoPing;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * MongoDB health by {@code ping}, which both MongoDB and the embedded wire-protocol server answer (Boot's own
 * indicator sends {@code hello}, which the embedded server does not know). Replaces Boot's "mongo" indicator.
 */
@Configuration(proxyBeanMethods = false)
public class MongoHealthConfig {

    @Bean(name = "mongoHealthContributor")
    HealthIndicator mongoHealthContributor(MongoClient client, AlertServiceProperties props) {
        return MongoPing.healthIndicator(client.getDatabase(props.mongoDatabase()));
    }
}
