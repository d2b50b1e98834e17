package org.practicealerts.reporting.domain;

import java.util.Collection;
import java.util.Set;
import org.practicealerts.access.AlertVisibility;

/**
 * Who is asking, and so which alerts every report, list, export and chronology may show them: the one rule of
 * {@link AlertVisibility}, worked out once per request as a {@link AlertVisibility.Scope} (report viewers and
 * admins: every alert; anyone else: the alerts their reporting line is involved in or whose child's team it
 * manages). A competence concern's detail is shown only to the raiser, the people assigned and their line
 * managers: not to admins or report viewers.
 */
public final class Viewer {

    private final AlertVisibility.Viewer who;
    private final AlertVisibility rule;
    private final AlertVisibility.Scope scope;

    private Viewer(AlertVisibility.Viewer who, AlertVisibility rule, AlertVisibility.Scope scope) {
        this.who = who;
        this.rule = rule;
        this.scope = scope;
    }

    /** The system itself (rebuild checks, the benchmark, tests of the reports' arithmetic): everything, in full. */
    public static Viewer system() {
        return new Viewer(null, null, new AlertVisibility.Scope(true, Set.of(), Set.of()));
    }

    public static Viewer of(String personId, Collection<String> roles, Directory directory) {
        AlertVisibility.Viewer who = AlertVisibility.Viewer.of(personId, roles);
        AlertVisibility rule = new AlertVisibility(directory);
        return new Viewer(who, rule, rule.scopeOf(who));
    }

    public boolean sees(AlertRecord a) {
        // Those who see everything are answered before the alert's facts are gathered (a set per alert, per report).
        return scope.everything() || scope.covers(a.visibilityFacts());
    }

    /** Whether team-level figures of {@code teamId} (commendations) are theirs to see. */
    public boolean seesTeam(String teamId) {
        return scope.everything() || scope.teams().contains(teamId);
    }

    /** Whether an informal resolution counts for them: their team's, their line's, or one they recorded. */
    public boolean sees(InformalRecord r) {
        return scope.everything() || scope.teams().contains(r.teamId()) || scope.people().contains(r.recordedBy());
    }

    /** Whether free-text detail of this alert may be shown to this viewer. */
    public boolean seesDetailOf(AlertRecord a) {
        return rule == null || rule.maySeeDetail(who, a.visibilityFacts());
    }
}
