package org.practicealerts.alert.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.directory.DirectoryEntry;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.events.directory.NonWorkingDay;
import org.practicealerts.events.directory.Person;
import org.practicealerts.events.Role;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.alert.web.ApiTestBase;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.Urgency;
import java.util.HashMap;
import java.util.Optional;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The event store is the outbox: every stored event reaches the Kafka topic, keyed by alert id, exactly once after
 * de-duplication on eventId and in each alert's order, even with commands racing on several threads and the broker
 * restarted in the middle. This guards the known weakness of MongoDB timestamp tracking tokens (events committed out
 * of timestamp order).
 */
class KafkaPublicationTest extends ApiTestBase {

    private static final Actor IRO = new Actor("iro-1", Set.of("IRO"));
    private static final Actor TM = new Actor("tm-north", Set.of("TEAM_MANAGER"));
    private static final int THREADS = 8;
    private static final int ALERTS = 160;

    @Autowired
    CommandGateway commands;
    @Autowired
    EventStore eventStore;
    @Autowired
    PlatformProperties props;
    @Autowired
    MongoDirectory directory;
    @Autowired
    MongoWorkingCalendar calendar;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void aFailingHandlerRetriesItsBatchRatherThanSkippingTheEvent() {
        for (String group : List.of(KafkaEventPublisher.PROCESSING_GROUP, "alert-views")) {
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void eachEventIsTimedFromItsStorageToKafkasAcknowledgementForTheOperationsDashboard() throws Exception {
        io.micrometer.core.instrument.Timer lag = meters.get("practice.alerts.publication.lag").timer();
        long before = lag.count();
        lifeOf(UUID.randomUUID().toString(), 0);
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> lag.count() >= before + 5);
        assertThat(lag.totalTime(TimeUnit.NANOSECONDS)).as("time from storage to acknowledgement").isPositive();
        assertThat(meters.get("practice.alerts.publisher.segments").tag("state", "claimed").gauge().value())
                .as("this instance publishes").isGreaterThanOrEqualTo(1);
        assertThat(meters.get("practice.alerts.publisher.segments").tag("state", "error").gauge().value()).isZero();
    }

    @Test
    void everyStoredEventReachesKafkaOnceInPerAlertOrderDespiteConcurrencyAndABrokerRestart() throws Exception {
        List<String> alertIds = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> work = new ArrayList<>();
        for (int i = 0; i < ALERTS; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                String id = UUID.randomUUID().toString();
                alertIds.add(id);
                lifeOf(id, n);
                return null;
            }));
            if (i == ALERTS / 2) {
                // Half way: the broker goes away and comes back while commands keep being accepted.
                SharedInfrastructure.kafka().restart();
            }
        }
        for (Future<?> f : work) {
            f.get(120, TimeUnit.SECONDS);
        }
        pool.shutdown();

        Map<String, List<String>> storedEventIds = new LinkedHashMap<>();
        for (String id : alertIds) {
            storedEventIds.put(id, eventStore.readEvents(id).asStream()
                    .map(m -> ((PracticeEvent) m.getPayload()).eventId()).toList());
        }
        int expected = storedEventIds.values().stream().mapToInt(List::size).sum();
        assertThat(expected).isEqualTo(ALERTS * 5);

        Set<String> ours = new HashSet<>(alertIds);
        try (EventTopicReader reader = new EventTopicReader(SharedInfrastructure.kafka().bootstrapServers(),
                props.topics().events())) {
            Awaitility.await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofMillis(200)).until(() ->
                    distinctEventIds(reader.poll(), ours).size() >= expected);
            List<ConsumerRecord<String, byte[]>> records = reader.poll();

            Map<String, List<String>> published = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            int duplicates = 0;
            for (ConsumerRecord<String, byte[]> r : records) {
                if (!ours.contains(r.key())) {
                    continue;
                }
                PracticeEvent e = EventJson.read(r.value());
                assertThat(e.aggregateId()).isEqualTo(r.key());
                assertThat(new String(r.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8))
                        .isEqualTo(e.eventId());
                if (!seen.add(e.eventId())) {
                    duplicates++;
                    continue;
                }
                published.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(e.eventId());
            }
            System.out.printf("published %d events for %d alerts; %d duplicate deliveries de-duplicated%n",
                    seen.size(), ALERTS, duplicates);
            assertThat(published).isEqualTo(storedEventIds);
        }
    }

    @Test
    void directoryChangesReachTheCompactedTopic() {
        directory.save(new Person("sw-new", "New Social Worker", "sw-new@demo-council.example", null,
                Set.of(Role.SOCIAL_WORKER), DemoDirectory.NORTH, "tm-north", true, "EMAIL"));
        try (EventTopicReader reader = new EventTopicReader(SharedInfrastructure.kafka().bootstrapServers(),
                props.topics().directory())) {
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> reader.poll().stream()
                    .filter(r -> r.key().equals("PERSON:sw-new"))
                    .map(r -> DirectoryJson.read(r.key(), r.value()).entry())
                    .anyMatch(e -> e.isPresent() && e.get() instanceof Person p && p.teamId().equals("team-north")
                            && p.managerId().equals("tm-north") && p.has(Role.SOCIAL_WORKER)));
        }
    }

    @Test
    void everyNonWorkingDayReachesTheDirectoryTopicAndAClosureDayRemovedAtRunTimeBecomesATombstone() {
        LocalDate closure = LocalDate.of(2031, 12, 29);
        calendar.add(Holiday.closure(closure, "Council closure day"), "admin-1");
        try (EventTopicReader reader = new EventTopicReader(SharedInfrastructure.kafka().bootstrapServers(),
                props.topics().directory())) {
            Map<String, Optional<DirectoryEntry>> days = new HashMap<>();
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll().stream().filter(r -> r.key().startsWith("DAY:"))
                        .forEach(r -> days.put(r.key(), DirectoryJson.read(r.key(), r.value()).entry()));
                return days.containsKey("DAY:2031-12-29") && days.get("DAY:2031-12-29").isPresent();
            });
            assertThat(days.get("DAY:2026-12-25")).as("Christmas Day 2026, a bank holiday")
                    .hasValueSatisfying(e -> assertThat(((NonWorkingDay) e).source())
                            .isEqualTo(NonWorkingDay.Source.BANK_HOLIDAY));
            assertThat(days.get("DAY:2031-12-29")).contains(new NonWorkingDay(closure, "Council closure day",
                    NonWorkingDay.Source.CLOSURE));

            calendar.remove(closure);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
                reader.poll().stream().filter(r -> r.key().equals("DAY:2031-12-29"))
                        .forEach(r -> days.put(r.key(), DirectoryJson.read(r.key(), r.value()).entry()));
                return days.get("DAY:2031-12-29").isEmpty();
            });
        }
    }

    private void lifeOf(String id, int n) {
        commands.sendAndWait(new Commands.RaiseAlert(id, "PA-T-" + n, IRO,
                new Commands.RaiseAlert.Child("MOSAIC-9" + n, List.of(), PlanType.CHILD_WE_CARE_FOR, DemoDirectory.NORTH),
                new Commands.RaiseAlert.Concern("STATUTORY_VISIT", List.of(), "s", "i", "v", List.of()),
                new Commands.RaiseAlert.Routing(null, null, Urgency.ROUTINE),
                new Commands.RaiseAlert.Circumstances(false, null, null)));
        commands.sendAndWait(new Commands.AcknowledgeAlert(id, TM));
        commands.sendAndWait(new Commands.AddNote(id, IRO, "phoned"));
        commands.sendAndWait(new Commands.RecordResponse(id, TM, "on it",
                List.of(new Commands.NewAction("visit", "sw-north", LocalDate.of(2030, 1, 1)))));
        commands.sendAndWait(new Commands.ResolveAlert(id, IRO, "done"));
    }

    private static Set<String> distinctEventIds(List<ConsumerRecord<String, byte[]>> records, Set<String> ours) {
        Set<String> ids = new HashSet<>();
        for (ConsumerRecord<String, byte[]> r : records) {
            if (ours.contains(r.key())) {
                ids.add(new String(r.headers().lastHeader(EventHeaders.EVENT_ID).value(), StandardCharsets.UTF_8));
            }
        }
        return ids;
    }
}
