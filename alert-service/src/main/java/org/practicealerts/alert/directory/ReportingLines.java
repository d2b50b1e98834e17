package org.practicealerts.alert.directory;

import org.practicealerts.events.directory.Cover;
import org.practicealerts.events.directory.Team;
import org.practicealerts.events.directory.Person;
import org.practicealerts.events.Role;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** The directory as the domain needs it: read-only look-ups. */
public interface ReportingLines {

    Optional<Person> person(String id);

    Optional<Team> team(String id);

    /** Active covers for a person on a day, most recently starting first. */
    List<Cover> coversOn(String absentPersonId, LocalDate day);

    /** Everyone who holds a role. */
    List<Person> withRole(Role role);

    /** Everyone in the directory. */
    List<Person> people();

    /** Every team. */
    List<Team> teams();
}
