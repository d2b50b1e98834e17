package org.practicealerts.alert.query;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.domain.WorkingCalendarSource;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.calendar.CalendarCoverageException;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertStatus;
import org.springframework.stereotype.Component;

/** Reads alerts: one alert folded from the event store, lists from the {@code alert_views} projection. */
@Component
public class AlertQueries {

    /** The deepest row a list reaches: page and size beyond it are refused rather than skipped to. */
    public static final int DEEPEST_ROW = 10_000;

    private static final List<String> OPEN_STATUSES =
            Arrays.stream(AlertStatus.values()).filter(AlertStatus::isOpen).map(Enum::name).toList();

    /** List filters; {@code null} means "any". */
    public record Filter(boolean assignedToMe, boolean raisedByMe, String team, Integer stage, String status,
                         Boolean open, Boolean overdue, String childRef, int page, int size) {
    }

    /**
     * One row of a list: no free text, so lists never leak a competence concern's detail. {@code workingDaysLeft}
     * counts the council's working days from today (the service's clock, the council's calendar) to the deadline's
     * day: 0 when due today, negative when passed, null without a deadline.
     */
    public record Summary(String id, String reference, String childRef, String planType, String teamId,
                          String raisedBy, String primaryCategory, String urgency, boolean competenceConcern,
                          int stage, String status, String responderId, String coverFor, Instant responseDueAt,
                          boolean overdue, Integer workingDaysLeft, Instant raisedAt, Instant updatedAt) {
    }

    private final EventStore eventStore;
    private final MongoCollection<Document> views;
    private final MongoDirectory directory;
    private final AlertAccess access;
    private final Clock clock;
    private final WorkingCalendarSource calendars;
    private final ZoneId zone;

    public AlertQueries(EventStore eventStore, MongoDatabase db, MongoDirectory directory, AlertAccess access,
                        Clock clock, WorkingCalendarSource calendars, StagePlanner planner) {
        this.eventStore = eventStore;
        this.views = db.getCollection(AlertListProjection.COLLECTION);
        this.directory = directory;
        this.access = access;
        this.clock = clock;
        this.calendars = calendars;
        this.zone = planner.policies().primary().zone();
    }

    /** The alert as its events tell it, or empty when no such alert exists. */
    public Optional<AlertDetail> detail(String alertId) {
        List<AlertEvent> events = new ArrayList<>();
        eventStore.readEvents(alertId).asStream().map(DomainEventMessage::getPayload)
                .filter(AlertEvent.class::isInstance).map(AlertEvent.class::cast).forEach(events::add);
        return events.isEmpty() ? Optional.empty() : Optional.of(AlertDetail.fold(events));
    }

    public List<Summary> list(Filter f, Actor actor) {
        List<Bson> and = new ArrayList<>();
        Instant now = clock.instant();
        AlertVisibility.Scope scope = access.scopeOf(actor);
        if (!scope.everything()) {
            and.add(Filters.or(Filters.in("involved", scope.people()), Filters.in("teamId", scope.teams())));
        }
        if (f.assignedToMe()) {
            and.add(Filters.and(Filters.in("status", "AWAITING_RESPONSE", "AWAITING_JUDGEMENT"),
                    Filters.or(Filters.eq("responderId", actor.personId()), Filters.eq("coverFor", actor.personId()))));
        }
        if (f.raisedByMe()) {
            and.add(Filters.eq("raisedBy", actor.personId()));
        }
        if (f.team() != null) {
            and.add(Filters.eq("teamId", f.team()));
        }
        if (f.stage() != null) {
            and.add(Filters.eq("stage", f.stage()));
        }
        if (f.status() != null) {
            and.add(Filters.eq("status", f.status()));
        }
        if (f.open() != null) {
            and.add(f.open() ? Filters.in("status", OPEN_STATUSES) : Filters.nin("status", OPEN_STATUSES));
        }
        if (f.childRef() != null) {
            and.add(Filters.eq("childRef", f.childRef()));
        }
        if (Boolean.TRUE.equals(f.overdue())) {
            and.add(Filters.and(Filters.eq("status", "AWAITING_RESPONSE"), Filters.lt("responseDueAt", Date.from(now))));
        }
        List<Summary> out = new ArrayList<>();
        WorkingDayCalendar calendar = calendars.current();
        LocalDate today = LocalDate.ofInstant(now, zone);
        // Newest first on an index (raisedAt, then id, so a page never repeats or skips a row of the last);
        // never deeper than DEEPEST_ROW, which the API refuses.
        views.find(and.isEmpty() ? new Document() : Filters.and(and)).sort(Sorts.descending("raisedAt", "_id"))
                .skip(f.page() * f.size()).limit(f.size())
                .forEach(d -> out.add(summary(d, now, workingDaysLeft(calendar, today, d.getDate("responseDueAt")))));
        return out;
    }

    private Integer workingDaysLeft(WorkingDayCalendar calendar, LocalDate today, Date due) {
        if (due == null) {
            return null;
        }
        LocalDate day = LocalDate.ofInstant(due.toInstant(), zone);
        try {
            return day.isBefore(today) ? -calendar.workingDaysBetween(day, today)
                    : calendar.workingDaysBetween(today, day);
        } catch (CalendarCoverageException beyondTheCalendar) {
            return null; // the deadline itself was refused for such a date; nothing to count
        }
    }

    private static Summary summary(Document d, Instant now, Integer workingDaysLeft) {
        Date due = d.getDate("responseDueAt");
        String status = d.getString("status");
        return new Summary(d.getString("_id"), d.getString("reference"), d.getString("childRef"),
                d.getString("planType"), d.getString("teamId"), d.getString("raisedBy"),
                d.getString("primaryCategory"), d.getString("urgency"), d.getBoolean("competenceConcern", false),
                d.getInteger("stage", 1), status, d.getString("responderId"), d.getString("coverFor"),
                due == null ? null : due.toInstant(),
                due != null && "AWAITING_RESPONSE".equals(status) && due.toInstant().isBefore(now), workingDaysLeft,
                d.getDate("raisedAt").toInstant(), d.getDate("updatedAt").toInstant());
    }
}
