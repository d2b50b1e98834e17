package org.practicealerts.alert.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
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
 * consumers de-duplicate on {@code eventId}.
 */
@Component
@ProcessingGroup(KafkaEventPublisher.PROCESSING_GROUP)
public class KafkaEventPublisher {

    public static final String PROCESSING_GROUP = "kafka-publisher";
    private static final String PENDING = KafkaEventPublisher.class.getName() + ".pending";

    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> kafka, PlatformProperties props) {
        this.kafka = kafka;
        this.topic = props.topics().events();
    }

    @EventHandler
    void on(PracticeEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, event.aggregateId(),
                EventJson.writeBytes(event));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE,
                event.getClass().getSimpleName().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SCHEMA_VERSION,
                Integer.toString(event.schemaVersion()).getBytes(StandardCharsets.UTF_8));
        pendingSends().add(kafka.send(record));
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
