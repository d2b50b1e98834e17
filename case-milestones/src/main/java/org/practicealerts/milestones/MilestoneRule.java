package org.practicealerts.milestones;

import java.util.List;
import org.practicealerts.calendar.Timescale;

/**
 * One statutory timescale of a child's plan: the facts that start the clock, the fact that meets it, and when it is
 * due, either {@code within} a timescale of the fact that started it or {@code beforeConference} the booked
 * conference's date.
 *
 * @param id               the milestone's code (e.g. INITIAL_CONFERENCE)
 * @param name             what a chair or manager reads
 * @param opensOn          the facts that start one (a fact that starts one while one is open starts nothing, except a
 *                         new booking for a conference-dated milestone, which replaces it)
 * @param metBy            the fact that meets it (at or after the fact that started it)
 * @param within           due this long after the starting fact; or null
 * @param beforeConference due this long before the booked conference; or null
 * @param startDayIsDayOne whether the starting fact's date is day 1 of {@code within} (seed 004: "Day 1 is the date
 *                         the decision to initiate S.47 enquiries is made"); otherwise it is day 0
 * @param whileOnPlan      only while the child is subject to a plan: not started off a plan, no longer required when
 *                         the plan ends
 * @param quote            the procedure's words this rule is made from
 * @param alertCategories  the alert procedures' category codes a missed one is an alert about, best first (the draft
 *                         alert takes the first the procedure in force has)
 */
public record MilestoneRule(String id, String name, List<FactMatch> opensOn, FactMatch metBy, Timescale within,
                            Timescale beforeConference, boolean startDayIsDayOne, boolean whileOnPlan, String quote,
                            List<String> alertCategories) {

    public MilestoneRule {
        opensOn = List.copyOf(opensOn);
        alertCategories = alertCategories == null ? List.of() : List.copyOf(alertCategories);
    }

    boolean opensOn(CaseFact f) {
        return opensOn.stream().anyMatch(m -> m.matches(f));
    }

    boolean datedByConference() {
        return beforeConference != null;
    }
}
