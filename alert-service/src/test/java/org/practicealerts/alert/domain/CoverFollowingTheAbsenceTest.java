package org.practicealerts.alert.domain;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.FollowCover;
import org.practicealerts.alert.api.Commands.ReassignAlert;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.directory.Cover;

/**
 * Cover that follows the absence (seed 001: "if the Team Manager is not available in this time the Duty Team Manager
 * will take this responsibility"). Raised Monday 5 January 2026 to tm-north; tm-north is off sick from Wednesday 7
 * to Friday 9 January, covered by tm-duty.
 */
class CoverFollowingTheAbsenceTest extends AlertFixture {

    private static final Cover SICK = new Cover("sick-1", "tm-north", "tm-duty", LocalDate.of(2026, 1, 7),
            LocalDate.of(2026, 1, 9), "Sick");

    @Test
    void anAbsenceThatStartsMidStageHandsTheStageToTheCoverWhoIsToldAndMayAnswer() {
        directory.add(SICK);
        whenLater(raised(), at("2026-01-07T08:00:00Z"), new FollowCover(ALERT))
                .expectEventsMatching(only(AlertReassigned.class, e -> e.reassignedBy().equals(StageEscalated.SYSTEM)
                        && e.to().personId().equals("tm-duty") && "tm-north".equals(e.to().coverFor())
                        && e.from().personId().equals("tm-north") && e.reason().contains("sick-1")
                        && e.recipients().get(0).equals(new Recipient("tm-duty", RecipientReason.RESPONDER))));
    }

    @Test
    void beforeTheAbsenceStartsNothingChanges() {
        directory.add(SICK);
        whenLater(raised(), at("2026-01-06T16:00:00Z"), new FollowCover(ALERT)).expectNoEvents();
    }

    @Test
    void theCoverMayRespondForTheAbsentManager() {
        directory.add(SICK);
        clock.set(at("2026-01-07T08:00:00Z"));
        whenLater(raised().andGivenCommands(new FollowCover(ALERT)), at("2026-01-07T10:00:00Z"), response(TM_DUTY))
                .expectEventsMatching(only(ResponseRecorded.class,
                        e -> e.respondedBy().equals("tm-duty") && "tm-north".equals(e.onBehalfOf())));
    }

    @Test
    void whenTheAbsenceEndsTheStageGoesBackToTheManager() {
        directory.add(SICK);
        clock.set(at("2026-01-07T08:00:00Z"));
        whenLater(raised().andGivenCommands(new FollowCover(ALERT)), at("2026-01-12T08:00:00Z"), new FollowCover(ALERT))
                .expectEventsMatching(only(AlertReassigned.class, e -> e.to().personId().equals("tm-north")
                        && e.to().coverFor() == null && e.from().personId().equals("tm-duty")
                        && e.reason().contains("ended")));
    }

    @Test
    void aStageReassignedByHandIsNotTakenBackByTheCoverRules() {
        whenLater(raised().andGivenCommands(new ReassignAlert(ALERT, ADMIN, "tm-duty", "Long-term cover")),
                at("2026-01-12T08:00:00Z"), new FollowCover(ALERT)).expectNoEvents();
    }
}
