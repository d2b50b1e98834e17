package org.practicealerts.alert.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Predicate;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.springframework.stereotype.Component;

/**
 * Whether this instance is publishing the event store to Kafka, as gauges an alerting rule can read when nothing is
 * published at all (the publication lag timer then has no samples): {@code practice_alerts_publisher_segments} with
 * {@code state="claimed"}, the publisher's segments this instance holds, and {@code state="error"}, those of them
 * retrying a failed batch (the broker refusing, say). Across the instances, at least one segment is claimed and
 * none is in error when publication is healthy.
 */
@Component
public class PublicationStatus {

    private final EventProcessingConfiguration processing;

    public PublicationStatus(MeterRegistry registry, EventProcessingConfiguration processing) {
        this.processing = processing;
        Gauge.builder("practice.alerts.publisher.segments", this, s -> s.segments(status -> true))
                .description("Segments of the Kafka publisher this instance holds").tag("state", "claimed")
                .register(registry);
        Gauge.builder("practice.alerts.publisher.segments", this, s -> s.segments(EventTrackerStatus::isErrorState))
                .description("Segments of the Kafka publisher this instance holds that are retrying a failed batch")
                .tag("state", "error").register(registry);
    }

    double segments(Predicate<EventTrackerStatus> which) {
        return processing.eventProcessor(KafkaEventPublisher.PROCESSING_GROUP, StreamingEventProcessor.class)
                .map(p -> p.processingStatus().values().stream().filter(which).count()).orElse(0L);
    }
}
