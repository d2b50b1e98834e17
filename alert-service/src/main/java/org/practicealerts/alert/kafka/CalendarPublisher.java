package org.practicealerts.alert.kafka;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.WorkingDayCalendar;
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
 * a tombstone for a day that became a working day again. What was published is remembered in MongoDB (read once, at
 * the first sweep) and changed only after Kafka acknowledged it, so a crash or a broker outage delays publication but
 * never loses a change. A sweep compares in memory, and only when the calendar has changed since the last complete one.
 */
@Component
public class CalendarPublisher {

    private static final Logger log = LoggerFactory.getLogger(CalendarPublisher.class);

    private final MongoWorkingCalendar calendar;
    private final MongoCollection<Document> published;
    private final KafkaTemplate<String, byte[]> kafka;
    private final String topic;
    /** What the topic holds, as this instance knows it: loaded from MongoDB once, then kept in step. */
    private Map<LocalDate, Document> sent;
    /** The calendar of the last sweep that published everything; the same calendar means nothing to do. */
    private WorkingDayCalendar done;

    public CalendarPublisher(MongoWorkingCalendar calendar, MongoDatabase db, KafkaTemplate<String, byte[]> kafka,
                             PlatformProperties props) {
        this.calendar = calendar;
        this.published = db.getCollection("calendar_published");
        this.kafka = kafka;
        this.topic = props.topics().directory();
    }

    @Scheduled(fixedDelayString = "${practice-alerts.calendar-publish-interval:2s}")
    public synchronized void publishChanges() {
        WorkingDayCalendar current = calendar.current();
        if (current == done) {
            return;
        }
        if (sent == null) {
            Map<LocalDate, Document> stored = new HashMap<>();
            published.find().forEach(d -> stored.put(LocalDate.parse(d.getString("_id")), d));
            sent = stored;
        }
        Map<LocalDate, NonWorkingDay> wanted = new HashMap<>();
        for (Holiday h : current.holidays()) {
            wanted.put(h.date(), new NonWorkingDay(h.date(), h.name(), h.source() == Holiday.Source.CLOSURE
                    ? NonWorkingDay.Source.CLOSURE : NonWorkingDay.Source.BANK_HOLIDAY));
        }
        // Every change is sent at once and each is remembered only once Kafka acknowledged it.
        Map<String, CompletableFuture<?>> sending = new LinkedHashMap<>();
        Map<String, Runnable> remember = new HashMap<>();
        boolean allQueued = true;
        try {
            queue(wanted, sending, remember);
        } catch (RuntimeException brokerAway) {
            log.warn("calendar not yet published: {}", brokerAway.toString());
            allQueued = false;
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
        if (allQueued) {
            done = current;
        }
    }

    private void queue(Map<LocalDate, NonWorkingDay> wanted, Map<String, CompletableFuture<?>> sending,
                       Map<String, Runnable> remember) {
        for (NonWorkingDay day : wanted.values()) {
            Document was = sent.get(day.date());
            if (was == null || !day.name().equals(was.getString("name"))
                    || !day.source().name().equals(was.getString("source"))) {
                sending.put(day.key(), kafka.send(topic, day.key(), DirectoryJson.writeBytes(day)));
                Document now = new Document("_id", day.entryId()).append("name", day.name())
                        .append("source", day.source().name());
                remember.put(day.key(), () -> {
                    published.replaceOne(Filters.eq("_id", day.entryId()), now, new ReplaceOptions().upsert(true));
                    sent.put(day.date(), now);
                });
            }
        }
        for (LocalDate date : List.copyOf(sent.keySet())) {
            if (!wanted.containsKey(date)) {
                String key = "DAY:" + date;
                sending.put(key, kafka.send(topic, key, null));
                remember.put(key, () -> {
                    published.deleteOne(Filters.eq("_id", date.toString()));
                    sent.remove(date);
                });
            }
        }
    }
}
