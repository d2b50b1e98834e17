package org.practicealerts.milestones;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One milestone of a child's case as it stands: which rule, the fact that started it, when it is due, and how it
 * ended, if it has.
 *
 * @param ruleId     the rule's code
 * @param name       the rule's name
 * @param childRef   the child's reference
 * @param openedBy   the case system's record id of the fact that started it
 * @param openedAt   when that fact happened
 * @param dueOn      the date it is due by (London)
 * @param dueAt      the end of {@code dueOn} (the next day's start, when it is missed); for an hours' timescale
 *                   the hour itself (met at it, missed after it)
 * @param state      its state at the instant asked about
 * @param closedBy   the record id of the fact that met it, replaced it or ended the plan; or null
 * @param closedAt   when that fact happened; or null
 */
public record Milestone(String ruleId, String name, String childRef, String openedBy, Instant openedAt,
                        LocalDate dueOn, Instant dueAt, State state, String closedBy, Instant closedAt) {

    /** Where a milestone is. */
    public enum State {
        /** Not yet due. */
        OPEN,
        /** Not met, and due within the policy's reminder period: the social worker and team manager are reminded. */
        DUE_SOON,
        /** Not met by its due instant: a prompt for the chair. */
        MISSED,
        /** Met by its due instant. */
        MET,
        /** Met, after its due instant. */
        MET_LATE,
        /** The plan ended before it was met. */
        NO_LONGER_REQUIRED,
        /** The conference it was dated by was booked again: the new booking's milestone replaces it. */
        SUPERSEDED;

        /** Whether it still waits for the fact that meets it. */
        public boolean isOpen() {
            return this == OPEN || this == DUE_SOON || this == MISSED;
        }
    }
}
