package org.practicealerts.escalation.sweep;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.practicealerts.embedded.SharedTestInfrastructure;
import org.practicealerts.escalation.config.EscalationProperties;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.escalation.kafka.CommandPublisher;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.practicealerts.events.EventJson;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Sweeper instances without Spring, on a real KRaft broker and the MongoDB wire server, started once per test JVM:
 * each "instance" has its own MongoDB client, store and producer, as separate processes would.
 */
final class SweepRig {


    /** As application.yml has it; {@code -Dbenchmark.look-ahead=PT5S} to measure another. */
    static final Duration LOOK_AHEAD = Duration.parse(System.getProperty("benchmark.look-ahead", "PT5S"));

    private SweepRig() {
    }

    static String bootstrap() {
        return SharedTestInfrastructure.bootstrapServers();
    }

    static String mongoUri() {
        return SharedTestInfrastructure.mongoUri();
    }

    static EscalationProperties props(String instance, int workers, Duration lease) {
        return new EscalationProperties(new EscalationProperties.Sweep(workers, lease, Duration.ofMillis(200), instance,
                LOOK_AHEAD));
    }

    static PlatformProperties platform(String db, String commandsTopic) {
        return new PlatformProperties(db, new PlatformProperties.Topics("events-unused", "directory-unused",
                commandsTopic, 3, (short) 1), new PlatformProperties.Security("roles", null, false, null, null, null));
    }

    /** One escalation-service instance: its own clients, store and sweeper. */
    record Instance(MongoClient client, DeadlineStore store, DeadlineSweeper sweeper, KafkaTemplate<String, byte[]> kafka,
                    SimpleMeterRegistry meters) implements AutoCloseable {
        @Override
        public void close() {
            sweeper.stop();
            kafka.destroy();
            client.close();
        }
    }

    static Instance instance(String db, String topic, String name, int workers, Duration lease,
                             CommandPublisher publisher) {
        return instance(db, topic, name, workers, lease, publisher, Clock.systemUTC());
    }

    static Instance instance(String db, String topic, String name, int workers, Duration lease,
                             CommandPublisher publisher, Clock clock) {
        MongoClient client = MongoClients.create(mongoUri());
        MongoDatabase database = client.getDatabase(db);
        DeadlineStore store = new DeadlineStore(database);
        KafkaTemplate<String, byte[]> template = template();
        EscalationProperties props = props(name, workers, lease);
        CommandPublisher out = publisher != null ? publisher : new CommandPublisher(template, platform(db, topic));
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        DeadlineSweeper sweeper = new DeadlineSweeper(store, out, clock, props, meters);
        return new Instance(client, store, sweeper, template, meters);
    }

    /**
     * A publisher that notes, for each command the broker acknowledges, how long after its deadline's instant that
     * was: each deadline's own lateness, as a burst's first and last really were.
     */
    static CommandPublisher timing(String db, String topic, List<Duration> lateness) {
        KafkaTemplate<String, byte[]> kafka = template();
        kafka.partitionsFor(topic); // a running service's producer already knows the topic's partitions and leaders
        return new CommandPublisher(kafka, platform(db, topic)) {
            @Override
            public java.util.concurrent.CompletableFuture<?> sendAsync(org.practicealerts.events.DeadlineCommand c) {
                Instant due = c.expectedDueAt();
                return super.sendAsync(c).thenApply(r -> {
                    lateness.add(Duration.between(due, Instant.now()));
                    return r;
                });
            }
        };
    }

    /** Creates {@code topic} as the services do at start-up (the commands topic has three partitions). */
    static void createTopic(String topic, int partitions) {
        try (org.apache.kafka.clients.admin.Admin admin = org.apache.kafka.clients.admin.Admin.create(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap()))) {
            admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic(topic, partitions, (short) 1)))
                    .all().get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
    }

    static KafkaTemplate<String, byte[]> template() {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(p, new StringSerializer(), new ByteArraySerializer()));
    }

    /** Every command id on the topic, with how many times it appears. */
    static Map<String, Integer> commandsOn(String topic, int expectedAtLeast, Duration within) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID());
        Map<String, Integer> seen = new HashMap<>();
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(p, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            long end = System.nanoTime() + within.toNanos();
            while (System.nanoTime() < end && seen.size() < expectedAtLeast) {
                for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(300))) {
                    seen.merge(EventJson.readCommand(r.value()).commandId(), 1, Integer::sum);
                }
            }
            // one more poll so a duplicate just behind the last new id is counted too
            for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                seen.merge(EventJson.readCommand(r.value()).commandId(), 1, Integer::sum);
            }
        }
        return seen;
    }
}
