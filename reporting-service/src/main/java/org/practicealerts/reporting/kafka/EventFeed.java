package org.practicealerts.reporting.kafka;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.support.CouncilCalendar;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.reporting.domain.Directory;
import org.practicealerts.reporting.domain.LiveProjection;
import org.practicealerts.reporting.domain.Projection;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.DeadLetters;
import org.practicealerts.support.LogSafe;
import org.practicealerts.support.UnreadableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

/**
 * Reads both topics from the beginning into memory and keeps reading. No consumer group: the partitions are assigned
 * and sought to the beginning, so every instance and every restart builds the whole projection (nothing is committed).
 * A rebuild starts a fresh projection from the beginning, keeps serving the old one meanwhile, and swaps when the new
 * one reaches the end offsets seen when the rebuild began.
 */
@Component
public class EventFeed implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);

    /** Where the feed stands, for the admin status endpoint and tests. */
    public record Status(boolean caughtUp, boolean rebuilding, long applied, long duplicates, long orphans,
                         int alerts, Instant lastRebuildAt, Long lastRebuildMillis) {
    }

    static final String GROUP = "reporting-feed";

    private final ConsumerFactory<String, byte[]> consumers;
    private final DeadLetters deadLetters;
    /** The next offset to read per partition, so a reconnect carries on where the feed was (not a rebuild). */
    private final Map<TopicPartition, Long> positions = new HashMap<>();
    private final LiveProjection live;
    private final Directory directory;
    private final CouncilCalendar calendar;
    private final String eventsTopic;
    private final String directoryTopic;
    private final AtomicBoolean rebuildRequested = new AtomicBoolean();
    private volatile boolean running;
    private volatile boolean caughtUp;
    private volatile boolean rebuilding;
    private volatile Instant lastRebuildAt;
    private volatile Long lastRebuildMillis;
    private volatile Consumer<String, byte[]> consumer;
    private Thread thread;

    public EventFeed(ConsumerFactory<String, byte[]> consumers, LiveProjection live, Directory directory,
                     CouncilCalendar calendar, PlatformProperties props, DeadLetters deadLetters) {
        this.consumers = consumers;
        this.deadLetters = deadLetters;
        this.live = live;
        this.directory = directory;
        this.calendar = calendar;
        this.eventsTopic = props.topics().events();
        this.directoryTopic = props.topics().directory();
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::run, "reporting-feed");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        try {
            if (thread != null) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Asks for a rebuild from the beginning of the topics; returns false if one is already under way. */
    public boolean requestRebuild() {
        return !rebuilding && rebuildRequested.compareAndSet(false, true);
    }

    public Status status() {
        return live.read(p -> new Status(caughtUp, rebuilding || rebuildRequested.get(), p.applied(),
                p.duplicates(), p.orphans(), p.alerts().size(), lastRebuildAt, lastRebuildMillis));
    }

    /**
     * Runs the feed. After a failure (broker gone, say) it reconnects and carries on from where it was; only a
     * rebuild that was under way starts again. An event it cannot read or apply goes to the dead letters, never
     * round the loop again.
     */
    private void run() {
        while (running) {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.error("reporting feed failed, reconnecting: {}", e.getClass().getName());
                deadLetters.retried(GROUP, e);
                if (rebuilding) {
                    rebuildRequested.set(true);
                    rebuilding = false;
                }
                try {
                    Thread.sleep(1000); // back-off before reconnecting
                } catch (InterruptedException stop) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private void runOnce() {
        Map<String, Object> overrides = new HashMap<>();
        // Never committed: the projection always starts from the beginning.
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (Consumer<String, byte[]> c = consumers.createConsumer(null, "reporting-feed", null, toProperties(overrides))) {
            consumer = c;
            List<TopicPartition> partitions = resume(c);
            Map<TopicPartition, Long> target = c.endOffsets(partitions);
            Projection building = null;
            long rebuildStarted = 0;
            try {
                while (running) {
                    if (rebuildRequested.compareAndSet(true, false)) {
                        partitions = assign(c);
                        target = c.endOffsets(partitions);
                        building = new Projection();
                        rebuilding = true;
                        rebuildStarted = System.nanoTime();
                        log.info("rebuild started from the beginning of {} partitions", partitions.size());
                    } else if (partitions.isEmpty()) {
                        partitions = assign(c);
                        target = c.endOffsets(partitions);
                    }
                    ConsumerRecords<String, byte[]> records = c.poll(Duration.ofMillis(200));
                    List<PracticeEvent> events = new ArrayList<>(records.count());
                    List<ConsumerRecord<String, byte[]>> sources = new ArrayList<>(records.count());
                    for (ConsumerRecord<String, byte[]> r : records) {
                        if (r.topic().equals(directoryTopic)) {
                            directory(r.key(), r.value());
                        } else if (r.value() != null) {
                            try {
                                events.add(EventJson.read(r.value()));
                                sources.add(r);
                            } catch (RuntimeException e) {
                                deadLetter(r, new UnreadableRecord(e));
                            }
                        }
                    }
                    if (building != null) {
                        for (int i = 0; i < events.size(); i++) {
                            try {
                                building.apply(events.get(i));
                            } catch (RuntimeException e) {
                                deadLetter(sources.get(i), e);
                            }
                        }
                        if (reached(c, target)) {
                            live.replace(building);
                            building = null;
                            rebuilding = false;
                            lastRebuildAt = Instant.now();
                            lastRebuildMillis = (System.nanoTime() - rebuildStarted) / 1_000_000;
                            log.info("rebuild done in {} ms", lastRebuildMillis);
                        }
                    } else if (!events.isEmpty()) {
                        live.apply(events, (e, i) -> deadLetter(sources.get(i), e));
                    }
                    for (ConsumerRecord<String, byte[]> r : records) {
                        positions.put(new TopicPartition(r.topic(), r.partition()), r.offset() + 1);
                    }
                    if (!caughtUp && building == null && !partitions.isEmpty() && reached(c, target)) {
                        caughtUp = true;
                        log.info("projection caught up with the event topic");
                    }
                }
            } finally {
                if (building != null) {
                    building.close(); // a rebuild this loop did not finish: its text file goes
                }
            }
        } catch (WakeupException stopping) {
            // stop() woke the consumer
        } finally {
            consumer = null;
        }
    }

    /**
     * An event this version cannot read or apply: kept in the dead letters (its ids logged, never its text) and
     * passed over. Should the dead letters be unwritable, the feed fails and reconnects to try the record again.
     */
    private void deadLetter(ConsumerRecord<String, byte[]> r, RuntimeException e) {
        deadLetters.send(GROUP, r, e);
    }

    /** Assigns every partition at the positions already reached (from the beginning the first time). */
    private List<TopicPartition> resume(Consumer<String, byte[]> c) {
        List<TopicPartition> partitions = assign(c);
        if (!rebuildRequested.get()) {
            for (TopicPartition tp : partitions) {
                Long next = positions.get(tp);
                if (next != null) {
                    c.seek(tp, next);
                }
            }
        }
        return partitions;
    }

    private List<TopicPartition> assign(Consumer<String, byte[]> c) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(eventsTopic, directoryTopic)) {
            List<PartitionInfo> infos = c.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null) {
                for (PartitionInfo i : infos) {
                    partitions.add(new TopicPartition(i.topic(), i.partition()));
                }
            }
        }
        c.assign(partitions);
        c.seekToBeginning(partitions);
        return partitions;
    }

    private static boolean reached(Consumer<String, byte[]> c, Map<TopicPartition, Long> target) {
        for (Map.Entry<TopicPartition, Long> e : target.entrySet()) {
            if (c.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Follows the directory topic: people and teams for the visibility rule, non-working days for the calendar. */
    private void directory(String key, byte[] value) {
        try {
            DirectoryJson.Change change = DirectoryJson.read(key, value);
            calendar.apply(change);
            switch (change.kind()) {
                case PERSON -> change.entry().map(org.practicealerts.events.directory.Person.class::cast)
                        .ifPresentOrElse(p -> {
                            directory.putPerson(new Directory.Person(change.id(), p.teamId(), p.managerId(),
                                    p.roles().stream().map(Enum::name).toList(), p.displayName()));
                            directory.active(change.id(), p.active());
                        }, () -> directory.removePerson(change.id()));
                case TEAM -> change.entry().map(org.practicealerts.events.directory.Team.class::cast)
                        .ifPresentOrElse(t -> directory.putTeam(new Directory.Team(change.id(), t.name(),
                                        t.managerId())),
                                () -> directory.removeTeam(change.id()));
                case COVER, DAY -> {
                    // Covers: the alert-service resolved them into the events' assignments. Days: the calendar's.
                }
            }
        } catch (RuntimeException e) {
            // The key names a directory entry (staff or a date), never a child; the payload is not logged.
            log.warn("unreadable directory entry {} skipped: {}", LogSafe.id(key), e.getClass().getSimpleName());
        }
    }

    private static java.util.Properties toProperties(Map<String, Object> map) {
        java.util.Properties p = new java.util.Properties();
        p.putAll(map);
        return p;
    }

    @Bean
    static ConsumerGroup reportingFeedConsumerGroup() {
        return new ConsumerGroup(GROUP);
    }
}
