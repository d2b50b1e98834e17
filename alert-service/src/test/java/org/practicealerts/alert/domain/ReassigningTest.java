package org.practicealerts.alert.domain;

import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.ReassignAlert;
import org.practicealerts.events.AlertReassigned;

/** Reassigning: an admin or the responder hands the alert to someone else; the stage's deadline stays. */
class ReassigningTest extends AlertFixture {

    @Test
    void adminReassignsToTheDutyManagerKeepingTheDeadline() {
        raised().when(new ReassignAlert(ALERT, ADMIN, "tm-duty", "Team manager off sick"))
                .expectEventsMatching(only(AlertReassigned.class, e -> e.to().personId().equals("tm-duty")
                        && e.to().coverFor().equals("tm-north") && e.from().personId().equals("tm-north")));
    }

    @Test
    void refusesReassignmentBySomeoneUnrelated() {
        raised().when(new ReassignAlert(ALERT, SW_NORTH, "tm-duty", "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "admin or the assigned responder"));
    }

    @Test
    void refusesReassignmentToSomeoneOutsideTheDirectory() {
        raised().when(new ReassignAlert(ALERT, ADMIN, "ghost", "x")).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "ghost"));
    }
}
