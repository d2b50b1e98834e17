package org.practicealerts.alert.policy;

import java.util.ArrayList;
import java.util.List;
import org.practicealerts.calendar.Timescale;

/**
 * What a stage asks its responder to record with their answer, by the stage's deadline: just the answer, a contact made
 * with a named person, or a meeting held (its outcome is the answer); and, for any of them, an action plan whose actions
 * must all be due within a timescale of the answer.
 *
 * @param requires         what the answer must record
 * @param contactWith      for {@link Requires#CONTACT}, whom the responder contacts; otherwise null
 * @param attendees        for {@link Requires#MEETING}, who is invited (the responder chairs); otherwise empty
 * @param actionPlanWithin when set, the answer must agree at least one action and each is due within this of it
 */
public record StageTask(Requires requires, Relation contactWith, List<Relation> attendees, Timescale actionPlanWithin) {

    /** An answer and nothing more: the stage every procedure has. */
    public static final StageTask ANSWER = new StageTask(Requires.ANSWER, null, List.of(), null);

    /** What an answer must record. */
    public enum Requires {
        /** A written response. */
        ANSWER,
        /** A contact made with {@link #contactWith()}: with whom and when. */
        CONTACT,
        /** A meeting held: when, who chaired, who attended; the response is its outcome. */
        MEETING
    }

    public StageTask {
        attendees = attendees == null ? List.of() : List.copyOf(attendees);
    }

    /** Who the task involves besides the responder, to be told when the stage begins: the contact or the invitees. */
    public List<Relation> involved() {
        List<Relation> out = new ArrayList<>(attendees);
        if (contactWith != null) {
            out.add(0, contactWith);
        }
        return out;
    }
}
