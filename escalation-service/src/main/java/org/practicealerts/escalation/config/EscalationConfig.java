package org.practicealerts.escalation.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.support.ServiceBasics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** MongoDB, the schedule store, the clock (simulated in the embedded default only) and MongoDB health by ping. */
@Configuration(proxyBeanMethods = false)
@Import(ServiceBasics.class)
public class EscalationConfig {

    @Bean
    MongoDatabase escalationDatabase(MongoClient client, EscalationProperties props) {
        return client.getDatabase(props.mongoDatabase());
    }

    @Bean
    DeadlineStore deadlineStore(MongoDatabase db) {
        return new DeadlineStore(db);
    }
}
