package org.practicealerts.alert.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.AlertEvent;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.StageDeadlines;
import org.practicealerts.events.Urgency;

/** The detail's status is the one the alert's last status-changing event carries. */
class AlertDetailTest {

    static final String ALERT = "a-1";
    static final Instant AT = Instant.parse("2026-01-05T09:30:00Z");
    static final Assignment TM = new Assignment("tm-north", "TEAM_MANAGER", null);

    @Test
    void aRaisedAlertAwaitsAResponse() {
        assertThat(AlertDetail.fold(List.of(raised())).status).isEqualTo(AlertStatus.AWAITING_RESPONSE);
    }

    @Test
    void anEventThatDoesNotMoveTheAlertKeepsTheStatusTheLastOneCarried() {
        AlertDetail d = AlertDetail.fold(List.of(raised(), responded(AlertStatus.AWAITING_JUDGEMENT),
                new AlertReassigned("e-3", ALERT, AT, 1, 1, "admin-1", TM, new Assignment("tm-duty", "TEAM_MANAGER",
                        "tm-north"), "Annual leave", List.of())));

        assertThat(d.status).isEqualTo(AlertStatus.AWAITING_JUDGEMENT);
    }

    @Test
    void theStatusIsReadFromTheEventNotWorkedOutFromItsType() {
        assertThat(AlertDetail.fold(List.of(raised(), responded(AlertStatus.ACTION_REVIEW))).status)
                .isEqualTo(AlertStatus.ACTION_REVIEW);
    }

    @Test
    void anEventStoredWithoutAStatusFoldsToTheStatusItsTypeImplies() {
        AlertEvent resolvedLongAgo = new AlertResolved("e-2", ALERT, AT, 1, 1, "iro-1", "Done", false, List.of(),
                null);

        assertThat(AlertDetail.fold(List.of(raised(), resolvedLongAgo)).status).isEqualTo(AlertStatus.RESOLVED);
    }

    static AlertRaised raised() {
        return new AlertRaised("e-1", ALERT, AT, 1, "PA-1", new PolicyRef("p", 1), "MOSAIC-1", List.of(),
                PlanType.CHILD_PROTECTION, "team-north", "iro-1", "IRO", "DRIFT", List.of("DRIFT"), "s", "i", "v",
                List.of(), Urgency.ROUTINE, false, null, null, 1, null, TM,
                new StageDeadlines(Instant.parse("2026-01-12T17:00:00Z"), null), null, List.of(),
                AlertStatus.AWAITING_RESPONSE);
    }

    static ResponseRecorded responded(AlertStatus status) {
        return new ResponseRecorded("e-2", ALERT, AT, 1, 1, "tm-north", null, "Visit booked.", List.of(),
                Instant.parse("2026-01-12T17:00:00Z"), true, List.of(), status, null);
    }
}
