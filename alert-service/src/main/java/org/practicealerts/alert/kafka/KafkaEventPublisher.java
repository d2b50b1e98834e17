package org.practicealerts.alert.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PracticeEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Publishes every stored event to Kafka, keyed by alert id so one alert's events stay in order. It runs in a
 * streaming (tracking) processor over the event store, so the event store is the outbox: the processor's token only
 * advances after Kafka acknowledged every record of the batch. A crash re-sends the batch (at least once);
 * consumers de-duplicate on {@code eventId}. How long each event took from being stored to being acknowledged by
 * Kafka is {@code practice_alerts_publication_lag_seconds}: the other services see nothing until then.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    private final Timer lag;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, PlatformProperties props, MeterRegistry registry) {
        this.kafka = kafka;
        this.topic = props.topics().events();
        this.lag = Timer.builder("practice.alerts.publication.lag")
                .description("From an event's storage in the event store to Kafka's acknowledgement of it")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1),
                        Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5),
                        Duration.ofMinutes(30))
                .register(registry);
    }

    /** @param stored when the event was stored: Axon's timestamp of the message, on the wall clock */
    @EventHandler
    void on(PracticeEvent event, @Timestamp Instant stored) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.writeBytes(event));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE,
                event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SCHEMA_VERSION,
                Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        pendingSends().add(kafka.send(record).whenComplete((sent, failed) -> {
            if (failed == null) {
                lag.record(Duration.between(stored, Instant.now()));
            }
        }));
    }

    /**
     * Sends are asynchronous within a batch; before the batch commits (and the token moves) every send must be
     * acknowledged, else the batch fails and is retried from the same token.
     */
    private List<CompletableFuture<?>> pendingSends() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(PENDING, key -> {
            List<CompletableFuture<?>> futures = new ArrayList<>();
            root.onPrepareCommit(uow -> {
                kafka.flush();
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).orTimeout(30, TimeUnit.SECONDS)
                        .join();
            });
            return futures;
        });
    }
}
