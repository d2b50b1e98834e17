package org.practicealerts.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One real KRaft broker for the whole class; the restart test restarts it on the same directory and port. */
class EmbeddedKafkaBrokerTest {

    @TempDir
    static Path tempDir;

    static EmbeddedKafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedKafkaBroker.start(0, tempDir.resolve("kafka"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void producedRecordsAreConsumedFromAnAutoCreatedTopicWithThreePartitions() throws Exception {
        List<String> sent = produce("alerts-raised", 10);

        List<String> received = consumeAll("alerts-raised", "reader-1", sent.size());

        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
        try (Admin admin = admin()) {
            TopicDescription topic = admin.describeTopics(Set.of("alerts-raised")).allTopicNames().get()
                    .get("alerts-raised");
            assertThat(topic.partitions()).hasSize(3);
        }
    }

    @Test
    void recordsAndCommittedOffsetsSurviveARestartOnTheSameDirectoryAndPort() throws Exception {
        List<String> sent = produce("alerts-durable", 5);
        assertThat(consumeAll("alerts-durable", "durable-group", sent.size())).hasSize(sent.size());
        int port = broker.port();
        String clusterId = broker.clusterId();

        broker.close();
        assertThat(broker.isRunning()).isFalse();
        broker = new EmbeddedKafkaBroker(port, broker.logDir()).start();

        assertThat(broker.bootstrapServers()).isEqualTo("localhost:" + port);
        assertThat(broker.clusterId()).isEqualTo(clusterId);
        assertThat(consumeAll("alerts-durable", "after-restart", sent.size()))
                .containsExactlyInAnyOrderElementsOf(sent);
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> offsets =
                    admin.listConsumerGroupOffsets("durable-group").partitionsToOffsetAndMetadata().get();
            assertThat(offsets.values().stream().mapToLong(OffsetAndMetadata::offset).sum())
                    .isEqualTo(sent.size());
        }
    }

    private static List<String> produce(String topic, int count) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
            for (int i = 0; i < count; i++) {
                String value = topic + "-event-" + i;
                producer.send(new ProducerRecord<>(topic, "case-" + i, value)).get();
                values.add(value);
            }
        }
        return values;
    }

    /** Reads from the earliest offset with a new group until {@code expected} records arrived; commits them. */
    private static List<String> consumeAll(String topic, String groupId, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ZERO).untilAsserted(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    received.add(record.value());
                }
                assertThat(received).hasSizeGreaterThanOrEqualTo(expected);
            });
            consumer.commitSync();
        }
        return received;
    }

    private static Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()));
    }
}
