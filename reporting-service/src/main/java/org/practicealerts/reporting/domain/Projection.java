package org.practicealerts.reporting.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.CommendationRecorded;
import org.practicealerts.events.InformalResolutionRecorded;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.reporting.api.ChronologyEntry;

/**
 * The alert events folded into one record per alert, plus commendations. Applying an event twice changes nothing
 * (de-duplicated on event id). Not thread-safe: {@code LiveProjection} guards it. What each later event does to
 * its record is {@link AlertRecordFold}'s, one method per event type.
 */
public final class Projection implements AutoCloseable {

    private final Map<String, AlertRecord> alerts = new HashMap<>();
    /** The same records in the order they were raised: what every report scans, an array's walk, not a map's. */
    private final List<AlertRecord> inOrder = new ArrayList<>();
    private final Map<String, List<AlertRecord>> byChild = new HashMap<>();
    private final List<Commendation> commendations = new ArrayList<>();
    private final List<InformalRecord> informal = new ArrayList<>();
    /** Event ids seen that no alert record keeps: commendations', informal resolutions', any not a UUID. */
    private final Set<Object> seen = new HashSet<>();
    private final StringPool pool = new StringPool();
    /** The free text, out of the heap; made at the first text. */
    private TextStore texts;
    private ProjectionListener listener;
    private long applied;
    private long duplicates;
    private long orphans;
    private long listenerFailures;

    public Projection() {
        this(ProjectionListener.NONE);
    }

    public Projection(ProjectionListener listener) {
        this.listener = listener;
    }

    /** Applies one event; returns false for a duplicate (or an event of an alert never raised). */
    public boolean apply(PracticeEvent event) {
        UUID uuid = uuidOf(event.eventId());
        if (event instanceof AlertEvent e && uuid != null) {
            // An alert's event ids are kept on its record, as two longs each: a tenth of a set of them all.
            AlertRecord known = alerts.get(e.alertId());
            if (known != null && !known.firstSight(uuid)) {
                duplicates++;
                return false;
            }
        } else if (!seen.add(uuid != null ? uuid : event.eventId())) {
            duplicates++;
            return false;
        }
        if (event instanceof CommendationRecorded) {
            CommendationRecorded c = (CommendationRecorded) event;
            commendations.add(new Commendation(c.commendationId(), c.occurredAt(), c.childRef(), c.planType(),
                    pool.canonical(c.teamId()), pool.canonical(c.recordedBy()), pool.canonical(c.category())));
            applied++;
            return true;
        }
        if (event instanceof InformalResolutionRecorded i) {
            informal.add(new InformalRecord(i.recordId(), i.occurredAt(), pool.canonical(i.teamId()),
                    pool.canonical(i.recordedBy()), i.resolved()));
            applied++;
            return true;
        }
        AlertEvent e = (AlertEvent) event;
        if (e instanceof AlertRaised) {
            AlertRecord a = raise((AlertRaised) e);
            if (uuid != null) {
                a.firstSight(uuid);
            }
            applied++;
            return true;
        }
        AlertRecord a = alerts.get(e.alertId());
        if (a == null) {
            // Per-alert order is kept on the topic, so this only happens if its start was deleted: count and skip.
            orphans++;
            return false;
        }
        e.accept(new AlertRecordFold(a, pool, texts(), this::tell));
        if (e.occurredAt() != null && (a.lastEventAt == null || e.occurredAt().isAfter(a.lastEventAt))) {
            a.lastEventAt = e.occurredAt();
        }
        applied++;
        return true;
    }

    /** The event id as a UUID (as every service makes them), or null for any other form. */
    private static UUID uuidOf(String eventId) {
        if (eventId != null && eventId.length() == 36) {
            try {
                return UUID.fromString(eventId);
            } catch (IllegalArgumentException notUuid) {
                return null;
            }
        }
        return null;
    }

    private AlertRecord raise(AlertRaised r) {
        AlertRecord a = new AlertRecord(r.alertId());
        AlertRecord previous = alerts.get(r.alertId());
        if (previous != null) {
            a.inheritEventIds(previous);
        }
        a.reference = r.reference();
        a.planType = r.planType();
        a.teamId = pool.canonical(r.teamId());
        a.raisedBy = pool.canonical(r.raisedBy());
        a.socialWorkerId = pool.canonical(r.socialWorkerId());
        a.raiserRole = pool.canonical(r.raiserRole());
        a.primaryCategory = pool.canonical(r.primaryCategory());
        a.categories = r.categories() == null || r.categories().isEmpty()
                ? (r.primaryCategory() == null ? List.of() : List.of(a.primaryCategory))
                : pool.canonical(r.categories());
        a.urgency = r.urgency();
        a.competenceConcern = r.competenceConcern();
        a.externalAgency = r.externalAgency();
        a.informalFirst = r.informalResolution() != null;
        a.raisedAt = r.occurredAt();
        a.lastEventAt = r.occurredAt();
        a.entryStage = r.stage();
        a.enteredByBypass = r.stage() > 1 && r.bypassReason() != null;
        a.stage = r.stage();
        a.stageReached = r.stage();
        a.statutoryDueAt = r.statutoryDueAt();
        a.statusChanged(r.occurredAt(), AlertStatus.of(r.status()));
        a.entered(new StageRound(r.stage(), r.occurredAt(), "RAISED", pool.assignment(r.responder()),
                r.deadlines() == null ? null : r.deadlines().responseDueAt()));
        a.chronicle(pool, texts(), new ChronologyEntry(r.occurredAt(), "Raised", r.stage(), r.raisedBy(),
                r.bypassReason() == null ? null : "Bypass: " + r.bypassReason()));
        if (previous == null) {
            inOrder.add(a);
        } else {
            inOrder.set(inOrder.indexOf(previous), a); // a second raise of one alert: not seen in practice
        }
        alerts.put(a.alertId, a);
        if (r.childRef() != null) {
            List<AlertRecord> child = byChild.computeIfAbsent(r.childRef(), k -> new ArrayList<>(1));
            a.childRef = child.isEmpty() ? r.childRef() : child.get(0).childRef;
            child.add(a);
        }
        tell(l -> l.raised(a));
        return a;
    }

    /** Who is told of applied events from now on (metrics count live events, never a rebuild's replay). */
    public void listenTo(ProjectionListener listener) {
        this.listener = listener == null ? ProjectionListener.NONE : listener;
    }

    /** A listener's failure (a metric) must never stop the projection: it is swallowed and counted. */
    private void tell(java.util.function.Consumer<ProjectionListener> call) {
        try {
            call.accept(listener);
        } catch (RuntimeException e) {
            listenerFailures++;
        }
    }

    public long listenerFailures() {
        return listenerFailures;
    }

    public ProjectionListener listener() {
        return listener;
    }

    public AlertRecord alert(String alertId) {
        return alerts.get(alertId);
    }

    public Collection<AlertRecord> alerts() {
        return Collections.unmodifiableList(inOrder);
    }

    /** The alert's outcome (sealed free text as the event carried it), or null while it has none. */
    public String outcome(AlertRecord a) {
        // Read without making the store: a text kept means the store was made, under the write lock.
        return a.outcomeAt < 0 ? null : texts.get(a.outcomeAt);
    }

    /** Bytes of free text kept out of the heap, in the text file. */
    long textBytes() {
        return texts == null ? 0 : texts.size();
    }

    /** The text store, made at the first text kept (under the write lock; reads use the field). */
    private TextStore texts() {
        if (texts == null) {
            texts = TextStore.create(null);
        }
        return texts;
    }

    /** Gives back the text file's space; for a projection no longer read (replaced by a rebuild). */
    @Override
    public void close() {
        if (texts != null) {
            texts.close();
            texts = null;
        }
    }

    /** The alert's chronology, oldest line first, unpacked from its record. */
    public List<ChronologyEntry> chronology(AlertRecord a) {
        return Collections.unmodifiableList(ChronologyLog.entries(a.chronology, pool, texts));
    }

    public List<AlertRecord> alertsAboutChild(String childRef) {
        return Collections.unmodifiableList(byChild.getOrDefault(childRef, List.of()));
    }

    public List<InformalRecord> informalResolutions() {
        return Collections.unmodifiableList(informal);
    }

    public List<Commendation> commendations() {
        return Collections.unmodifiableList(commendations);
    }

    public long applied() {
        return applied;
    }

    public long duplicates() {
        return duplicates;
    }

    public long orphans() {
        return orphans;
    }
}
