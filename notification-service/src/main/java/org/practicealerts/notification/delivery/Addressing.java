package org.practicealerts.notification.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.CommendationRecorded;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.Recipient;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.directory.Directory.Person;
import org.practicealerts.notification.directory.Directory.Preference;
import org.practicealerts.notification.outbox.AlertProjection;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.InboxStore;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.Told;
import org.practicealerts.notification.render.Notice;
import org.practicealerts.notification.render.Notices;
import org.practicealerts.notification.render.Renderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides how each person named on an event is told: once, with every reason they are named for; an inbox entry
 * always; then email, a Teams card, both, or nothing now (DIGEST: tomorrow's digest carries it), from their preference
 * in the directory. A person who chose Teams but has no webhook gets an email instead. A notice of an immediate risk
 * of harm never waits for a digest: a DIGEST person gets it at once, by email and card as if they had chosen BOTH.
 * Some events also go to the team's channel when it has a webhook.
 */
public class Addressing {

    private static final Logger log = LoggerFactory.getLogger(Addressing.class);

    /** What to store for one event. */
    public record Messages(List<OutboxEntry> outbox, List<InboxStore.Item> inbox) {
    }

    private final Directory directory;
    private final Renderer renderer;
    private final String alertBaseUrl;

    public Addressing(Directory directory, Renderer renderer, String alertBaseUrl) {
        this.directory = directory;
        this.renderer = renderer;
        this.alertBaseUrl = alertBaseUrl;
    }

    public Messages messagesFor(PracticeEvent e, AlertProjection.View view, Instant now) {
        List<OutboxEntry> outbox = new ArrayList<>();
        List<InboxStore.Item> inbox = new ArrayList<>();
        String link = Notices.link(alertBaseUrl, e);
        String alertId = e.aggregateId();
        String type = e.getClass().getSimpleName();
        for (Recipient r : Notices.recipients(e)) {
            if (r == null || r.personId() == null) {
                continue;
            }
            Notice n = Notices.of(e, view, r.reasons(), link);
            Told told = Told.of(r.reasons(), n.urgency());
            inbox.add(new InboxStore.Item(e.eventId() + ":" + r.personId(), r.personId(), alertId, type,
                    n.reference(), n.stage(), n.title(), n.ask(), n.dueBy(), n.link(), told, now, null));
            Optional<Person> found = directory.person(r.personId());
            if (found.isEmpty() || !found.get().active()) {
                log.warn("recipient {} of event {} is not an active person in the directory: inbox only",
                        r.personId(), e.eventId());
                continue;
            }
            Person p = found.get();
            Preference pref = n.immediateRisk() && p.preference() == Preference.DIGEST ? Preference.BOTH
                    : p.preference();
            String webhook = directory.webhookFor(p);
            boolean email = pref == Preference.EMAIL || pref == Preference.BOTH
                    || (pref == Preference.TEAMS && webhook == null);
            boolean teams = (pref == Preference.TEAMS || pref == Preference.BOTH) && webhook != null;
            if (email && p.email() != null) {
                Renderer.Email m = renderer.email(n);
                outbox.add(entry(e, alertId, type, p.id(), told, Channel.EMAIL, p.email(), m.subject(),
                        m.text(), m.html(), null, now));
            }
            if (teams) {
                String id = OutboxEntry.id(e.eventId(), p.id(), Channel.TEAMS);
                outbox.add(entry(e, alertId, type, p.id(), told, Channel.TEAMS, webhook, null, null, null,
                        renderer.card(n, id), now));
            }
        }
        if (Notices.postsToTeamChannel(e)) {
            String teamId = teamOf(e, view);
            directory.team(teamId).filter(t -> t.teamsWebhook() != null).ifPresent(t -> {
                String recipient = "team:" + t.id();
                Notice n = Notices.forTeamChannel(e, view, link);
                String id = OutboxEntry.id(e.eventId(), recipient, Channel.TEAMS);
                outbox.add(entry(e, alertId, type, recipient, Told.as("TEAM_CHANNEL", n.urgency()), Channel.TEAMS,
                        t.teamsWebhook(), null, null, null, renderer.card(n, id), now));
            });
        }
        return new Messages(outbox, inbox);
    }

    private static String teamOf(PracticeEvent e, AlertProjection.View view) {
        if (e instanceof CommendationRecorded c) {
            return c.teamId();
        }
        return e instanceof AlertEvent && view != null ? view.teamId() : null;
    }

    private static OutboxEntry entry(PracticeEvent e, String alertId, String type, String recipient, Told told,
                                     Channel channel, String destination, String subject, String text, String html,
                                     String card, Instant now) {
        return new OutboxEntry(OutboxEntry.id(e.eventId(), recipient, channel), e.eventId(), alertId, type, recipient,
                told, channel, destination, subject, text, html, card, OutboxEntry.State.PENDING, 0, now, now, null,
                null, null);
    }
}
