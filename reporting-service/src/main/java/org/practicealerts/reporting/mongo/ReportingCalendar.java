package org.practicealerts.reporting.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The shared working-day calendar: configured base holidays plus the non-working days the alert-service added at run
 * time (its {@code calendar_days} collection, read-only here), re-read every minute.
 */
public class ReportingCalendar {

    private static final Logger log = LoggerFactory.getLogger(ReportingCalendar.class);

    private final MongoCollection<Document> days;
    private final List<Holiday> base;
    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>();

    public ReportingCalendar(MongoDatabase db, List<Holiday> base) {
        this.days = db.getCollection("calendar_days");
        this.base = List.copyOf(base);
        current.set(WorkingDayCalendar.of(this.base));
        refresh();
    }

    public WorkingDayCalendar current() {
        return current.get();
    }

    @Scheduled(fixedDelayString = "${practice-alerts.reporting.calendar-refresh:60s}")
    public void refresh() {
        try {
            List<Holiday> all = new ArrayList<>(base);
            for (Document d : days.find()) {
                all.add(new Holiday(LocalDate.parse(d.getString("_id")), d.getString("name"),
                        Holiday.Source.valueOf(d.getString("source"))));
            }
            current.set(WorkingDayCalendar.of(all));
        } catch (RuntimeException e) {
            log.warn("calendar additions not read, keeping the previous calendar: {}", e.toString());
        }
    }
}
