package org.practicealerts.alert.config;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * A change stays pending until every open alert was sent {@code ReplanDeadlines}; re-planning is idempotent, so a
 * crash half way or two instances doing it twice changes nothing more.
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
        Map<String, String> pending = calendar.pendingChanges();
        if (pending.isEmpty()) {
            return;
        }
        calendar.refresh();
        List<String> open = new ArrayList<>();
        db.getCollection(AlertListProjection.COLLECTION)
                .find(Filters.in("status", "AWAITING_RESPONSE", "AWAITING_JUDGEMENT", "ACTION_REVIEW"))
                .projection(Projections.include("_id")).forEach((Document d) -> open.add(d.getString("_id")));
        pending.forEach((id, reason) -> {
            open.forEach(alertId -> commands.sendAndWait(new Commands.ReplanDeadlines(alertId, reason)));
            calendar.changeApplied(id);
            log.info("calendar change '{}': re-planned {} open alerts", reason, open.size());
        });
    }
}
