package org.practicealerts.alert.directory;

import org.practicealerts.events.directory.Cover;
import org.practicealerts.events.directory.Team;
import org.practicealerts.events.directory.Person;
import static org.practicealerts.events.Role.ADMIN;
import static org.practicealerts.events.Role.ASSISTANT_DIRECTOR;
import static org.practicealerts.events.Role.CPC;
import static org.practicealerts.events.Role.CRO;
import static org.practicealerts.events.Role.DIRECTOR;
import static org.practicealerts.events.Role.HEAD_OF_SERVICE;
import static org.practicealerts.events.Role.IRO;
import static org.practicealerts.events.Role.REPORT_VIEWER;
import static org.practicealerts.events.Role.SERVICE_DIRECTOR;
import static org.practicealerts.events.Role.SERVICE_MANAGER;
import static org.practicealerts.events.Role.SOCIAL_WORKER;
import static org.practicealerts.events.Role.TEAM_MANAGER;

import java.time.LocalDate;
import org.practicealerts.events.Role;
import java.util.List;
import java.util.Set;

/**
 * A small council for demos and tests: two social work teams under one head of service, an independent reviewing
 * service with its own line up to the assistant director for safeguarding and quality, a director, an admin and a
 * report viewer. Staff only: the directory never holds children.
 */
public final class DemoDirectory {

    public static final String NORTH = "team-north";
    public static final String SOUTH = "team-south";
    public static final String IRS = "team-irs";

    private DemoDirectory() {
    }

    public static List<Team> teams() {
        return List.of(
                new Team(NORTH, "Children We Care For North", "tm-north"),
                new Team(SOUTH, "Child Protection South", "tm-south"),
                new Team(IRS, "Independent Reviewing Service", "irs-tm"));
    }

    public static List<Person> people() {
        return List.of(
                person("dcs", "Director of Children's Services", DIRECTOR, null, null),
                person("sd-children", "Service Director, Children's Social Care", SERVICE_DIRECTOR, null, "dcs"),
                person("ad-children", "Assistant Director, Children's Social Care", ASSISTANT_DIRECTOR, null, "sd-children"),
                person("hos-children", "Head of Service, Children in Care and Protection", HEAD_OF_SERVICE, null, "ad-children"),
                person("sm-north", "Service Manager North", SERVICE_MANAGER, null, "hos-children"),
                person("sm-south", "Service Manager South", SERVICE_MANAGER, null, "hos-children"),
                person("tm-north", "Team Manager North", TEAM_MANAGER, NORTH, "sm-north"),
                person("tm-south", "Team Manager South", TEAM_MANAGER, SOUTH, "sm-south"),
                person("tm-duty", "Duty Team Manager", TEAM_MANAGER, NORTH, "sm-north"),
                person("sw-north", "Social Worker North", SOCIAL_WORKER, NORTH, "tm-north"),
                person("sw-south", "Social Worker South", SOCIAL_WORKER, SOUTH, "tm-south"),
                person("ad-sqp", "Assistant Director, Safeguarding and Quality", ASSISTANT_DIRECTOR, null, "dcs"),
                person("irs-hos", "Head of Service, Safeguarding and Quality", HEAD_OF_SERVICE, null, "ad-sqp"),
                person("irs-sm", "Service Manager, Independent Reviewing", SERVICE_MANAGER, null, "irs-hos"),
                person("irs-tm", "Team Manager, Independent Reviewing", TEAM_MANAGER, IRS, "irs-sm"),
                person("iro-1", "Independent Reviewing Officer One", IRO, IRS, "irs-tm"),
                person("cpc-1", "Child Protection Chair One", CPC, IRS, "irs-tm"),
                person("cro-1", "Conference and Reviewing Officer One", CRO, IRS, "irs-tm"),
                new Person("admin-1", "Safeguarding Information Admin", "admin-1@demo-council.example", null,
                        Set.of(ADMIN), null, null, true, "EMAIL"),
                new Person("viewer-1", "Performance Analyst", "viewer-1@demo-council.example", null,
                        Set.of(REPORT_VIEWER), null, null, true, "EMAIL"));
    }

    /** The duty team manager covers Team Manager South over Christmas. */
    public static List<Cover> covers() {
        return List.of(new Cover("cover-south-xmas", "tm-south", "tm-duty", LocalDate.of(2026, 12, 21),
                LocalDate.of(2027, 1, 1), "Annual leave"));
    }

    private static Person person(String id, String name, Role role, String teamId, String managerId) {
        return new Person(id, name, id + "@demo-council.example", null, Set.of(role), teamId, managerId, true, "BOTH");
    }
}
