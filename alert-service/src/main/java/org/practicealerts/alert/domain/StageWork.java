package org.practicealerts.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.practicealerts.alert.api.Commands.NewAction;
import org.practicealerts.alert.api.Commands.RecordResponse;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.alert.policy.StageRule;
import org.practicealerts.alert.policy.StageTask;
import org.practicealerts.events.StageRecord;

/**
 * Checks that an answer records what its stage asked for (a contact with whom and when, a meeting with its chair and
 * attendees, an action plan due in time) and turns it into the {@link StageRecord} the response carries. Refusals
 * name the request field at fault.
 *
 * @param rule        the stage answered
 * @param raisedAt    when the alert was raised: nothing recorded for it happened earlier
 * @param now         when the answer is recorded: nothing recorded for it happens later
 * @param zone        the procedure's time zone, for dates
 * @param respondedBy who answers (and so chairs a meeting unless the answer names another chair)
 * @param expected    whom the stage's contact is with, resolved through the directory, if anyone
 * @param lines       the directory, to check every person named
 */
record StageWork(StageRule rule, Instant raisedAt, Instant now, ZoneId zone, String respondedBy,
                 Optional<String> expected, ReportingLines lines) {

    /**
     * The record the answer makes, or null when the stage asks only for an answer.
     *
     * @param planDueBy the last day an action plan allows, if the stage has one (its timescale applied to now)
     */
    StageRecord record(RecordResponse cmd, LocalDate planDueBy) {
        StageTask task = rule.task();
        StageRecord.Contact contact = task.requires() == StageTask.Requires.CONTACT ? contact(cmd.contact())
                : refuseUnasked(cmd.contact(), "contact", "a contact");
        StageRecord.Meeting meeting = task.requires() == StageTask.Requires.MEETING ? meeting(cmd.meeting())
                : refuseUnasked(cmd.meeting(), "meeting", "a meeting");
        if (task.actionPlanWithin() != null) {
            requirePlan(cmd.actions() == null ? List.of() : cmd.actions(), planDueBy);
        }
        if (contact == null && meeting == null && task.actionPlanWithin() == null) {
            return null;
        }
        return new StageRecord(contact, meeting, task.actionPlanWithin() == null ? null : planDueBy);
    }

    private <T> T refuseUnasked(T given, String field, String what) {
        if (given != null) {
            throw AlertRefused.invalid(field, "stage " + rule.number() + " (" + rule.name() + ") does not record "
                    + what);
        }
        return null;
    }

    private StageRecord.Contact contact(StageRecord.Contact given) {
        if (given == null) {
            throw AlertRefused.invalid("contact", "stage " + rule.number() + " (" + rule.name()
                    + ") records the contact made: with whom (contact.withPersonId) and when (contact.madeAt)");
        }
        String with = given.withPersonId() != null ? given.withPersonId() : expected.orElseThrow(() ->
                AlertRefused.invalid("contact.withPersonId", "the directory names nobody as "
                        + rule.task().contactWith() + ": say whom the contact was with"));
        requirePerson("contact.withPersonId", with);
        requireHappened("contact.madeAt", given.madeAt(), "the contact");
        return new StageRecord.Contact(with, given.madeAt());
    }

    private StageRecord.Meeting meeting(StageRecord.Meeting given) {
        if (given == null) {
            throw AlertRefused.invalid("meeting", "stage " + rule.number() + " (" + rule.name()
                    + ") records the meeting held: when (meeting.heldAt), who chaired it and who attended; the"
                    + " response is its outcome");
        }
        requireHappened("meeting.heldAt", given.heldAt(), "the meeting");
        String chair = given.chairId() != null ? given.chairId() : respondedBy;
        requirePerson("meeting.chairId", chair);
        if (given.attendeeIds().isEmpty()) {
            throw AlertRefused.invalid("meeting.attendeeIds", "say who attended the meeting");
        }
        for (int i = 0; i < given.attendeeIds().size(); i++) {
            requirePerson("meeting.attendeeIds[" + i + "]", given.attendeeIds().get(i));
        }
        return new StageRecord.Meeting(given.heldAt(), chair, given.attendeeIds());
    }

    private void requirePlan(List<NewAction> actions, LocalDate dueBy) {
        if (actions.isEmpty()) {
            throw AlertRefused.invalid("actions", "stage " + rule.number() + " (" + rule.name()
                    + ") agrees an action plan: at least one action, each due by " + dueBy);
        }
        for (int i = 0; i < actions.size(); i++) {
            LocalDate due = actions.get(i).dueDate();
            if (due != null && due.isAfter(dueBy)) {
                throw AlertRefused.invalid("actions[" + i + "].dueDate", "the action plan's actions are due within "
                        + rule.task().actionPlanWithin() + ": by " + dueBy + ", not " + due);
            }
        }
    }

    private void requirePerson(String field, String personId) {
        if (lines.person(personId).isEmpty()) {
            throw AlertRefused.invalid(field, personId + " is not in the directory");
        }
    }

    private void requireHappened(String field, Instant at, String what) {
        if (at == null) {
            throw AlertRefused.invalid(field, "say when " + what + " happened");
        }
        if (at.isAfter(now)) {
            throw AlertRefused.invalid(field, what + " cannot be in the future");
        }
        if (at.isBefore(raisedAt)) {
            throw AlertRefused.invalid(field, what + " cannot be before the alert was raised on "
                    + LocalDate.ofInstant(raisedAt, zone));
        }
    }
}
