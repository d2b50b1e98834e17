package org.practicealerts.alert.kafka;

import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.events.directory.DirectoryJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Copies directory changes to the compacted directory topic as the contract's records (key {@code PERSON:id},
 * {@code TEAM:id}, {@code COVER:id}; a deleted entry becomes a tombstone). A document is marked published only after Kafka
 * acknowledged it, so a crash or a broker outage delays publication but never loses it.
 */
@Component
public class DirectoryPublisher {

    private static final Logger log = LoggerFactory.getLogger(DirectoryPublisher.class);
    private static final int BATCH = 500;

    private final MongoDirectory directory;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    public DirectoryPublisher(MongoDirectory directory, KafkaTemplate<String, byte[]> kafka,
                              PlatformProperties props) {
        this.directory = directory;
        this.kafka = kafka;
        this.topic = props.topics().directory();
    }

    @Scheduled(fixedDelayString = "${practice-alerts.directory-publish-interval:500ms}")
    public void publishPending() {
        for (MongoDirectory.Kind kind : MongoDirectory.Kind.values()) {
            directory.unpublished(kind, BATCH, doc -> publish(kind, doc));
        }
    }

    private void publish(MongoDirectory.Kind kind, Document doc) {
        String id = doc.getString("_id");
        byte[] value = doc.getBoolean("deleted", false) ? null
                : DirectoryJson.writeBytes(MongoDirectory.entry(kind, doc));
        try {
            kafka.send(topic, kind.name() + ":" + id, value).get(10, TimeUnit.SECONDS);
            directory.markPublished(kind, id, doc.get("version", Number.class).longValue());
        } catch (Exception e) {
            // Left pending: the next sweep tries again. Ids only in the log, never names.
            log.warn("directory entry {}:{} not yet published: {}", kind, id, e.toString());
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
