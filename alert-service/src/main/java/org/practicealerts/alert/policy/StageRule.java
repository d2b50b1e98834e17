package org.practicealerts.alert.policy;

import java.util.ArrayList;
import java.util.List;
import org.practicealerts.calendar.Timescale;

/**
 * One rung of the escalation ladder.
 *
 * @param number            1-based stage number
 * @param name              what the procedure calls it
 * @param responder         who must respond, as a relation to the alert (e.g. CHILDS_TEAM_MANAGER)
 * @param responseTimescale how long they have, counted from the moment the alert reaches the stage
 * @param reminderBefore    how long before the due instant to remind them, or {@code null}
 * @param tell              who else is told when the alert reaches this stage
 * @param task              what the responder's answer must record (a contact, a meeting, an action plan)
 */
public record StageRule(int number, String name, Relation responder, Timescale responseTimescale,
                        Timescale reminderBefore, List<Relation> tell, StageTask task) {
    public StageRule {
        tell = tell == null ? List.of() : List.copyOf(tell);
        task = task == null ? StageTask.ANSWER : task;
    }

    /** A stage that asks only for an answer. */
    public StageRule(int number, String name, Relation responder, Timescale responseTimescale,
                     Timescale reminderBefore, List<Relation> tell) {
        this(number, name, responder, responseTimescale, reminderBefore, tell, StageTask.ANSWER);
    }

    /** Who is told when the alert reaches this stage besides the responder: those named, and those the task involves. */
    public List<Relation> toldOnEntry() {
        List<Relation> out = new ArrayList<>(tell);
        task.involved().stream().filter(r -> !out.contains(r)).forEach(out::add);
        return out;
    }
}
