package org.practicealerts.support;

import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * MongoDB health by {@code ping}, which both MongoDB and the embedded wire-protocol server answer (Boot's own
 * indicator sends {@code hello}, which the embedded server does not know). Register it as the bean named
 * {@code mongoHealthContributor} to replace Boot's.
 */
public final class MongoPing {

    private MongoPing() {
    }

    public static HealthIndicator healthIndicator(MongoDatabase db) {
        return () -> {
            try {
                db.runCommand(new Document("ping", 1));
                return Health.up().build();
            } catch (RuntimeException e) {
                return Health.down().withDetail("error", e.getClass().getSimpleName()).build();
            }
        };
    }
}
