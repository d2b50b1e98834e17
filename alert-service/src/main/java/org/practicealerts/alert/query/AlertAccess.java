package org.practicealerts.alert.query;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.events.directory.Person;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.events.directory.Team;
import org.springframework.stereotype.Component;

/**
 * The alert-service's questions to {@link AlertVisibility}, the one rule of who may see an alert and its detail:
 * for one alert (its read, its chronology entry) through directory look-ups, and for lists through one read of the
 * directory.
 */
@Component
public class AlertAccess {

    private final ReportingLines lines;
    private final AlertVisibility rule;

    public AlertAccess(ReportingLines lines) {
        this.lines = lines;
        this.rule = new AlertVisibility(new AlertVisibility.ReportingLines() {
            @Override
            public Optional<String> managerOf(String personId) {
                return lines.person(personId).map(Person::managerId);
            }

            @Override
            public Optional<String> teamManagerOf(String teamId) {
                return teamId == null ? Optional.empty() : lines.team(teamId).map(Team::managerId);
            }

            @Override
            public java.util.Collection<String> personIds() {
                return lines.people().stream().map(Person::id).toList();
            }

            @Override
            public java.util.Collection<String> teamIds() {
                return lines.teams().stream().map(Team::id).toList();
            }
        });
    }

    public boolean maySee(Actor actor, AlertDetail alert) {
        return rule.maySee(viewer(actor), facts(alert));
    }

    public boolean maySeeDetail(Actor actor, AlertDetail alert) {
        return rule.maySeeDetail(viewer(actor), facts(alert));
    }

    /** Whose alerts {@code actor} may list, from one read of the directory. */
    public AlertVisibility.Scope scopeOf(Actor actor) {
        Map<String, String> managerOf = new HashMap<>();
        lines.people().forEach(p -> {
            if (p.managerId() != null) {
                managerOf.put(p.id(), p.managerId());
            }
        });
        Map<String, String> teamManagerOf = new HashMap<>();
        lines.teams().forEach(t -> {
            if (t.managerId() != null) {
                teamManagerOf.put(t.id(), t.managerId());
            }
        });
        return new AlertVisibility(AlertVisibility.ReportingLines.of(managerOf, teamManagerOf))
                .scopeOf(viewer(actor));
    }

    static AlertVisibility.Viewer viewer(Actor actor) {
        return AlertVisibility.Viewer.of(actor.personId(), actor.roles());
    }

    static AlertVisibility.Alert facts(AlertDetail alert) {
        Set<String> involved = new HashSet<>(alert.assignedPeople());
        if (alert.responder != null && alert.responder.coverFor() != null) {
            involved.add(alert.responder.coverFor());
        }
        return new AlertVisibility.Alert(alert.raisedBy, alert.teamId, involved, alert.competenceConcern,
                alert.socialWorkerId);
    }
}
