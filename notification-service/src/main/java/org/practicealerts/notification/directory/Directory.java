package org.practicealerts.notification.directory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.events.directory.DirectoryJson;

/**
 * This service's copy of the staff directory, rebuilt from the compacted directory topic at every start (replaying
 * it from the beginning is cheap: one entry per key). Only what delivery needs is kept: contact details, teams,
 * preferences, and the reporting lines the visibility rule asks about. Staff only: the directory never holds
 * children.
 */
public class Directory implements AlertVisibility.ReportingLines {

    /** How a person wants to be told. */
    public enum Preference { EMAIL, TEAMS, BOTH, DIGEST }

    /** A member of staff, as delivery sees them. */
    public record Person(String id, String displayName, String email, String teamsWebhook, List<String> roles,
                         String teamId, boolean active, Preference preference) {
    }

    /** A team; {@code teamsWebhook} is its Teams channel's Workflows URL, when it has one. */
    public record Team(String id, String name, String teamsWebhook) {
    }

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();
    /** People whose record was deleted: known to have existed, so an event naming them does not wait for them. */
    private final Set<String> removedPeople = ConcurrentHashMap.newKeySet();
    /** The reporting lines, for the visibility rule: person → their manager, team → its manager. */
    private final Map<String, String> managerOf = new ConcurrentHashMap<>();
    private final Map<String, String> teamManagerOf = new ConcurrentHashMap<>();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile String fallbackWebhookBase;

    public Directory(String fallbackWebhookBase) {
        this.fallbackWebhookBase = blankToNull(fallbackWebhookBase);
    }

    /** Follows one directory change (people and teams; covers were resolved by the alert-service already). */
    public void apply(DirectoryJson.Change change) {
        switch (change.kind()) {
            case PERSON -> change.entry().map(e -> (org.practicealerts.events.directory.Person) e)
                    .ifPresentOrElse(p -> {
                        people.put(change.id(), person(change.id(), p));
                        removedPeople.remove(change.id());
                        putOrRemove(managerOf, change.id(), p.managerId());
                    }, () -> {
                        people.remove(change.id());
                        removedPeople.add(change.id());
                        managerOf.remove(change.id());
                    });
            case TEAM -> change.entry().map(e -> (org.practicealerts.events.directory.Team) e)
                    .ifPresentOrElse(t -> {
                        teams.put(change.id(), new Team(change.id(), t.name(), blankToNull(t.teamsWebhook())));
                        putOrRemove(teamManagerOf, change.id(), t.managerId());
                    }, () -> {
                        teams.remove(change.id());
                        teamManagerOf.remove(change.id());
                    });
            case COVER, DAY -> {
                // Cover: the alert-service resolved it when it chose the recipients. Days: the CouncilCalendar's.
            }
        }
    }

    @Override
    public Optional<String> managerOf(String personId) {
        return personId == null ? Optional.empty() : Optional.ofNullable(managerOf.get(personId));
    }

    @Override
    public Optional<String> teamManagerOf(String teamId) {
        return teamId == null ? Optional.empty() : Optional.ofNullable(teamManagerOf.get(teamId));
    }

    @Override
    public Collection<String> personIds() {
        return managerOf.keySet();
    }

    @Override
    public Collection<String> teamIds() {
        return teamManagerOf.keySet();
    }

    private static void putOrRemove(Map<String, String> map, String key, String value) {
        if (value == null || value.isBlank()) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
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

    /** Whether this copy has ever read a record for the person: present now, or deleted. */
    public boolean hasSeen(String personId) {
        return people.containsKey(personId) || removedPeople.contains(personId);
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

    /** Whether the URL is the configured fallback's (set by the operator, not by a directory entry). */
    public boolean isFallbackWebhook(String url) {
        String base = fallbackWebhookBase;
        return base != null && url != null && url.startsWith(base);
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

    private static Person person(String id, org.practicealerts.events.directory.Person p) {
        Preference pref = Preference.EMAIL;
        if (p.preference() != null) {
            try {
                pref = Preference.valueOf(p.preference());
            } catch (IllegalArgumentException unknown) {
                pref = Preference.EMAIL;
            }
        }
        return new Person(id, blankToNull(p.displayName()), blankToNull(p.email()), blankToNull(p.teamsWebhook()),
                p.roles().stream().map(Enum::name).sorted().toList(), blankToNull(p.teamId()), p.active(), pref);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
