package org.practicealerts.alert.text;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.practicealerts.alert.query.AlertListProjection;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.text.TextKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Erases the free text of alerts closed longer than the council's retention period, each night: the same erasure an
 * administrator asks for, by "retention". The alert's ids, dates and stages stay, so the statistics do not change.
 */
@Component
public class TextRetention {

    static final String BY = "retention";
    private static final Logger log = LoggerFactory.getLogger(TextRetention.class);
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private final MongoCollection<Document> views;
    private final TextKeys keys;
    private final TextRetentionProperties props;
    private final Clock clock;

    public TextRetention(MongoDatabase db, TextKeys keys, TextRetentionProperties props, Clock clock) {
        this.views = db.getCollection(AlertListProjection.COLLECTION);
        this.keys = keys;
        this.props = props;
        this.clock = clock;
        views.createIndex(Indexes.ascending("status", "updatedAt"));
    }

    @Scheduled(cron = "${practice-alerts.text-retention.cron:0 15 2 * * *}", zone = "Europe/London")
    void nightly() {
        if (props.enabled()) {
            eraseExpired();
        }
    }

    /** Erases every closed alert's text past the period; returns how many it erased. */
    public int eraseExpired() {
        Date cutoff = Date.from(clock.instant().atZone(LONDON).minus(props.afterClosure()).toInstant());
        List<String> closed = List.of(AlertStatus.values()).stream().filter(s -> !s.isOpen()).map(Enum::name).toList();
        int erased = 0;
        for (Document view : views.find(Filters.and(Filters.in("status", closed), Filters.lt("updatedAt", cutoff),
                Filters.exists("textErasedAt", false)))) {
            String alertId = view.getString("_id");
            if (keys.holds(alertId)) {
                keys.erase(alertId, BY, "retention: closed more than " + props.afterClosure());
                erased++;
            }
            // marked even without a key (an alert with no free text): the nightly query skips it from now on
            views.updateOne(Filters.eq("_id", alertId), Updates.set("textErasedAt", Date.from(clock.instant())));
        }
        if (erased > 0) {
            log.info("retention erased the free text of {} closed alerts", erased);
        }
        return erased;
    }
}
