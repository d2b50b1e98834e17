package org.practicealerts.reporting.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.CommendationRecorded;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.InformalResolution;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.Urgency;

/**
 * A known council quarter, July to September 2026 (Summer bank holiday Monday 31 August), plus one alert in June:
 * <ul>
 *   <li>A1 child C1, looked after, North, IRO, informal first: raised Thu 27 Aug, answered on time Tue 1 Sep,
 *       resolved Wed 2 Sep: 3 working days (the bank holiday does not count).</li>
 *   <li>A2 child C2, CP, South, CPC, categories 1 and 4: raised Fri 28 Aug, stage 1 deadline missed Fri 4 Sep
 *       (system escalates to stage 2), answered on time Thu 10 Sep, resolved Mon 14 Sep: 10 working days.</li>
 *   <li>A3 child C1 again (a repeat), North, IRO, urgent, bypass straight to stage 3 on Mon 21 Sep, due Mon 28 Sep,
 *       never answered; referred to Cafcass Fri 25 Sep.</li>
 *   <li>A4 child C3, CP, South, CPC, competence concern: raised Tue 29 Sep, due Tue 6 Oct, answered late Wed 7 Oct,
 *       escalated as inadequate Thu 8 Oct.</li>
 *   <li>A0 child C4, North, raised Wed 10 Jun, resolved Fri 12 Jun (the previous quarter: 2 working days).</li>
 *   <li>A commendation for North on Tue 15 Sep; and A1's response delivered twice (at-least-once).</li>
 * </ul>
 */
public final class Scenario {

    public static final String NORTH = "team-north";
    public static final String SOUTH = "team-south";

    private Scenario() {
    }

    public static WorkingDayCalendar calendar() {
        return WorkingDayCalendar.englandAndWales(2025, 2027, List.of());
    }

    public static Directory directory() {
        Directory d = new Directory();
        d.putTeam(new Directory.Team(NORTH, "North", "tm-north"));
        d.putTeam(new Directory.Team(SOUTH, "South", "tm-south"));
        d.putPerson(new Directory.Person("tm-north", NORTH, "sm-north", List.of("TEAM_MANAGER")));
        d.putPerson(new Directory.Person("tm-south", SOUTH, "sm-south", List.of("TEAM_MANAGER")));
        d.putPerson(new Directory.Person("sm-north", null, "hos-children", List.of("SERVICE_MANAGER")));
        d.putPerson(new Directory.Person("sm-south", null, "hos-children", List.of("SERVICE_MANAGER")));
        d.putPerson(new Directory.Person("iro-1", "team-irs", "irs-tm", List.of("IRO")));
        d.putPerson(new Directory.Person("cpc-1", "team-irs", "irs-tm", List.of("CPC")));
        return d;
    }

    /** The events in topic order (per alert), with one duplicate delivery. */
    public static List<PracticeEvent> events(String prefix) {
        List<PracticeEvent> e = new ArrayList<>();
        String a0 = prefix + "A0";
        String a1 = prefix + "A1";
        String a2 = prefix + "A2";
        String a3 = prefix + "A3";
        String a4 = prefix + "A4";
        e.add(raised(a0, "C4", PlanType.CHILD_WE_CARE_FOR, NORTH, "iro-1", "IRO", List.of("5"), Urgency.ROUTINE,
                false, false, 1, null, "tm-north", "2026-06-10T09:00:00Z", "2026-06-17T16:00:00Z"));
        e.add(response(a0, 1, "tm-north", "2026-06-11T09:00:00Z", "2026-06-17T16:00:00Z", true));
        e.add(resolved(a0, 1, "iro-1", "2026-06-12T09:00:00Z"));

        e.add(raised(a1, "C1", PlanType.CHILD_WE_CARE_FOR, NORTH, "iro-1", "IRO", List.of("6"), Urgency.ROUTINE,
                false, true, 1, null, "tm-north", "2026-08-27T09:00:00Z", "2026-09-04T15:00:00Z"));
        ResponseRecorded a1Response = response(a1, 1, "tm-north", "2026-09-01T08:00:00Z", "2026-09-04T15:00:00Z", true);
        e.add(a1Response);
        e.add(a1Response);
        e.add(resolved(a1, 1, "iro-1", "2026-09-02T11:00:00Z"));

        e.add(raised(a2, "C2", PlanType.CHILD_PROTECTION, SOUTH, "cpc-1", "CPC", List.of("1", "4"), Urgency.ROUTINE,
                false, false, 1, null, "tm-south", "2026-08-28T08:00:00Z", "2026-09-04T15:00:00Z"));
        e.add(escalated(a2, 1, 2, EscalationReason.DEADLINE_MISSED, "sm-south", "2026-09-04T15:00:05Z",
                "2026-09-11T15:00:00Z"));
        e.add(response(a2, 2, "sm-south", "2026-09-10T09:00:00Z", "2026-09-11T15:00:00Z", true));
        e.add(resolved(a2, 2, "cpc-1", "2026-09-14T09:00:00Z"));

        e.add(raised(a3, "C1", PlanType.CHILD_WE_CARE_FOR, NORTH, "iro-1", "IRO", List.of("2"), Urgency.URGENT,
                false, false, 3, "Child at immediate risk of placement breakdown", "hos-children",
                "2026-09-21T08:00:00Z", "2026-09-28T15:00:00Z"));
        e.add(new CafcassReferralRecorded(id(), a3, Instant.parse("2026-09-25T10:00:00Z"), 1, 3, "iro-1",
                LocalDate.of(2026, 9, 25), "Referred", List.of()));

        e.add(raised(a4, "C3", PlanType.CHILD_PROTECTION, SOUTH, "cpc-1", "CPC", List.of("6"), Urgency.ROUTINE,
                true, false, 1, null, "tm-south", "2026-09-29T08:00:00Z", "2026-10-06T15:00:00Z"));
        e.add(response(a4, 1, "tm-south", "2026-10-07T08:00:00Z", "2026-10-06T15:00:00Z", false));
        e.add(escalated(a4, 1, 2, EscalationReason.RESPONSE_INADEQUATE, "sm-south", "2026-10-08T08:00:00Z",
                "2026-10-15T15:00:00Z"));

        e.add(new CommendationRecorded(id(), prefix + "K1", Instant.parse("2026-09-15T10:00:00Z"), 1, "C5",
                PlanType.CHILD_PROTECTION, NORTH, "cpc-1", List.of("sw-north"), "4", "Thorough report", List.of()));
        return e;
    }

    static String id() {
        return UUID.randomUUID().toString();
    }

    public static AlertRaised raised(String alertId, String child, PlanType plan, String team, String raiser, String role,
                              List<String> categories, Urgency urgency, boolean competence, boolean informal,
                              int stage, String bypass, String responder, String at, String due) {
        return new AlertRaised(id(), alertId, Instant.parse(at), 1, "PA-" + alertId, new PolicyRef("standard", 1),
                child, List.of(), plan, team, raiser, role, categories.get(0), categories, "summary withheld",
                "impact", "voice", List.of(), urgency, competence, null,
                informal ? new InformalResolution(LocalDate.parse(at.substring(0, 10)).minusDays(3), "tm-north",
                        "not resolved") : null,
                stage, bypass, new Assignment(responder, "MANAGER", null),
                new StageDeadlines(Instant.parse(due), null), null, List.of(),
                org.practicealerts.events.AlertStatus.AWAITING_RESPONSE);
    }

    static ResponseRecorded response(String alertId, int stage, String by, String at, String due, boolean onTime) {
        return new ResponseRecorded(id(), alertId, Instant.parse(at), 1, stage, by, null, "Response text " + alertId,
                List.of(), Instant.parse(due), onTime, List.of(),
                org.practicealerts.events.AlertStatus.AWAITING_JUDGEMENT, null);
    }

    static AlertResolved resolved(String alertId, int stage, String by, String at) {
        return new AlertResolved(id(), alertId, Instant.parse(at), 1, stage, by, "Plan updated", false, List.of(),
                org.practicealerts.events.AlertStatus.RESOLVED);
    }

    static StageEscalated escalated(String alertId, int from, int to, EscalationReason reason, String responder,
                                    String at, String due) {
        return new StageEscalated(id(), alertId, Instant.parse(at), 1, from, to, reason,
                reason == EscalationReason.DEADLINE_MISSED ? StageEscalated.SYSTEM : "raiser", null,
                new Assignment(responder, "SERVICE_MANAGER", null), new StageDeadlines(Instant.parse(due), null),
                List.of(), org.practicealerts.events.AlertStatus.AWAITING_RESPONSE);
    }
}
