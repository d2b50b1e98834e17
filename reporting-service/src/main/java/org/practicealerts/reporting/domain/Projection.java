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
public final class Projection {

    private final Map<String, AlertRecord> alerts = new HashMap<>();
    private final Map<String, List<AlertRecord>> byChild = new HashMap<>();
    private final List<Commendation> commendations = new ArrayList<>();
    private final List<InformalRecord> informal = new ArrayList<>();
    /** Event ids seen; UUIDs are kept as UUID objects (half the memory of their strings). */
    private final Set<Object> seen = new HashSet<>();
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
        if (!seen.add(idKey(event.eventId()))) {
            duplicates++;
            return false;
        }
        if (event instanceof CommendationRecorded) {
            CommendationRecorded c = (CommendationRecorded) event;
            commendations.add(new Commendation(c.commendationId(), c.occurredAt(), c.childRef(), c.planType(),
                    c.teamId(), c.recordedBy(), c.category()));
            applied++;
            return true;
        }
        if (event instanceof InformalResolutionRecorded i) {
            informal.add(new InformalRecord(i.recordId(), i.occurredAt(), i.teamId(), i.recordedBy(), i.resolved()));
            applied++;
            return true;
        }
        AlertEvent e = (AlertEvent) event;
        if (e instanceof AlertRaised) {
            raise((AlertRaised) e);
            applied++;
            return true;
        }
        AlertRecord a = alerts.get(e.alertId());
        if (a == null) {
            // Per-alert order is kept on the topic, so this only happens if its start was deleted: count and skip.
            orphans++;
            return false;
        }
        e.accept(new AlertRecordFold(a, this::tell));
        if (e.occurredAt() != null && (a.lastEventAt == null || e.occurredAt().isAfter(a.lastEventAt))) {
            a.lastEventAt = e.occurredAt();
        }
        applied++;
        return true;
    }

    private static Object idKey(String eventId) {
        if (eventId != null && eventId.length() == 36) {
            try {
                return UUID.fromString(eventId);
            } catch (IllegalArgumentException notUuid) {
                return eventId;
            }
        }
        return eventId;
    }

    private void raise(AlertRaised r) {
        AlertRecord a = new AlertRecord(r.alertId());
        a.reference = r.reference();
        a.childRef = r.childRef();
        a.planType = r.planType();
        a.teamId = r.teamId();
        a.raisedBy = r.raisedBy();
        a.socialWorkerId = r.socialWorkerId();
        a.raiserRole = r.raiserRole();
        a.primaryCategory = r.primaryCategory();
        a.categories = r.categories() == null || r.categories().isEmpty()
                ? (r.primaryCategory() == null ? List.of() : List.of(r.primaryCategory()))
                : List.copyOf(r.categories());
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
        a.statusHistory.add(new AlertRecord.StatusChange(r.occurredAt(), AlertStatus.of(r.status())));
        a.rounds.add(new StageRound(r.stage(), r.occurredAt(), "RAISED", r.responder(),
                r.deadlines() == null ? null : r.deadlines().responseDueAt()));
        a.chronology.add(new ChronologyEntry(r.occurredAt(), "Raised", r.stage(), r.raisedBy(),
                r.bypassReason() == null ? null : "Bypass: " + r.bypassReason()));
        alerts.put(a.alertId, a);
        if (a.childRef != null) {
            byChild.computeIfAbsent(a.childRef, k -> new ArrayList<>(1)).add(a);
        }
        tell(l -> l.raised(a));
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
        return Collections.unmodifiableCollection(alerts.values());
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
