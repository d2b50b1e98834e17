package org.practicealerts.notification.directory;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * This service's copy of the staff directory, rebuilt from the compacted directory topic at every start (replaying
 * it from the beginning is cheap: one entry per key). Only what delivery needs is kept: contact details, teams and
 * preferences. Staff only: the directory never holds children.
 */
public class Directory {

    /** How a person wants to be told. */
    public enum Preference { EMAIL, TEAMS, BOTH, DIGEST }

    /** A member of staff, as delivery sees them. */
    public record Person(String id, String displayName, String email, String teamsWebhook, List<String> roles,
                         String teamId, boolean active, Preference preference) {
    }

    /** A team; {@code teamsWebhook} is its Teams channel's Workflows URL, when it has one. */
    public record Team(String id, String name, String teamsWebhook) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String fallbackWebhookBase;

    public Directory(String fallbackWebhookBase) {
        this.fallbackWebhookBase = blankToNull(fallbackWebhookBase);
    }

    /** Applies one directory record: key {@code PERSON:id}, {@code TEAM:id} or {@code COVER:id}; null = deleted. */
    public void apply(String key, byte[] value) {
        if (key == null) {
            return;
        }
        int colon = key.indexOf(':');
        if (colon < 0) {
            return;
        }
        String kind = key.substring(0, colon);
        String id = key.substring(colon + 1);
        if ("PERSON".equals(kind)) {
            if (value == null) {
                people.remove(id);
            } else {
                people.put(id, person(id, JSON.readTree(new String(value, StandardCharsets.UTF_8))));
            }
        } else if ("TEAM".equals(kind)) {
            if (value == null) {
                teams.remove(id);
            } else {
                JsonNode n = JSON.readTree(new String(value, StandardCharsets.UTF_8));
                teams.put(id, new Team(id, text(n, "name"), text(n, "teamsWebhook")));
            }
        }
        // COVER entries: the alert-service already resolved cover when it chose the recipients.
    }

    public void put(Person p) {
        people.put(p.id(), p);
    }

    public void put(Team t) {
        teams.put(t.id(), t);
    }

    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    public Optional<Team> team(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(teams.get(id));
    }

    public List<Person> people() {
        return new ArrayList<>(people.values());
    }

    /** The person's own webhook; in the embedded demo, the local sink when they have none. */
    public String webhookFor(Person p) {
        if (p.teamsWebhook() != null) {
            return p.teamsWebhook();
        }
        String base = fallbackWebhookBase;
        return base == null ? null : base + p.id();
    }

    public void setFallbackWebhookBase(String base) {
        this.fallbackWebhookBase = blankToNull(base);
    }

    /** The initial replay of the topic reached its end. */
    public void markReady() {
        ready.countDown();
    }

    public boolean awaitReady(Duration max) throws InterruptedException {
        return ready.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isReady() {
        return ready.getCount() == 0;
    }

    private static Person person(String id, JsonNode n) {
        List<String> roles = new ArrayList<>();
        JsonNode r = n.get("roles");
        if (r != null && r.isArray()) {
            r.forEach(x -> roles.add(x.asString()));
        }
        Preference pref = Preference.EMAIL;
        String p = text(n, "preference");
        if (p != null) {
            try {
                pref = Preference.valueOf(p);
            } catch (IllegalArgumentException unknown) {
                pref = Preference.EMAIL;
            }
        }
        JsonNode active = n.get("active");
        return new Person(id, text(n, "displayName"), text(n, "email"), text(n, "teamsWebhook"), List.copyOf(roles),
                text(n, "teamId"), active == null || active.isNull() || active.asBoolean(), pref);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : blankToNull(v.asString());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
