package org.practicealerts.alert.config;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.practicealerts.alert.query.AlertListProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Keeps every instance's calendar current (days live in MongoDB) and re-plans open alerts after a calendar change.
 * The open alerts come from the list read model, which follows the event store within about a second, so an alert
 * raised just before the change may not be listed yet: each change is applied at once and again after
 * {@link #SECOND_PASS}, and only then is it done. Re-planning is idempotent, so the second pass, a crash half way
 * or two instances doing it twice change nothing more.
 */
@Component
public class CalendarRefresh {

    private static final Logger log = LoggerFactory.getLogger(CalendarRefresh.class);

    private final MongoWorkingCalendar calendar;
    private final MongoDatabase db;
    private final CommandGateway commands;

    public CalendarRefresh(MongoWorkingCalendar calendar, MongoDatabase db, CommandGateway commands) {
        this.calendar = calendar;
        this.db = db;
        this.commands = commands;
    }

    @Scheduled(fixedDelayString = "${practice-alerts.calendar-refresh-interval:30s}")
    public void refresh() {
        calendar.refresh();
    }

    @Scheduled(fixedDelayString = "${practice-alerts.calendar-replan-interval:2s}")
    public void replanOpenAlerts() {
        Instant now = Instant.now();
        List<MongoWorkingCalendar.PendingChange> due = calendar.pendingChanges().stream()
                .filter(c -> c.firstAppliedAt() == null || !c.firstAppliedAt().plus(SECOND_PASS).isAfter(now))
                .toList();
        if (due.isEmpty()) {
            return;
        }
        calendar.refresh();
        List<String> open = new ArrayList<>();
        db.getCollection(AlertListProjection.COLLECTION)
                .find(Filters.in("status", "AWAITING_RESPONSE", "AWAITING_JUDGEMENT", "ACTION_REVIEW"))
                .projection(Projections.include("_id")).forEach((Document d) -> open.add(d.getString("_id")));
        for (MongoWorkingCalendar.PendingChange change : due) {
            open.forEach(alertId -> commands.sendAndWait(new Commands.ReplanDeadlines(alertId, change.reason())));
            if (change.firstAppliedAt() == null) {
                calendar.changeFirstApplied(change.id(), now);
            } else {
                calendar.changeApplied(change.id());
            }
            log.info("calendar change '{}': re-planned {} open alerts", change.reason(), open.size());
        }
    }

    /** Longer than the list read model takes to show a newly raised alert (about a second). */
    static final Duration SECOND_PASS = Duration.ofSeconds(5);
}
