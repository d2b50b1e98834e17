package org.practicealerts.alert.domain;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.ReferToCafcass;
import org.practicealerts.alert.api.Commands.ReferToPartnership;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ResponseRecorded;

/**
 * Referrals outside the ladder: Cafcass for a looked-after child, the Safeguarding Children Partnership at the
 * final stage of a procedure that has it.
 */
class ReferringTest extends AlertFixture {

    @Test
    void refersALookedAfterChildToCafcassAndTellsTheRaisersServiceManager() {
        raised().when(new ReferToCafcass(ALERT, IRO, null, "Concurrent referral"))
                .expectEventsMatching(only(CafcassReferralRecorded.class, e -> e.referredOn().equals(LocalDate.of(2026, 1, 5))
                        && e.recipients().contains(new Recipient("irs-sm", RecipientReason.RAISERS_SERVICE_MANAGER))));
    }

    @Test
    void theAlertStaysOpenForAResponseAfterACafcassReferral() {
        fixture.givenCommands(routine(), new ReferToCafcass(ALERT, IRO, null, null)).when(response(TM_NORTH))
                .expectEventsMatching(only(ResponseRecorded.class, e -> true));
    }

    @Test
    void refusesCafcassForAChildOnAProtectionPlan() {
        fixture.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, null, null, null))
                .when(new ReferToCafcass(ALERT, CPC, null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "looked-after"));
    }

    @Test
    void refusesASecondCafcassReferral() {
        fixture.givenCommands(routine(), new ReferToCafcass(ALERT, IRO, null, null))
                .when(new ReferToCafcass(ALERT, IRO, null, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "already referred"));
    }

    @Test
    void refersToTheSafeguardingPartnershipAtTheFinalStageOfTheCpProcedure() {
        fixture = fixture("seed-003-cp-resolution");
        fixture.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, 4, "Service Director meeting failed", null))
                .when(new ReferToPartnership(ALERT, CPC, "Professional disagreement"))
                .expectEventsMatching(only(PartnershipReferralRecorded.class, e -> e.stage() == 4));
    }

    @Test
    void refusesAPartnershipReferralBeforeTheFinalStage() {
        fixture = fixture("seed-003-cp-resolution");
        fixture.givenCommands(raise(CPC, PlanType.CHILD_PROTECTION, null, null, null))
                .when(new ReferToPartnership(ALERT, CPC, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "final stage"));
    }

    @Test
    void refusesAPartnershipReferralWhenTheProcedureHasNone() {
        fixture.givenCommands(raise(IRO, PlanType.CHILD_WE_CARE_FOR, 4, "x", null))
                .when(new ReferToPartnership(ALERT, IRO, null)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.ILLEGAL_TRANSITION, "no referral"));
    }
}
