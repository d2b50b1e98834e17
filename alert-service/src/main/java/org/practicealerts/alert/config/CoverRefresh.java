package org.practicealerts.alert.config;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.bson.Document;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.alert.domain.StagePlanner;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.alert.query.AlertListProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Cover that follows the absence: every interval, each open alert whose responder is away today, or is answered by
 * a cover, is asked to follow today's covers ({@link Commands.FollowCover}). An absence that began during a stage
 * hands the stage to the cover, who is told, can see it and can answer; one that ended hands it back. The alert
 * decides and records a reassignment by {@code system} only when something changed, so repeating this, or two
 * instances doing it, records nothing more.
 */
@Component
public class CoverRefresh {

    private static final Logger log = LoggerFactory.getLogger(CoverRefresh.class);

    private final MongoDirectory directory;
    private final MongoDatabase db;
    private final CommandGateway commands;
    private final StagePlanner planner;
    private final Clock clock;

    public CoverRefresh(MongoDirectory directory, MongoDatabase db, CommandGateway commands, StagePlanner planner,
                        Clock clock) {
        this.directory = directory;
        this.db = db;
        this.commands = commands;
        this.planner = planner;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${practice-alerts.cover-refresh-interval:30s}")
    public void followCovers() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), planner.policies().primary().zone());
        Set<String> away = directory.covers().stream()
                .filter(c -> !c.from().isAfter(today) && !c.to().isBefore(today))
                .map(c -> c.absentPersonId()).collect(Collectors.toSet());
        List<String> alerts = new ArrayList<>();
        db.getCollection(AlertListProjection.COLLECTION)
                .find(Filters.and(Filters.in("status", "AWAITING_RESPONSE", "AWAITING_JUDGEMENT"),
                        Filters.or(Filters.in("responderId", away), Filters.ne("coverFor", null))))
                .projection(Projections.include("_id")).forEach((Document d) -> alerts.add(d.getString("_id")));
        for (String alertId : alerts) {
            try {
                commands.sendAndWait(new Commands.FollowCover(alertId));
            } catch (RuntimeException e) {
                log.warn("alert {} could not follow today's covers (tried again next time): {}", alertId,
                        e.getMessage());
            }
        }
    }
}
