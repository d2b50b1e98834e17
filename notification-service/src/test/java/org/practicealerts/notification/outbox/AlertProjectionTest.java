package org.practicealerts.notification.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
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
import org.practicealerts.notification.delivery.DeliveryRig;

/** The notification view keeps the status each event carries, in the words notifications use. */
class AlertProjectionTest {

    static final String ALERT = "a-1";
    static final Instant AT = Instant.parse("2026-11-24T09:00:00Z");

    final DeliveryRig rig = new DeliveryRig();
    final AlertProjection alerts = new AlertProjection(rig.db);

    @AfterEach
    void close() {
        rig.close();
    }

    @Test
    void aRaisedAlertIsOpen() {
        assertThat(alerts.apply(raised(), List.of()).status()).isEqualTo(AlertProjection.Status.OPEN);
    }

    @Test
    void aResolvedAlertIsNoLongerOpen() {
        alerts.apply(raised(), List.of());

        AlertProjection.View v = alerts.apply(new AlertResolved("e-2", ALERT, AT, 1, 1, "iro-1", "Done", false,
                List.of(), AlertStatus.RESOLVED), List.of());

        assertThat(v.status()).isEqualTo(AlertProjection.Status.RESOLVED);
        assertThat(v.open()).isFalse();
    }

    @ParameterizedTest(name = "{0} is worded {1}")
    @CsvSource({
        "AWAITING_RESPONSE, OPEN",
        "AWAITING_JUDGEMENT, RESPONDED",
        "ACTION_REVIEW, ACTION_REVIEW",
        "RESOLVED, RESOLVED",
        "WITHDRAWN, WITHDRAWN"
    })
    void theStatusAnEventCarriesIsTheViewsStatus(AlertStatus carried, AlertProjection.Status worded) {
        alerts.apply(raised(), List.of());

        AlertProjection.View v = alerts.apply(new ResponseRecorded("e-2", ALERT, AT, 1, 1, "tm-north", null, "ok",
                List.of(), AT, true, List.of(), carried, null), List.of());

        assertThat(v.status()).isEqualTo(worded);
    }

    @Test
    void keepsWhatTheVisibilityRuleAsksRaiserRestrictionAndEveryoneEverAssignedWithWhomTheyCovered() {
        alerts.apply(raised(), List.of());
        alerts.apply(new AlertReassigned("e-2", ALERT, AT, 1, 1, "sm-north",
                new Assignment("tm-north", "TEAM_MANAGER", null), new Assignment("tm-duty", "TEAM_MANAGER", "tm-south"),
                "absence", List.of()), List.of());

        AlertProjection.View reloaded = new AlertProjection(rig.db).get(ALERT).orElseThrow();

        assertThat(reloaded.visibility()).isEqualTo(new org.practicealerts.access.AlertVisibility.Alert("iro-1",
                "team-north", java.util.Set.of("tm-north", "tm-duty", "tm-south"), false));
    }

    @Test
    void keepsTheUrgencyTheAlertWasRaisedWithForItsLaterEventsAcrossARestart() {
        alerts.apply(raised(Urgency.IMMEDIATE_RISK), List.of());
        alerts.apply(new AlertResolved("e-2", ALERT, AT, 1, 1, "iro-1", "Done", false, List.of(),
                AlertStatus.RESOLVED), List.of());

        assertThat(new AlertProjection(rig.db).get(ALERT).orElseThrow().urgency()).isEqualTo(Urgency.IMMEDIATE_RISK);
    }

    static AlertRaised raised() {
        return raised(Urgency.ROUTINE);
    }

    static AlertRaised raised(Urgency urgency) {
        return new AlertRaised("e-1", ALERT, AT, 1, "PA-2026-000007", new PolicyRef("default", 1), "MOSAIC-1",
                List.of(), PlanType.CHILD_PROTECTION, "team-north", "iro-1", "IRO", "DRIFT", List.of("DRIFT"), "s",
                "i", "v", List.of(), urgency, false, null, null, 1, null,
                new Assignment("tm-north", "TEAM_MANAGER", null),
                new StageDeadlines(Instant.parse("2026-12-01T17:00:00Z"), null), null, List.of(),
                AlertStatus.AWAITING_RESPONSE);
    }
}
