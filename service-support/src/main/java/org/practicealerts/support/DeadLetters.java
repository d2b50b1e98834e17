package org.practicealerts.support;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.support.KafkaUtils;

/**
 * Keeps a record a consumer could never process: copied, key and value untouched, to its group's dead-letter topic
 * with where it came from and the fault's class (never its message, which may quote the payload). Counted per group
 * ({@code consumer_dead_letters_total}); retries are counted too ({@code consumer_retries_total} by fault), so a
 * consumer paused on a fault shows. The copy is acknowledged by the brokers before the consumer moves on; if it
 * cannot be written, this throws and the record is tried again.
 */
public class DeadLetters implements ConsumerRecordRecoverer {

    public static final String ORIGINAL_TOPIC = "practice-alerts-original-topic";
    public static final String ORIGINAL_PARTITION = "practice-alerts-original-partition";
    public static final String ORIGINAL_OFFSET = "practice-alerts-original-offset";
    public static final String FAULT = "practice-alerts-fault";

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private final KafkaOperations<String, byte[]> kafka;
    private final MeterRegistry registry;

    public DeadLetters(KafkaOperations<String, byte[]> kafka, MeterRegistry registry, List<ConsumerGroup> groups) {
        this.kafka = kafka;
        this.registry = registry;
        for (ConsumerGroup g : groups) {
            deadLettered(g.id());
            for (ConsumerFaults.Kind kind : List.of(ConsumerFaults.Kind.TRANSIENT, ConsumerFaults.Kind.OTHER)) {
                retries(g.id(), kind);
            }
        }
    }

    /** For the listener containers: the group is the one whose thread failed. */
    @Override
    public void accept(ConsumerRecord<?, ?> record, Exception e) {
        send(groupOfThisThread(), record, e);
    }

    /** For a consumer loop of its own: keeps the record under the named group. */
    public void send(String group, ConsumerRecord<?, ?> record, Throwable e) {
        String topic = new ConsumerGroup(group).deadLetterTopic();
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, null,
                record.key() == null ? null : record.key().toString(), (byte[]) record.value());
        copy.headers().add(ORIGINAL_TOPIC, bytes(record.topic()))
                .add(ORIGINAL_PARTITION, bytes(String.valueOf(record.partition())))
                .add(ORIGINAL_OFFSET, bytes(String.valueOf(record.offset())))
                .add(FAULT, bytes(faultName(e)));
        try {
            kafka.send(copy).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keeping a dead letter", stop);
        } catch (Exception failed) {
            throw new IllegalStateException("could not keep record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " in " + topic + "; it will be tried again", failed);
        }
        deadLettered(group).increment();
        log.error("record {}-{}@{} could not be processed by {} ({}): kept in {}", record.topic(), record.partition(),
                record.offset(), LogSafe.id(group), faultName(e), topic);
    }

    void retried(Exception e) {
        ConsumerFaults.Kind kind = ConsumerFaults.classify(e);
        if (kind != ConsumerFaults.Kind.POISON) {
            retries(groupOfThisThread(), kind).increment();
        }
    }

    /** Counts a retry by a consumer loop of its own. */
    public void retried(String group, Throwable e) {
        ConsumerFaults.Kind kind = ConsumerFaults.classify(e);
        retries(group, kind == ConsumerFaults.Kind.POISON ? ConsumerFaults.Kind.OTHER : kind).increment();
    }

    private Counter deadLettered(String group) {
        return Counter.builder("consumer.dead.letters").tag("group", group)
                .description("Records a consumer could never process, kept in its dead-letter topic")
                .register(registry);
    }

    private Counter retries(String group, ConsumerFaults.Kind kind) {
        return Counter.builder("consumer.retries").tag("group", group).tag("fault", kind.name().toLowerCase())
                .description("Records a consumer failed to process and is trying again").register(registry);
    }

    private static String groupOfThisThread() {
        String group = KafkaUtils.getConsumerGroupId();
        return group == null ? "unknown" : group;
    }

    private static String faultName(Throwable e) {
        Throwable t = e;
        // The listener's own exception, not the container's wrapper around it.
        while (t.getCause() != null && t.getClass().getName().startsWith("org.springframework.kafka")) {
            t = t.getCause();
        }
        return t.getClass().getName();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
