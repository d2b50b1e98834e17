package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a stage asked its responder to record besides an answer, as they recorded it: the contact they made, the
 * meeting they held, and the date an action plan's actions had to be done by. Each part is null when the stage did not
 * ask for it.
 *
 * @param contact      the contact the stage required (seed 000's service managers' 24-hour contact)
 * @param meeting      the meeting the stage required (seed 000's professionals meeting); the response is its outcome
 * @param actionsDueBy the last day the stage's action plan allowed for its actions (seed 000: within 7 days)
 */
public record StageRecord(Contact contact, Meeting meeting, LocalDate actionsDueBy) {

    /**
     * A contact made with a named person.
     *
     * @param withPersonId directory id of the person contacted
     * @param madeAt       when the contact was made
     */
    public record Contact(String withPersonId, Instant madeAt) {
    }

    /**
     * A meeting held.
     *
     * @param heldAt      when it was held
     * @param chairId     directory id of who chaired it
     * @param attendeeIds directory ids of who attended
     */
    public record Meeting(Instant heldAt, String chairId, List<String> attendeeIds) {
        public Meeting {
            attendeeIds = attendeeIds == null ? List.of() : List.copyOf(attendeeIds);
        }
    }
}
