package org.practicealerts.alert;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.practicealerts.events.directory.Cover;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.directory.Person;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Team;

/** The demo council's directory, in memory, for domain tests. */
public final class InMemoryDirectory implements ReportingLines {

    private final Map<String, Person> people = new LinkedHashMap<>();
    private final Map<String, Team> teams = new LinkedHashMap<>();
    private final List<Cover> covers = new ArrayList<>();

    public static InMemoryDirectory demo() {
        InMemoryDirectory d = new InMemoryDirectory();
        DemoDirectory.people().forEach(p -> d.people.put(p.id(), p));
        DemoDirectory.teams().forEach(t -> d.teams.put(t.id(), t));
        d.covers.addAll(DemoDirectory.covers());
        return d;
    }

    public InMemoryDirectory add(Cover cover) {
        covers.add(cover);
        return this;
    }

    public InMemoryDirectory add(Team team) {
        teams.put(team.id(), team);
        return this;
    }

    @Override
    public Optional<Person> person(String id) {
        return Optional.ofNullable(people.get(id));
    }

    @Override
    public Optional<Team> team(String id) {
        return Optional.ofNullable(teams.get(id));
    }

    @Override
    public List<Cover> coversOn(String absentPersonId, LocalDate day) {
        return covers.stream().filter(c -> c.absentPersonId().equals(absentPersonId) && c.activeOn(day))
                .sorted(Comparator.comparing(Cover::from).reversed()).toList();
    }

    @Override
    public List<Person> people() {
        return List.copyOf(people.values());
    }

    @Override
    public List<Team> teams() {
        return List.copyOf(teams.values());
    }

    @Override
    public List<Person> withRole(Role role) {
        return people.values().stream().filter(p -> p.has(role)).toList();
    }
}
