package org.practicealerts.alert.kafka;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.events.directory.NonWorkingDay;
import org.practicealerts.support.PlatformProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Publishes the council's calendar on the directory topic: every non-working day the alert-service plans with (bank
 * holidays from its configured source plus closure days, including those added at run time) as {@code DAY:date}, and
 * a tombstone for a day that became a working day again. What was published is remembered in MongoDB and changed only
 * after Kafka acknowledged it, so a crash or a broker outage delays publication but never loses a change.
 */
@Component
public class CalendarPublisher {

    private static final Logger log = LoggerFactory.getLogger(CalendarPublisher.class);

    private final MongoWorkingCalendar calendar;
    private final MongoCollection<Document> published;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;

    public CalendarPublisher(MongoWorkingCalendar calendar, MongoDatabase db, KafkaTemplate<String, byte[]> kafka,
                             PlatformProperties props) {
        this.calendar = calendar;
        this.published = db.getCollection("calendar_published");
        this.kafka = kafka;
        this.topic = props.topics().directory();
    }

    @Scheduled(fixedDelayString = "${practice-alerts.calendar-publish-interval:2s}")
    public void publishChanges() {
        Map<LocalDate, NonWorkingDay> wanted = new HashMap<>();
        for (Holiday h : calendar.current().holidays()) {
            wanted.put(h.date(), new NonWorkingDay(h.date(), h.name(), h.source() == Holiday.Source.CLOSURE
                    ? NonWorkingDay.Source.CLOSURE : NonWorkingDay.Source.BANK_HOLIDAY));
        }
        Map<LocalDate, Document> sent = new HashMap<>();
        published.find().forEach(d -> sent.put(LocalDate.parse(d.getString("_id")), d));
        // Every change is sent at once and each is remembered only once Kafka acknowledged it.
        Map<String, CompletableFuture<?>> sending = new LinkedHashMap<>();
        Map<String, Runnable> remember = new HashMap<>();
        try {
            queue(wanted, sent, sending, remember);
        } catch (RuntimeException brokerAway) {
            log.warn("calendar not yet published: {}", brokerAway.toString());
        }
        for (Map.Entry<String, CompletableFuture<?>> s : sending.entrySet()) {
            try {
                s.getValue().get(10, TimeUnit.SECONDS);
                remember.get(s.getKey()).run();
            } catch (Exception e) {
                // Left for the next sweep, and so is the rest: the broker is likely away. Dates only in the log.
                log.warn("calendar entry {} not yet published: {}", s.getKey(), e.toString());
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
        }
    }

    private void queue(Map<LocalDate, NonWorkingDay> wanted, Map<LocalDate, Document> sent,
                       Map<String, CompletableFuture<?>> sending, Map<String, Runnable> remember) {
        for (NonWorkingDay day : wanted.values()) {
            Document was = sent.get(day.date());
            if (was == null || !day.name().equals(was.getString("name"))
                    || !day.source().name().equals(was.getString("source"))) {
                sending.put(day.key(), kafka.send(topic, day.key(), DirectoryJson.writeBytes(day)));
                remember.put(day.key(), () -> published.replaceOne(Filters.eq("_id", day.entryId()),
                        new Document("_id", day.entryId()).append("name", day.name())
                                .append("source", day.source().name()), new ReplaceOptions().upsert(true)));
            }
        }
        for (LocalDate date : sent.keySet()) {
            if (!wanted.containsKey(date)) {
                String key = "DAY:" + date;
                sending.put(key, kafka.send(topic, key, null));
                remember.put(key, () -> published.deleteOne(Filters.eq("_id", date.toString())));
            }
        }
    }
}
