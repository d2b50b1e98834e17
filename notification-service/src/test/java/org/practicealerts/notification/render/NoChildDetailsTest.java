package org.practicealerts.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.delivery.Addressing;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.directory.Directory.Person;
import org.practicealerts.notification.directory.Directory.Preference;
import org.practicealerts.notification.outbox.AlertProjection;
import org.practicealerts.notification.outbox.InboxStore;
import org.practicealerts.notification.outbox.OutboxEntry;

/**
 * Every event type, with every free-text and case field filled with a child's identifying data, rendered for every
 * channel (email subject, text and HTML; Teams card; inbox entry; digest): none of it may come out. Events are
 * built by reflection, so an event type or field added later is covered without touching this test.
 */
class NoChildDetailsTest {

    /** Case-system refs used for children in the seeded demo and load data, and names planted in free text. */
    static final List<String> CHILD_REFS = List.of("MOSAIC-123456", "MOSAIC-200001", "MOSAIC-1007", "MOSAIC-300400");
    static final List<String> CHILD_NAMES = List.of("Jayden Smith", "Ellie-Mae Okafor");
    static final String SECRET = "case-detail-marker";
    static final List<String> FORBIDDEN = List.of("MOSAIC-", "Jayden", "Smith", "Ellie", "Okafor", SECRET,
            "competence", "bruising", "voice of the child");

    /** Components whose values are ids, references or roles: allowed to appear. */
    static final Set<String> ID_FIELDS = Set.of("eventId", "alertId", "commendationId", "reference", "teamId",
            "raisedBy", "raiserRole", "respondedBy", "onBehalfOf", "escalatedBy", "resolvedBy", "reopenedBy",
            "reassignedBy", "referredBy", "withdrawnBy", "recordedBy", "requestedBy", "scheduledBy", "completedBy",
            "acknowledgedBy", "addedBy", "personId", "role", "coverFor", "actionId", "ownerId", "commendedPersonIds",
            "policyId", "presetId", "version", "policyVersion", "id", "recordId", "withPersonId", "socialWorkerId");

    int counter;

    @Test
    void noTemplateOrChannelCarriesAChildsNameRefSummaryOrCompetenceDetail() throws Exception {
        Directory directory = new Directory(null);
        for (String id : List.of("tm-north", "iro-1", "sw-north", "sm-north")) {
            directory.put(new Person(id, "Staff " + id, id + "@council.example", "https://hooks.example/" + id,
                    List.of("TEAM_MANAGER"), "team-north", true, Preference.BOTH));
        }
        directory.put(new Directory.Team("team-north", "North", "https://hooks.example/team-north"));
        Renderer renderer = new Renderer(24_000);
        Addressing addressing = new Addressing(directory, renderer, "https://alerts.council.example");
        AlertProjection.View view = new AlertProjection.View("alert-id-1", "PA-2026-000042", "team-north", 2,
                "tm-north", Instant.parse("2026-12-01T17:00:00Z"), AlertProjection.Status.OPEN, Set.of("tm-north"),
                null, Urgency.IMMEDIATE_RISK);

        List<String> outputs = new ArrayList<>();
        int types = 0;
        for (Class<?> type : eventTypes()) {
            PracticeEvent e = (PracticeEvent) build(type, "event");
            types++;
            for (AlertProjection.View v : new AlertProjection.View[] {view, null}) {
                Addressing.Messages m = addressing.messagesFor(e, v, Instant.parse("2026-11-24T09:00:00Z"));
                boolean namesPeople = java.util.Arrays.stream(type.getRecordComponents())
                        .anyMatch(c -> c.getName().equals("recipients"));
                assertThat(m.inbox().isEmpty()).as("%s tells its recipients", type.getSimpleName())
                        .isEqualTo(!namesPeople);
                for (OutboxEntry o : m.outbox()) {
                    outputs.add(type.getSimpleName() + " " + o.channel() + ": " + o.subject() + "\n" + o.text()
                            + "\n" + o.html() + "\n" + o.card());
                }
                for (InboxStore.Item i : m.inbox()) {
                    outputs.add(type.getSimpleName() + " inbox: " + i);
                }
            }
            String link = "https://alerts.council.example/alerts/alert-id-1";
            List<Notice> notices = new ArrayList<>();
            for (RecipientReason reason : RecipientReason.values()) {
                notices.add(Notices.of(e, view, List.of(reason), link));
            }
            notices.add(Notices.of(e, view, List.of(RecipientReason.IMMEDIATE_RISK_DIRECTOR, RecipientReason.RESPONDER,
                    RecipientReason.RAISER), link));
            notices.add(Notices.of(e, view, List.of(), link));
            notices.add(Notices.forTeamChannel(e, view, link));
            for (Notice n : notices) {
                Renderer.Email mail = renderer.email(n);
                outputs.add(type.getSimpleName() + " " + n.why() + ": " + mail.subject() + "\n" + mail.text() + "\n"
                        + mail.html() + "\n" + renderer.card(n, "card-1"));
            }
        }
        outputs.add("digest: " + renderer.digest("Tue 24 Nov 2026", List.of(new Renderer.DigestItem("PA-2026-000042",
                2, "open", "Tue 1 Dec 2026, 17:00 (UK time)", true, "https://alerts.council.example/alerts/a"))));

        assertThat(types).isGreaterThanOrEqualTo(20);
        assertThat(outputs.stream().filter(o -> o.contains("TEAMS")).count()).isPositive();
        for (String out : outputs) {
            String lower = out.toLowerCase(Locale.UK);
            for (String f : FORBIDDEN) {
                assertThat(lower).as("leaks '%s' in %s", f, out).doesNotContain(f.toLowerCase(Locale.UK));
            }
        }
    }

    static List<Class<?>> eventTypes() {
        List<Class<?>> out = new ArrayList<>();
        collect(PracticeEvent.class, out);
        return out;
    }

    private static void collect(Class<?> c, List<Class<?>> out) {
        if (c.isRecord()) {
            out.add(c);
        } else if (c.isSealed()) {
            for (Class<?> sub : c.getPermittedSubclasses()) {
                collect(sub, out);
            }
        }
    }

    Object build(Class<?> type, String name) throws Exception {
        RecordComponent[] comps = type.getRecordComponents();
        Class<?>[] types = new Class<?>[comps.length];
        Object[] args = new Object[comps.length];
        for (int i = 0; i < comps.length; i++) {
            types[i] = comps[i].getType();
            args[i] = value(comps[i].getName(), comps[i].getType(), comps[i].getGenericType());
        }
        Constructor<?> ctor = type.getDeclaredConstructor(types);
        return ctor.newInstance(args);
    }

    Object value(String name, Class<?> type, Type generic) throws Exception {
        if (type == String.class) {
            if (name.equals("childRef")) {
                return CHILD_REFS.get(counter++ % CHILD_REFS.size());
            }
            return ID_FIELDS.contains(name) ? name + "-" + (++counter) : detail(name);
        }
        if (type == int.class || type == Integer.class) {
            return 2;
        }
        if (type == long.class || type == Long.class) {
            return 2L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == Instant.class) {
            return Instant.parse("2026-11-30T12:00:00Z");
        }
        if (type == LocalDate.class) {
            return LocalDate.of(2026, 12, 2);
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == List.class || type == Set.class) {
            Type arg = ((ParameterizedType) generic).getActualTypeArguments()[0];
            List<Object> items = new ArrayList<>();
            if (arg == Recipient.class) {
                items.add(new Recipient("tm-north", RecipientReason.RESPONDER));
                items.add(new Recipient("iro-1", RecipientReason.RAISER));
                items.add(new Recipient("sw-north", RecipientReason.COMMENDED));
                items.add(new Recipient("sm-north", RecipientReason.RAISERS_SERVICE_MANAGER));
            } else if (arg == String.class) {
                items.add(ID_FIELDS.contains(name) ? "sw-north" : CHILD_REFS.get(1) + " " + detail(name));
            } else {
                items.add(value(name, (Class<?>) arg, arg));
            }
            return type == Set.class ? Set.copyOf(items) : List.copyOf(items);
        }
        if (type.isRecord()) {
            return build(type, name);
        }
        throw new IllegalStateException("no test value for " + name + " of " + type);
    }

    private static String detail(String field) {
        return SECRET + " " + field + ": " + CHILD_NAMES.get(field.length() % 2)
                + " (MOSAIC-123456) has bruising; the voice of the child; competence concern about the worker";
    }
}
