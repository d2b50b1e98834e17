package org.practicealerts.reporting.domain;

import org.practicealerts.access.AlertVisibility;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams and people as the compacted directory topic last said: enough to find a team's service manager and to
 * answer the visibility rule's questions about reporting lines. Thread-safe.
 */
public final class Directory implements AlertVisibility.ReportingLines {

    public record Person(String id, String teamId, String managerId, List<String> roles) {
    }

    public record Team(String id, String name, String managerId) {
    }

    private final Map<String, Person> people = new ConcurrentHashMap<>();
    private final Map<String, Team> teams = new ConcurrentHashMap<>();

    public void putPerson(Person p) {
        people.put(p.id(), p);
    }

    public void putTeam(Team t) {
        teams.put(t.id(), t);
    }

    public void removePerson(String id) {
        people.remove(id);
    }

    public void removeTeam(String id) {
        teams.remove(id);
    }

    public Person person(String id) {
        return id == null ? null : people.get(id);
    }

    public Team team(String id) {
        return id == null ? null : teams.get(id);
    }

    /** The team's service manager: the manager of the team's manager (TM → SM), or null if not derivable. */
    public String serviceManagerOf(String teamId) {
        Team t = team(teamId);
        if (t == null) {
            return null;
        }
        Person tm = person(t.managerId());
        return tm == null ? null : tm.managerId();
    }

    @Override
    public Optional<String> managerOf(String personId) {
        return Optional.ofNullable(person(personId)).map(Person::managerId);
    }

    @Override
    public Optional<String> teamManagerOf(String teamId) {
        return Optional.ofNullable(team(teamId)).map(Team::managerId);
    }

    @Override
    public Collection<String> personIds() {
        return people.keySet();
    }

    @Override
    public Collection<String> teamIds() {
        return teams.keySet();
    }

    /** The team of a person, or null. */
    public String teamOf(String personId) {
        Person p = person(personId);
        return p == null ? null : p.teamId();
    }
}
