package org.practicealerts.access;

import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.practicealerts.events.Role;

/**
 * Who may see an alert, and how much: the one rule every surface asks (the alert-service's reads and lists, the
 * reporting-service's lists, chronology, exports and reports, the notification-service's delivery log and inbox).
 *
 * <ul>
 *   <li>Admins and report viewers see every alert.</li>
 *   <li>The people involved see theirs: the raiser, everyone assigned at any stage, and whoever a cover answered
 *       for.</li>
 *   <li>Line managers see the alerts of their reporting line: above anyone involved, or the child's team manager
 *       or above.</li>
 *   <li>A competence-concern alert shows its detail only to the raiser, the people assigned and their line
 *       managers (seed 001: "the case note shows only that an alert exists"). Everyone else who may see it, admins
 *       and report viewers included, learns only that it exists.</li>
 * </ul>
 */
public final class AlertVisibility {

    /** Deeper than any council's hierarchy; stops a loop in a badly imported directory. */
    private static final int MAX_DEPTH = 32;

    /** The reporting lines, as far as this rule needs them. */
    public interface ReportingLines {

        /** The person {@code personId} reports to, if any. */
        Optional<String> managerOf(String personId);

        /** The manager of team {@code teamId}, if the team and its manager are known. */
        Optional<String> teamManagerOf(String teamId);

        /** Everyone in the directory (for {@link #scopeOf}: whose alerts a manager's line covers). */
        Collection<String> personIds();

        /** Every team in the directory. */
        Collection<String> teamIds();

        /** Reporting lines held in memory: each person with a manager → that manager, each team → its manager. */
        static ReportingLines of(Map<String, String> managerOf, Map<String, String> teamManagerOf) {
            Map<String, String> people = Map.copyOf(managerOf);
            Map<String, String> teams = Map.copyOf(teamManagerOf);
            return new ReportingLines() {
                @Override
                public Optional<String> managerOf(String personId) {
                    return Optional.ofNullable(personId == null ? null : people.get(personId));
                }

                @Override
                public Optional<String> teamManagerOf(String teamId) {
                    return Optional.ofNullable(teamId == null ? null : teams.get(teamId));
                }

                @Override
                public Collection<String> personIds() {
                    return people.keySet();
                }

                @Override
                public Collection<String> teamIds() {
                    return teams.keySet();
                }
            };
        }
    }

    /**
     * The alerts a viewer may see, as a query can ask for them: every alert, or those involving one of
     * {@code people} (the viewer and everyone below them) or about a child in one of {@code teams} (the teams those
     * people manage). {@link #covers} is the same rule as {@link #maySee}.
     */
    public record Scope(boolean everything, Set<String> people, Set<String> teams) {
        public Scope {
            people = Set.copyOf(people);
            teams = Set.copyOf(teams);
        }

        public boolean covers(Alert alert) {
            return everything || teams.contains(alert.teamId()) || alert.people().stream().anyMatch(people::contains)
                    || (alert.socialWorkerId() != null && people.contains(alert.socialWorkerId()));
        }
    }

    /** Who is asking. */
    public record Viewer(String personId, Set<Role> roles) {
        public Viewer {
            roles = roles == null ? Set.of() : Set.copyOf(roles);
        }

        /** A viewer from role names as a token carries them; names that are not ours are ignored. */
        public static Viewer of(String personId, Collection<String> roleNames) {
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (Role r : Role.values()) {
                if (roleNames.contains(r.name())) {
                    roles.add(r);
                }
            }
            return new Viewer(personId, roles);
        }
    }

    /**
     * The facts of an alert this rule depends on.
     *
     * @param involved          everyone assigned at any stage, and whoever a cover answered for (the raiser is added)
     * @param competenceConcern whether the alert raises a concern about a named worker's competence
     * @param socialWorkerId    the child's allocated social worker, or null: they (and those above them) see the
     *                          alert, but not the detail of a competence concern, which may be about them
     */
    public record Alert(String raisedBy, String teamId, Set<String> involved, boolean competenceConcern,
                        String socialWorkerId) {
        public Alert {
            involved = involved == null ? Set.of() : Set.copyOf(involved);
        }

        /** An alert with no allocated social worker named. */
        public Alert(String raisedBy, String teamId, Set<String> involved, boolean competenceConcern) {
            this(raisedBy, teamId, involved, competenceConcern, null);
        }

        Set<String> people() {
            Set<String> out = new HashSet<>(involved);
            if (raisedBy != null) {
                out.add(raisedBy);
            }
            return out;
        }
    }

    private final ReportingLines lines;

    public AlertVisibility(ReportingLines lines) {
        this.lines = lines;
    }

    /** Whether {@code viewer} may know that the alert exists and see its facts (ids, dates, stages). */
    public boolean maySee(Viewer viewer, Alert alert) {
        if (viewer.roles().contains(Role.ADMIN) || viewer.roles().contains(Role.REPORT_VIEWER)) {
            return true;
        }
        return isInvolvedOrAbove(viewer.personId(), alert)
                || isSelfOrAbove(viewer.personId(), alert.socialWorkerId())
                || lines.teamManagerOf(alert.teamId())
                        .map(tm -> tm.equals(viewer.personId()) || isAbove(viewer.personId(), tm)).orElse(false);
    }

    /**
     * Whose alerts {@code viewer} may see, for lists and reports that filter many alerts at once: one pass over the
     * directory instead of a look-up per alert.
     */
    public Scope scopeOf(Viewer viewer) {
        if (viewer.roles().contains(Role.ADMIN) || viewer.roles().contains(Role.REPORT_VIEWER)) {
            return new Scope(true, Set.of(), Set.of());
        }
        Set<String> people = new HashSet<>();
        if (viewer.personId() != null) {
            people.add(viewer.personId());
            for (String p : lines.personIds()) {
                if (isAbove(viewer.personId(), p)) {
                    people.add(p);
                }
            }
        }
        Set<String> teams = new HashSet<>();
        for (String t : lines.teamIds()) {
            lines.teamManagerOf(t).filter(people::contains).ifPresent(tm -> teams.add(t));
        }
        return new Scope(false, people, teams);
    }

    /** Whether {@code viewer} may also read its free text: always where they may see it, unless it is restricted. */
    public boolean maySeeDetail(Viewer viewer, Alert alert) {
        return alert.competenceConcern() ? isInvolvedOrAbove(viewer.personId(), alert) : maySee(viewer, alert);
    }

    /** Whether {@code managerId} is somewhere above {@code personId} in the reporting line. */
    public boolean isAbove(String managerId, String personId) {
        if (managerId == null || personId == null) {
            return false;
        }
        String current = personId;
        for (int i = 0; i < MAX_DEPTH && current != null; i++) {
            String next = lines.managerOf(current).orElse(null);
            if (managerId.equals(next)) {
                return true;
            }
            current = next;
        }
        return false;
    }

    private boolean isSelfOrAbove(String personId, String other) {
        return other != null && (other.equals(personId) || isAbove(personId, other));
    }

    private boolean isInvolvedOrAbove(String personId, Alert alert) {
        if (personId == null) {
            return false;
        }
        Set<String> people = alert.people();
        return people.contains(personId) || people.stream().anyMatch(p -> isAbove(personId, p));
    }
}
