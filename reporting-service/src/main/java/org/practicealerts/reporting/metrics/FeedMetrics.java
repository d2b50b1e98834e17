package org.practicealerts.reporting.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.practicealerts.reporting.kafka.EventFeed;
import org.springframework.stereotype.Component;

/**
 * Whether the projection has caught up with the topics, and how many events it has applied: a projection that stays
 * behind (a start's replay that never ends, a rebuild stuck on the broker) shows reports and dashboards out of date,
 * and the ProjectionBehind alerting rule pages on it.
 */
@Component
public class FeedMetrics {

    public FeedMetrics(MeterRegistry registry, EventFeed feed) {
        Gauge.builder("practice.alerts.projection.caught.up", feed, f -> f.status().caughtUp()
                        && !f.status().rebuilding() ? 1 : 0)
                .description("1 when the projection has read the topics to their end and is not rebuilding")
                .register(registry);
        Gauge.builder("practice.alerts.projection.applied", feed, f -> f.status().applied())
                .description("Events the projection has applied since it started").register(registry);
    }
}
