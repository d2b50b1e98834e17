package org.practicealerts.reporting.domain;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Teams and people as the compacted directory topic last said: enough to find a team's service manager and a
 * manager's area. Thread-safe.
 */
public final class Directory {

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

    /** The team of a person, or null. */
    public String teamOf(String personId) {
        Person p = person(personId);
        return p == null ? null : p.teamId();
    }

    /**
     * The teams in a manager's area: teams they manage, their own team, and every team whose manager reports to them
     * (directly or up to six levels up the reporting line).
     */
    public Set<String> teamsManagedBy(String personId) {
        Set<String> out = new HashSet<>();
        Person self = person(personId);
        if (self != null && self.teamId() != null) {
            out.add(self.teamId());
        }
        for (Team t : teams.values()) {
            String m = t.managerId();
            for (int depth = 0; m != null && depth < 6; depth++) {
                if (m.equals(personId)) {
                    out.add(t.id());
                    break;
                }
                Person p = person(m);
                m = p == null ? null : p.managerId();
            }
        }
        return out;
    }
}
