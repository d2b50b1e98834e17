package org.practicealerts.notification.directory;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.CouncilCalendar;
import org.practicealerts.support.DeadLetters;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.support.UnreadableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads the compacted directory topic from the beginning at start (no consumer group: every instance keeps a full
 * copy) and follows it. The directory is marked ready once the replay reached the end offsets seen at start; alert
 * events wait for that, so a recipient is never missed only because the copy was still loading.
 */
@Component
public class DirectoryFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(DirectoryFollower.class);

    static final String GROUP = "notification-directory";

    private final ConsumerFactory<String, byte[]> consumers;
    private final DeadLetters deadLetters;
    private final Directory directory;
    private final CouncilCalendar calendar;
    private final String topic;
    private volatile boolean running;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public DirectoryFollower(ConsumerFactory<String, byte[]> consumers, Directory directory,
                             CouncilCalendar calendar, PlatformProperties props, DeadLetters deadLetters) {
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.directory = directory;
        this.calendar = calendar;
        this.topic = props.topics().directory();
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::follow, "directory-follower");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the alert-event listeners (which start in the default phase). */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }

    private void follow() {
        while (running) {
            try (Consumer<String, byte[]> c = consumers.createConsumer(null, GROUP, null,
                    null)) {
                consumer = c;
                List<TopicPartition> parts = c.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(i -> new TopicPartition(topic, i.partition())).toList();
                c.assign(parts);
                c.seekToBeginning(parts);
                Map<TopicPartition, Long> end = new HashMap<>(c.endOffsets(parts));
                int applied = 0;
                while (running) {
                    for (ConsumerRecord<String, byte[]> r : c.poll(Duration.ofMillis(500))) {
                        try {
                            DirectoryJson.Change change = DirectoryJson.read(r.key(), r.value());
                            directory.apply(change);
                            calendar.apply(change);
                            applied++;
                        } catch (RuntimeException bad) {
                            // Kept for someone to look at, and passed over: the rest of the directory still loads.
                            deadLetters.send(GROUP, r, new UnreadableRecord(bad));
                        }
                    }
                    if (!directory.isReady() && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                        directory.markReady();
                        log.info("directory loaded: {} records replayed", applied);
                    }
                }
            } catch (WakeupException stopping) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("directory follower restarting: {}", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            } finally {
                consumer = null;
            }
        }
    }

    @Bean
    static ConsumerGroup directoryConsumerGroup() {
        return new ConsumerGroup(GROUP);
    }
}
