package org.practicealerts.milestones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.milestones.Milestone.State.DUE_SOON;
import static org.practicealerts.milestones.Milestone.State.MET;
import static org.practicealerts.milestones.Milestone.State.MET_LATE;
import static org.practicealerts.milestones.Milestone.State.MISSED;
import static org.practicealerts.milestones.Milestone.State.NO_LONGER_REQUIRED;
import static org.practicealerts.milestones.Milestone.State.OPEN;
import static org.practicealerts.milestones.Milestone.State.SUPERSEDED;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.calendar.WorkingDayCalendar;

/** Seed 004's timescales, dated: each milestone of the shipped policy on the 2026 calendar of England and Wales. */
class MilestoneMonitorTest {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final String CHILD = "child-1001";

    final MilestoneMonitor monitor = new MilestoneMonitor(MilestonePolicy.seed004(),
            WorkingDayCalendar.englandAndWales(2025, 2027, List.of()));
    final List<CaseFact> facts = new ArrayList<>();
    int records;

    static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(LONDON).toInstant();
    }

    CaseFact fact(FactKind kind, String when) {
        CaseFact f = CaseFact.of("rec-" + ++records, CHILD, kind, at(when));
        facts.add(f);
        return f;
    }

    void add(CaseFact f) {
        facts.add(f);
    }

    Milestone only(String ruleId, String now) {
        List<Milestone> found = all(ruleId, now);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    List<Milestone> all(String ruleId, String now) {
        return monitor.milestones(facts, at(now)).stream().filter(m -> m.ruleId().equals(ruleId)).toList();
    }

    @Test
    void theInitialConferenceIsDueOnTheFifteenthWorkingDayCountingTheDayOfTheSection47DecisionAsDayOne() {
        fact(FactKind.S47_DECISION, "2026-01-05T10:00"); // Monday 5 January 2026: day 1

        Milestone m = only("INITIAL_CONFERENCE", "2026-01-05T10:00");
        assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 1, 23)); // Friday 23 January: day 15
        assertThat(m.state()).isEqualTo(OPEN);
        assertThat(only("INITIAL_CONFERENCE", "2026-01-20T12:00").state()).isEqualTo(OPEN);
        assertThat(only("INITIAL_CONFERENCE", "2026-01-21T09:00").state()).as("two working days left")
                .isEqualTo(DUE_SOON);
        assertThat(only("INITIAL_CONFERENCE", "2026-01-23T23:59").state()).isEqualTo(DUE_SOON);
        assertThat(only("INITIAL_CONFERENCE", "2026-01-24T00:00").state()).isEqualTo(MISSED);
    }

    @Test
    void anInitialConferenceOnTheFifteenthWorkingDayMeetsItAndOneAfterItIsLate() {
        fact(FactKind.S47_DECISION, "2026-01-05T16:30");
        add(CaseFact.conferenceHeld("icpc-1", CHILD, at("2026-01-23T14:00"), ConferenceType.INITIAL, true));
        Milestone m = only("INITIAL_CONFERENCE", "2026-02-01T09:00");
        assertThat(m.state()).isEqualTo(MET);
        assertThat(m.closedBy()).isEqualTo("icpc-1");

        facts.clear();
        fact(FactKind.S47_DECISION, "2026-01-05T16:30");
        add(CaseFact.conferenceHeld("icpc-2", CHILD, at("2026-01-26T10:00"), ConferenceType.INITIAL, true));
        assertThat(only("INITIAL_CONFERENCE", "2026-02-01T09:00").state()).isEqualTo(MET_LATE);
    }

    @Test
    void aReviewConferenceDoesNotMeetTheInitialConference() {
        fact(FactKind.S47_DECISION, "2026-01-05T10:00");
        add(CaseFact.conferenceHeld("rcpc-1", CHILD, at("2026-01-20T10:00"), ConferenceType.REVIEW, true));
        assertThat(only("INITIAL_CONFERENCE", "2026-01-26T09:00").state()).isEqualTo(MISSED);
    }

    @Test
    void aBankHolidayInsideTheWindowMovesTheInitialConferenceOnADay() {
        fact(FactKind.S47_DECISION, "2026-05-18T11:00"); // Monday 18 May; the spring bank holiday is Monday 25 May
        assertThat(only("INITIAL_CONFERENCE", "2026-05-18T12:00").dueOn()).isEqualTo(LocalDate.of(2026, 6, 8));

        facts.clear();
        fact(FactKind.S47_DECISION, "2026-04-01T11:00"); // Wednesday 1 April; Good Friday 3 and Easter Monday 6 April
        assertThat(only("INITIAL_CONFERENCE", "2026-04-01T12:00").dueOn()).isEqualTo(LocalDate.of(2026, 4, 23));
    }

    @Test
    void aDecisionMadeOnANonWorkingDayCountsTheNextWorkingDayAsDayOne() {
        fact(FactKind.S47_DECISION, "2026-01-03T20:00"); // Saturday: day 1 is Monday 5 January
        assertThat(only("INITIAL_CONFERENCE", "2026-01-04T12:00").dueOn()).isEqualTo(LocalDate.of(2026, 1, 23));
    }

    @Test
    void theOutlinePlanIsDueTheWorkingDayAfterTheConferenceAndTheOutcomeLikewiseWhenNoPlanIsMade() {
        add(CaseFact.conferenceHeld("icpc-1", CHILD, at("2026-05-22T15:00"), ConferenceType.INITIAL, false));
        Milestone m = only("PLAN_DISTRIBUTED", "2026-05-22T16:00"); // Friday before the spring bank holiday
        assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 5, 26));
        fact(FactKind.PLAN_DISTRIBUTED, "2026-05-26T17:30");
        assertThat(only("PLAN_DISTRIBUTED", "2026-05-27T09:00").state()).isEqualTo(MET);
    }

    @Test
    void theFirstCoreGroupIsDueTenWorkingDaysAfterAConferenceThatMadeAPlanAndNoneWithoutAPlan() {
        add(CaseFact.conferenceHeld("icpc-1", CHILD, at("2026-01-23T14:00"), ConferenceType.INITIAL, true));
        Milestone m = only("FIRST_CORE_GROUP", "2026-01-23T15:00");
        assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 2, 6));
        assertThat(only("FIRST_CORE_GROUP", "2026-02-09T09:00").state()).isEqualTo(MISSED);

        facts.clear();
        add(CaseFact.conferenceHeld("icpc-2", CHILD, at("2026-01-23T14:00"), ConferenceType.INITIAL, false));
        assertThat(all("FIRST_CORE_GROUP", "2026-02-09T09:00")).isEmpty();
        assertThat(all("VISIT", "2026-02-09T09:00")).isEmpty();
    }

    @Test
    void eachCoreGroupMeetsTheOneAwaitedAndStartsTheNextSixWeeks() {
        add(CaseFact.conferenceHeld("icpc-1", CHILD, at("2026-01-23T14:00"), ConferenceType.INITIAL, true));
        CaseFact first = fact(FactKind.CORE_GROUP_HELD, "2026-02-05T10:00");
        assertThat(only("FIRST_CORE_GROUP", "2026-02-05T11:00").state()).isEqualTo(MET);
        Milestone next = only("NEXT_CORE_GROUP", "2026-02-05T11:00");
        assertThat(next.openedBy()).isEqualTo(first.recordId());
        assertThat(next.dueOn()).isEqualTo(LocalDate.of(2026, 3, 19));
        assertThat(only("NEXT_CORE_GROUP", "2026-03-20T00:00").state()).isEqualTo(MISSED);

        fact(FactKind.CORE_GROUP_HELD, "2026-03-19T10:00");
        List<Milestone> nexts = all("NEXT_CORE_GROUP", "2026-03-20T00:00");
        assertThat(nexts).extracting(Milestone::state).containsExactly(MET, OPEN);
        assertThat(nexts.get(1).dueOn()).isEqualTo(LocalDate.of(2026, 4, 30));
    }

    @Test
    void aVisitThatSawTheChildMeetsTheFourWeeksAndOneThatDidNotLeavesThemRunning() {
        add(CaseFact.conferenceHeld("icpc-1", CHILD, at("2026-01-23T14:00"), ConferenceType.INITIAL, true));
        fact(FactKind.PLAN_STARTED, "2026-01-23T14:05");
        Milestone first = only("VISIT", "2026-01-24T09:00");
        assertThat(first.openedBy()).as("the plan's clock starts once").isEqualTo("icpc-1");
        assertThat(first.dueOn()).isEqualTo(LocalDate.of(2026, 2, 20));

        add(CaseFact.visit("visit-1", CHILD, at("2026-02-10T10:00"), false));
        assertThat(only("VISIT", "2026-02-11T09:00").state()).isEqualTo(OPEN);
        add(CaseFact.visit("visit-2", CHILD, at("2026-02-12T10:00"), true));
        List<Milestone> visits = all("VISIT", "2026-02-13T09:00");
        assertThat(visits).extracting(Milestone::state).containsExactly(MET, OPEN);
        assertThat(visits.get(0).closedBy()).isEqualTo("visit-2");
        assertThat(visits.get(1).dueOn()).isEqualTo(LocalDate.of(2026, 3, 12));
    }

    @Test
    void whenThePlanEndsItsVisitsAndCoreGroupsAreNoLongerRequired() {
        add(CaseFact.conferenceHeld("icpc-1", CHILD, at("2026-01-23T14:00"), ConferenceType.INITIAL, true));
        fact(FactKind.CORE_GROUP_HELD, "2026-02-05T10:00");
        CaseFact ended = fact(FactKind.PLAN_ENDED, "2026-03-02T12:00");
        List<Milestone> now = monitor.milestones(facts, at("2026-04-01T09:00"));
        assertThat(now).filteredOn(m -> m.ruleId().equals("VISIT") || m.ruleId().equals("NEXT_CORE_GROUP"))
                .extracting(Milestone::state).containsOnly(NO_LONGER_REQUIRED);
        assertThat(now).filteredOn(m -> m.state() == NO_LONGER_REQUIRED).extracting(Milestone::closedBy)
                .containsOnly(ended.recordId());
        fact(FactKind.CORE_GROUP_HELD, "2026-03-05T10:00");
        assertThat(all("NEXT_CORE_GROUP", "2026-04-01T09:00")).hasSize(1);
    }

    @Test
    void agencyReportsAreDueTwentyFourHoursBeforeTheBookedConferenceAndARebookingReplacesTheMilestone() {
        add(CaseFact.conferenceBooked("book-1", CHILD, at("2026-06-01T09:00"), ConferenceType.INITIAL,
                at("2026-06-17T10:00")));
        Milestone m = only("AGENCY_REPORTS", "2026-06-01T10:00");
        assertThat(m.dueAt()).isEqualTo(at("2026-06-16T10:00"));
        assertThat(all("REVIEW_INVITATIONS", "2026-06-01T10:00")).as("invitations: review conferences").isEmpty();
        fact(FactKind.REPORT_RECEIVED, "2026-06-16T10:00");
        assertThat(only("AGENCY_REPORTS", "2026-06-16T11:00").state()).as("24 hours prior, to the hour").isEqualTo(MET);

        facts.clear();
        add(CaseFact.conferenceBooked("book-1", CHILD, at("2026-06-01T09:00"), ConferenceType.INITIAL,
                at("2026-06-17T10:00")));
        add(CaseFact.conferenceBooked("book-2", CHILD, at("2026-06-03T09:00"), ConferenceType.INITIAL,
                at("2026-06-24T10:00")));
        fact(FactKind.REPORT_RECEIVED, "2026-06-23T12:00");
        assertThat(all("AGENCY_REPORTS", "2026-06-24T09:00")).extracting(Milestone::state)
                .containsExactly(SUPERSEDED, MET_LATE);
    }

    @Test
    void reviewConferenceInvitationsAreDueTwoWeeksBeforeIt() {
        add(CaseFact.conferenceBooked("book-r", CHILD, at("2026-04-20T09:00"), ConferenceType.REVIEW,
                at("2026-07-09T10:00")));
        Milestone m = only("REVIEW_INVITATIONS", "2026-04-20T10:00");
        assertThat(m.dueOn()).isEqualTo(LocalDate.of(2026, 6, 25));
        assertThat(only("REVIEW_INVITATIONS", "2026-06-23T10:00").state()).isEqualTo(DUE_SOON);
        assertThat(only("REVIEW_INVITATIONS", "2026-06-26T00:00").state()).isEqualTo(MISSED);
    }

    @Test
    void theOrderFactsArriveInChangesNothingAndFactsAfterTheInstantAskedAboutAreNotYetKnown() {
        fact(FactKind.S47_DECISION, "2026-01-05T10:00");
        add(CaseFact.conferenceHeld("icpc-1", CHILD, at("2026-01-22T10:00"), ConferenceType.INITIAL, true));
        fact(FactKind.CORE_GROUP_HELD, "2026-02-02T10:00");
        List<Milestone> inOrder = monitor.milestones(facts, at("2026-02-10T09:00"));
        List<CaseFact> shuffled = new ArrayList<>(facts);
        Collections.reverse(shuffled);
        assertThat(monitor.milestones(shuffled, at("2026-02-10T09:00"))).isEqualTo(inOrder);

        assertThat(monitor.milestones(facts, at("2026-01-21T09:00"))).extracting(Milestone::ruleId)
                .containsExactly("INITIAL_CONFERENCE");
    }
}
