package org.practicealerts.alert.domain;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.AddNote;
import org.practicealerts.alert.api.Commands.CompleteAction;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.NoteAdded;

/**
 * Agreed actions and notes: the owner, a responder or the raiser completes an action; the people taking part add
 * notes.
 */
class AgreedActionsTest extends AlertFixture {

    @Test
    void theActionOwnerCompletesTheirAction() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new CompleteAction(ALERT, SW_NORTH, ALERT + "-a1", null, "Seen alone"))
                .expectEventsMatching(only(ActionCompleted.class, e -> e.completedBy().equals("sw-north")
                        && e.completedOn().equals(LocalDate.of(2026, 1, 5))));
    }

    @Test
    void refusesToCompleteAnActionTheAlertDoesNotHave() {
        fixture.givenCommands(routine(), response(TM_NORTH)).when(new CompleteAction(ALERT, SW_NORTH, "x-a9", null, null))
                .expectNoEvents().expectException(refused(AlertRefused.Kind.INVALID, "no action"));
    }

    @Test
    void refusesToCompleteAnActionTwice() {
        fixture.givenCommands(routine(), response(TM_NORTH), new CompleteAction(ALERT, SW_NORTH, ALERT + "-a1", null, null))
                .when(new CompleteAction(ALERT, SW_NORTH, ALERT + "-a1", null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "already complete"));
    }

    @Test
    void refusesActionCompletionBySomeoneUnrelated() {
        fixture.givenCommands(routine(), response(TM_NORTH))
                .when(new CompleteAction(ALERT, SM_NORTH, ALERT + "-a1", null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "owner"));
    }

    @Test
    void raiserAddsANote() {
        raised().when(new AddNote(ALERT, IRO, "Phoned the team manager"))
                .expectEventsMatching(only(NoteAdded.class, e -> e.addedBy().equals("iro-1")));
    }

    @Test
    void refusesANoteFromSomeoneUnrelated() {
        raised().when(new AddNote(ALERT, SW_NORTH, "hello")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "add a note"));
    }
}
