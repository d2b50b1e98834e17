package org.practicealerts.alert.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.bson.Document;
import org.practicealerts.alert.domain.WorkingCalendarSource;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.WorkingDayCalendar;

/**
 * The council's calendar: published bank holidays (from configuration) plus days added at run time (a closure day,
 * a newly announced bank holiday), kept in MongoDB so every instance and every restart sees them.
 */
public class MongoWorkingCalendar implements WorkingCalendarSource {

    private final MongoCollection<Document> days;
    private final MongoCollection<Document> changes;
    private final List<Holiday> base;
    private final int firstYear;
    private final int lastYear;
    private final AtomicReference<WorkingDayCalendar> current = new AtomicReference<>();

    /**
     * @param firstYear the first year whose bank holidays {@code base} holds
     * @param lastYear  the last; a date outside these years is refused by the calendar, never guessed
     */
    public MongoWorkingCalendar(MongoDatabase db, int firstYear, int lastYear, List<Holiday> base) {
        this.days = db.getCollection("calendar_days");
        this.changes = db.getCollection("calendar_changes");
        this.base = List.copyOf(base);
        this.firstYear = firstYear;
        this.lastYear = lastYear;
        refresh();
    }

    @Override
    public WorkingDayCalendar current() {
        return current.get();
    }

    /** Adds (or renames) a non-working day. Returns true when the calendar changed. */
    public boolean add(Holiday day, String addedBy) {
        boolean known = current().holidayOn(day.date()).isPresent();
        days.replaceOne(Filters.eq("_id", day.date().toString()),
                new Document("_id", day.date().toString()).append("name", day.name())
                        .append("source", day.source().name()).append("addedBy", addedBy)
                        .append("addedAt", Instant.now()), new ReplaceOptions().upsert(true));
        refresh();
        if (!known) {
            recordChange(day.date() + " added as " + day.name());
        }
        return !known;
    }

    public boolean remove(LocalDate date) {
        boolean removed = days.deleteOne(Filters.eq("_id", date.toString())).getDeletedCount() > 0;
        refresh();
        if (removed) {
            recordChange(date + " is a working day again");
        }
        return removed;
    }

    /** A change open deadlines must be re-planned for; kept until every open alert has been re-planned. */
    private void recordChange(String reason) {
        changes.insertOne(new Document("_id", java.util.UUID.randomUUID().toString()).append("reason", reason)
                .append("at", Instant.now()).append("done", false));
    }

    /** A change open deadlines must be re-planned for, and when it was first applied (null: not yet). */
    public record PendingChange(String id, String reason, Instant firstAppliedAt) {
    }

    /** Changes not yet applied to open alerts for good, oldest first. */
    public List<PendingChange> pendingChanges() {
        List<PendingChange> out = new ArrayList<>();
        changes.find(Filters.eq("done", false)).sort(new Document("at", 1)).forEach(d -> {
            java.util.Date first = d.getDate("firstAppliedAt");
            out.add(new PendingChange(d.getString("_id"), d.getString("reason"),
                    first == null ? null : first.toInstant()));
        });
        return out;
    }

    /** Every open alert was sent the change once; it stays pending for the second pass. */
    public void changeFirstApplied(String id, Instant at) {
        changes.updateOne(Filters.eq("_id", id),
                new Document("$set", new Document("firstAppliedAt", java.util.Date.from(at))));
    }

    public void changeApplied(String id) {
        changes.updateOne(Filters.eq("_id", id), new Document("$set", new Document("done", true)));
    }

    /** Days added at run time, as stored. */
    public List<Holiday> added() {
        List<Holiday> out = new ArrayList<>();
        for (Document d : days.find()) {
            out.add(new Holiday(LocalDate.parse(d.getString("_id")), d.getString("name"),
                    Holiday.Source.valueOf(d.getString("source"))));
        }
        return out;
    }

    /** Re-reads the days other instances may have added. */
    public final void refresh() {
        List<Holiday> all = new ArrayList<>(base);
        all.addAll(added());
        current.set(WorkingDayCalendar.covering(firstYear, lastYear, all));
    }
}
