package org.practicealerts.alert.query;

import java.util.HashSet;
import java.util.Set;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.directory.Person;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.alert.directory.Team;
import org.springframework.stereotype.Component;

/**
 * Who may see an alert, and how much. Admins and report viewers see every alert; the raiser and everyone assigned
 * see theirs; managers see alerts in their reporting line (above the child's team manager, above the raiser, or
 * above anyone assigned). A competence-concern alert shows its detail only to the raiser, those assigned and their
 * managers: everyone else who may see it learns only that it exists.
 */
@Component
public class AlertAccess {

    private static final int MAX_DEPTH = 32;
    private final ReportingLines lines;

    public AlertAccess(ReportingLines lines) {
        this.lines = lines;
    }

    public boolean maySee(Actor actor, AlertDetail alert) {
        return actor.isAdmin() || actor.has("REPORT_VIEWER") || isInvolvedOrAbove(actor, alert)
                || lines.team(alert.teamId).map(Team::managerId)
                        .map(tm -> tm.equals(actor.personId()) || isAbove(actor.personId(), tm)).orElse(false);
    }

    public boolean maySeeDetail(Actor actor, AlertDetail alert) {
        return !alert.competenceConcern || isInvolvedOrAbove(actor, alert);
    }

    private boolean isInvolvedOrAbove(Actor actor, AlertDetail alert) {
        String me = actor.personId();
        Set<String> involved = new HashSet<>(alert.assignedPeople());
        involved.add(alert.raisedBy);
        if (alert.responder != null && alert.responder.coverFor() != null) {
            involved.add(alert.responder.coverFor());
        }
        return involved.contains(me) || involved.stream().anyMatch(p -> isAbove(me, p));
    }

    /** Whether {@code managerId} is somewhere above {@code personId} in the reporting line. */
    public boolean isAbove(String managerId, String personId) {
        return reportsTo(personId, managerId, id -> lines.person(id).map(Person::managerId).orElse(null));
    }

    /** Whether {@code personId}'s reporting line, followed through {@code managerOf}, reaches {@code managerId}. */
    static boolean reportsTo(String personId, String managerId, java.util.function.UnaryOperator<String> managerOf) {
        String current = personId;
        for (int i = 0; i < MAX_DEPTH && current != null; i++) {
            String next = managerOf.apply(current);
            if (managerId.equals(next)) {
                return true;
            }
            current = next;
        }
        return false;
    }
}
