package org.practicealerts.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.events.Role.ADMIN;
import static org.practicealerts.events.Role.ASSISTANT_DIRECTOR;
import static org.practicealerts.events.Role.HEAD_OF_SERVICE;
import static org.practicealerts.events.Role.IRO;
import static org.practicealerts.events.Role.REPORT_VIEWER;
import static org.practicealerts.events.Role.SERVICE_MANAGER;
import static org.practicealerts.events.Role.SOCIAL_WORKER;
import static org.practicealerts.events.Role.TEAM_MANAGER;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.practicealerts.access.AlertVisibility.Alert;
import org.practicealerts.access.AlertVisibility.Viewer;
import org.practicealerts.events.Role;

/**
 * The whole visibility rule as one table. The council: the child's line sw-north → tm-north → sm-north →
 * hos-children → ad-children; a neighbouring line tm-south → sm-south → hos-children; the officers' line iro-1 →
 * irs-tm → irs-sm → irs-hos → ad-sqp; tm-duty covers tm-north. The alert: raised by iro-1 about a child in
 * team-north (managed by tm-north).
 */
class AlertVisibilityTest {

    private static final Map<String, String> MANAGER = Map.ofEntries(
            Map.entry("sw-north", "tm-north"), Map.entry("tm-north", "sm-north"), Map.entry("sm-north", "hos-children"),
            Map.entry("hos-children", "ad-children"), Map.entry("tm-south", "sm-south"),
            Map.entry("sm-south", "hos-children"), Map.entry("tm-duty", "sm-south"),
            Map.entry("iro-1", "irs-tm"), Map.entry("irs-tm", "irs-sm"), Map.entry("irs-sm", "irs-hos"),
            Map.entry("irs-hos", "ad-sqp"));
    private static final Map<String, String> TEAM_MANAGER_OF = Map.of("team-north", "tm-north", "team-south", "tm-south");

    private static final AlertVisibility RULE =
            new AlertVisibility(AlertVisibility.ReportingLines.of(MANAGER, TEAM_MANAGER_OF));

    /** Stage 1 with the child's team manager assigned. */
    private static final Set<String> RESPONDER = Set.of("tm-north");
    /** Stage 1 answered by the duty manager for the absent team manager. */
    private static final Set<String> COVERED = Set.of("tm-duty", "tm-north");
    /** Bypassed straight to the service manager. */
    private static final Set<String> BYPASSED = Set.of("sm-north");

    static Stream<Arguments> table() {
        return Stream.of(
                // who, roles, alert's involved people, sees (no concern), sees, detail (competence concern)
                row("the raiser", "iro-1", Set.of(IRO), RESPONDER, true, true, true),
                row("the responder", "tm-north", Set.of(TEAM_MANAGER), RESPONDER, true, true, true),
                row("the cover answering for the responder", "tm-duty", Set.of(TEAM_MANAGER), COVERED, true, true, true),
                row("the cover's own manager (above the cover)", "sm-south", Set.of(SERVICE_MANAGER), COVERED,
                        true, true, true),
                row("the responder's service manager", "sm-north", Set.of(SERVICE_MANAGER), RESPONDER, true, true, true),
                row("the responder's head of service", "hos-children", Set.of(HEAD_OF_SERVICE), RESPONDER,
                        true, true, true),
                row("the assistant director at the top of the line", "ad-children", Set.of(ASSISTANT_DIRECTOR),
                        RESPONDER, true, true, true),
                row("the raiser's line manager", "irs-tm", Set.of(TEAM_MANAGER), RESPONDER, true, true, true),
                row("the top of the raiser's line", "ad-sqp", Set.of(ASSISTANT_DIRECTOR), RESPONDER, true, true, true),
                row("the child's team manager when the alert bypassed them", "tm-north", Set.of(TEAM_MANAGER),
                        BYPASSED, true, true, false),
                row("another team's manager", "tm-south", Set.of(TEAM_MANAGER), RESPONDER, false, false, false),
                row("another line's service manager", "sm-south", Set.of(SERVICE_MANAGER), RESPONDER,
                        false, false, false),
                row("a social worker below the responder", "sw-north", Set.of(SOCIAL_WORKER), RESPONDER,
                        false, false, false),
                row("an admin", "admin-1", Set.of(ADMIN), RESPONDER, true, true, false),
                row("a report viewer", "viewer-1", Set.of(REPORT_VIEWER), RESPONDER, true, true, false),
                row("someone with no role of ours", "stranger", Set.of(), RESPONDER, false, false, false));
    }

    private static Arguments row(String who, String personId, Set<Role> roles, Set<String> involved,
                                 boolean sees, boolean seesConcern, boolean seesConcernDetail) {
        return Arguments.of(who, new Viewer(personId, roles), involved, sees, seesConcern, seesConcernDetail);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void decidesWhoSeesAnAlertAndWhoReadsACompetenceConcernsDetail(String who, Viewer viewer, Set<String> involved,
                                                                   boolean sees, boolean seesConcern,
                                                                   boolean seesConcernDetail) {
        Alert ordinary = new Alert("iro-1", "team-north", involved, false);
        Alert concern = new Alert("iro-1", "team-north", involved, true);

        assertThat(RULE.maySee(viewer, ordinary)).as("sees the alert").isEqualTo(sees);
        assertThat(RULE.scopeOf(viewer).covers(ordinary)).as("a list of alerts shows it").isEqualTo(sees);
        assertThat(RULE.maySeeDetail(viewer, ordinary)).as("reads an ordinary alert's text").isEqualTo(sees);
        assertThat(RULE.maySee(viewer, concern)).as("sees a competence-concern alert").isEqualTo(seesConcern);
        assertThat(RULE.maySeeDetail(viewer, concern)).as("reads a competence concern's detail")
                .isEqualTo(seesConcernDetail);
    }

    @Test
    void aServiceManagersScopeIsTheirLineAndTheTeamsManagedInIt() {
        AlertVisibility.Scope scope = RULE.scopeOf(new Viewer("sm-north", Set.of(SERVICE_MANAGER)));

        assertThat(scope.everything()).isFalse();
        assertThat(scope.people()).containsExactlyInAnyOrder("sm-north", "tm-north", "sw-north");
        assertThat(scope.teams()).containsExactly("team-north");
    }

    @Test
    void theAllocatedSocialWorkerSeesTheAlertButNotTheDetailOfACompetenceConcern() {
        Viewer sw = new Viewer("sw-north", Set.of(SOCIAL_WORKER));
        Viewer otherSw = new Viewer("sw-south", Set.of(SOCIAL_WORKER));
        Alert ordinary = new Alert("iro-1", "team-north", RESPONDER, false, "sw-north");
        Alert concern = new Alert("iro-1", "team-north", RESPONDER, true, "sw-north");
        assertThat(RULE.maySee(sw, ordinary)).isTrue();
        assertThat(RULE.maySeeDetail(sw, ordinary)).isTrue();
        assertThat(RULE.maySee(sw, concern)).isTrue();
        assertThat(RULE.maySeeDetail(sw, concern)).as("the concern may be about them").isFalse();
        assertThat(RULE.scopeOf(sw).covers(ordinary)).isTrue();
        assertThat(RULE.maySee(otherSw, ordinary)).isFalse();
        assertThat(RULE.scopeOf(otherSw).covers(ordinary)).isFalse();
    }

    @Test
    void adminsAndReportViewersScopeIsEveryAlert() {
        assertThat(RULE.scopeOf(new Viewer("admin-1", Set.of(ADMIN))).everything()).isTrue();
        assertThat(RULE.scopeOf(new Viewer("viewer-1", Set.of(REPORT_VIEWER))).everything()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void nobodyReadsDetailOfAnAlertTheyMayNotSee(String who, Viewer viewer, Set<String> involved, boolean sees,
                                                 boolean seesConcern, boolean seesConcernDetail) {
        for (boolean competence : new boolean[] {false, true}) {
            Alert alert = new Alert("iro-1", "team-north", involved, competence);
            assertThat(!RULE.maySeeDetail(viewer, alert) || RULE.maySee(viewer, alert)).isTrue();
        }
    }
}
