package org.practicealerts.notification.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.practicealerts.events.Urgency;
import org.practicealerts.support.CouncilCalendar;
import org.practicealerts.notification.NotificationProperties;
import org.practicealerts.notification.delivery.Dispatcher;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.directory.Directory.Person;
import org.practicealerts.notification.outbox.AlertProjection;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxStore;
import org.practicealerts.notification.outbox.Told;
import org.practicealerts.notification.render.Renderer;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * One email a working day, at the configured local time, for each person who chose DIGEST: their open alerts
 * (kept from the event stream by {@link AlertProjection}), overdue ones marked. Goes through the outbox under the
 * id {@code digest-<date>:<personId>:EMAIL}, so a restart or a second instance never sends a day's digest twice.
 */
public class DailyDigest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);

    private final Directory directory;
    private final AlertProjection alerts;
    private final OutboxStore outbox;
    private final Renderer renderer;
    private final Dispatcher dispatcher;
    private final CouncilCalendar calendar;
    private final Clock clock;
    private final NotificationProperties props;
    private volatile LocalDate doneFor;

    public DailyDigest(Directory directory, AlertProjection alerts, OutboxStore outbox, Renderer renderer,
                       Dispatcher dispatcher, CouncilCalendar calendar, Clock clock, NotificationProperties props) {
        this.directory = directory;
        this.alerts = alerts;
        this.outbox = outbox;
        this.renderer = renderer;
        this.dispatcher = dispatcher;
        this.calendar = calendar;
        this.clock = clock;
        this.props = props;
    }

    @Scheduled(fixedDelayString = "PT30S", initialDelayString = "PT20S")
    public void scheduled() {
        runIfDue();
    }

    /** Queues today's digests when it is a working day past the digest time and they are not queued yet. */
    public int runIfDue() {
        NotificationProperties.Digest cfg = props.digest();
        if (!cfg.enabled() || !directory.isReady()) {
            return 0;
        }
        Instant now = clock.instant();
        ZonedDateTime local = now.atZone(cfg.zone());
        LocalDate today = local.toLocalDate();
        if (today.equals(doneFor) || local.toLocalTime().isBefore(cfg.localTime()) || !calendar.current().isWorkingDay(today)) {
            return 0;
        }
        List<OutboxEntry> entries = new ArrayList<>();
        List<AlertProjection.View> open = alerts.all().stream().filter(AlertProjection.View::open).toList();
        for (Person p : directory.people()) {
            if (p.preference() != Directory.Preference.DIGEST || !p.active() || p.email() == null) {
                continue;
            }
            List<Renderer.DigestItem> items = open.stream().filter(v -> v.involved().contains(p.id()))
                    .sorted(Comparator.comparing(AlertProjection.View::referenceOrId))
                    .map(v -> item(v, now)).toList();
            if (items.isEmpty()) {
                continue;
            }
            Renderer.Email m = renderer.digest(DAY.format(today), items);
            String eventId = "digest-" + today;
            entries.add(new OutboxEntry(OutboxEntry.id(eventId, p.id(), Channel.EMAIL), eventId, null, "DailyDigest",
                    p.id(), Told.as("DIGEST", Urgency.ROUTINE), Channel.EMAIL, p.email(), m.subject(), m.text(),
                    m.html(), null, OutboxEntry.State.PENDING, 0, now, now, null, null, null));
        }
        outbox.insertNew(entries);
        doneFor = today;
        if (!entries.isEmpty()) {
            dispatcher.wakeUp();
        }
        return entries.size();
    }

    private Renderer.DigestItem item(AlertProjection.View v, Instant now) {
        Instant due = v.responseDueAt();
        boolean overdue = due != null && due.isBefore(now);
        String base = props.alertBaseUrl().endsWith("/") ? props.alertBaseUrl() : props.alertBaseUrl() + "/";
        return new Renderer.DigestItem(v.referenceOrId(), v.stage() > 0 ? v.stage() : null,
                v.status().name().toLowerCase(Locale.UK).replace('_', ' '),
                due == null ? null : WHEN.format(due.atZone(props.digest().zone())) + " (UK time)", overdue,
                base + "alerts/" + v.alertId());
    }
}
