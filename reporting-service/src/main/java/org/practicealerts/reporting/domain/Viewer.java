package org.practicealerts.reporting.domain;

import java.util.Collection;
import java.util.Set;

/**
 * Who is asking, and so which alerts they may see: everything (report viewers, directors, admins), or the alerts of
 * the teams in their area (about a child in those teams, or raised by someone in them). Competence-concern detail is
 * shown only to admins and the people involved in that alert.
 */
public final class Viewer {

    private static final Set<String> SEE_ALL = Set.of("REPORT_VIEWER", "ASSISTANT_DIRECTOR", "SERVICE_DIRECTOR",
            "DIRECTOR", "ADMIN");

    private final String personId;
    private final boolean all;
    private final boolean admin;
    private final Set<String> teams;
    private final Directory directory;

    private Viewer(String personId, boolean all, boolean admin, Set<String> teams, Directory directory) {
        this.personId = personId;
        this.all = all;
        this.admin = admin;
        this.teams = teams;
        this.directory = directory;
    }

    /** A viewer who sees everything, competence detail included (tests, benchmark, rebuild checks). */
    public static Viewer system() {
        return new Viewer(null, true, true, Set.of(), null);
    }

    public static Viewer of(String personId, Collection<String> roles, Directory directory) {
        boolean admin = roles.contains("ADMIN");
        for (String r : roles) {
            if (SEE_ALL.contains(r)) {
                return new Viewer(personId, true, admin, Set.of(), directory);
            }
        }
        Set<String> area = roles.contains("SERVICE_MANAGER") || roles.contains("HEAD_OF_SERVICE")
                || roles.contains("TEAM_MANAGER") ? directory.teamsManagedBy(personId) : Set.of();
        if (roles.contains("TEAM_MANAGER") && !roles.contains("SERVICE_MANAGER") && !roles.contains("HEAD_OF_SERVICE")) {
            // A team manager sees their own team (and the team they manage), not the teams below a peer.
            Directory.Person self = directory.person(personId);
            area = new java.util.HashSet<>();
            if (self != null && self.teamId() != null) {
                area.add(self.teamId());
            }
            for (String t : directory.teamsManagedBy(personId)) {
                Directory.Team team = directory.team(t);
                if (team != null && personId.equals(team.managerId())) {
                    area.add(t);
                }
            }
        }
        return new Viewer(personId, false, false, Set.copyOf(area), directory);
    }

    public boolean seesEverything() {
        return all;
    }

    public Set<String> teams() {
        return teams;
    }

    public boolean sees(AlertRecord a) {
        return all || teams.contains(a.teamId()) || teams.contains(directory.teamOf(a.raisedBy()));
    }

    public boolean seesTeam(String teamId) {
        return all || teams.contains(teamId);
    }

    /** Whether free-text detail of this alert may be shown to this viewer. */
    public boolean seesDetailOf(AlertRecord a) {
        return !a.competenceConcern() || admin || a.involves(personId);
    }
}
