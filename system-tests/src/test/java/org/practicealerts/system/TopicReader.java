package org.practicealerts.system;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PracticeEvent;

/** Reads the alert-event topic from the beginning, as a consumer would, for the whole-system checks. */
final class TopicReader {

    static final String TOPIC = "practice-alerts.alert-events";

    private TopicReader() {
    }

    /**
     * The distinct event ids published for each of {@code alerts} (key = alert id), in topic order, read until
     * {@code expected} distinct events are seen or {@code patience} passes (then what was seen is returned).
     */
    static Map<String, List<String>> published(String bootstrap, Set<String> alerts, int expected,
                                              Duration patience) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "system-test-" + UUID.randomUUID());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        Map<String, List<String>> published = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(p, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
                parts.clear();
                consumer.partitionsFor(TOPIC, Duration.ofSeconds(10))
                        .forEach(i -> parts.add(new TopicPartition(TOPIC, i.partition())));
                return !parts.isEmpty();
            });
            consumer.assign(parts);
            consumer.seekToBeginning(parts);
            try {
                Awaitility.await().atMost(patience).pollInterval(Duration.ofMillis(100)).until(() -> {
                    for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                        PracticeEvent e = EventJson.read(r.value());
                        if (alerts.contains(r.key()) && seen.add(e.eventId())) {
                            published.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e.eventId());
                        }
                    }
                    return seen.size() >= expected;
                });
            } catch (org.awaitility.core.ConditionTimeoutException incomplete) {
                // the caller compares what was published with what was stored and reports the difference
            }
        }
        return published;
    }
}
