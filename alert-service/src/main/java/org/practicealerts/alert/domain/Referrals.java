package org.practicealerts.alert.domain;

import java.time.LocalDate;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.PlanType;

/**
 * Referrals outside the ladder, each made once: to Cafcass, for a looked-after child at any point; to the
 * Safeguarding Children Partnership, at the final stage of a procedure that has it. Owned by {@link PracticeAlert}
 * as an aggregate member: it changes only from the alert's events.
 */
final class Referrals {

    private LocalDate cafcassReferredOn;
    private boolean partnershipReferred;

    /** The date of a Cafcass referral asked for on {@code asked} (today if null); refused if not allowed. */
    LocalDate cafcassReferralOn(PlanType planType, LocalDate asked, LocalDate today) {
        if (planType != PlanType.CHILD_WE_CARE_FOR) {
            throw AlertRefused.illegal("a Cafcass referral is only for a looked-after child (plan type " + planType + ")");
        }
        if (cafcassReferredOn != null) {
            throw AlertRefused.illegal("already referred to Cafcass on " + cafcassReferredOn);
        }
        LocalDate on = asked == null ? today : asked;
        if (on.isAfter(today)) {
            throw AlertRefused.invalid("referredOn cannot be in the future");
        }
        return on;
    }

    /** Whether the statutory total passing should prompt a Cafcass referral: a looked-after child not yet referred. */
    boolean cafcassToConsider(PlanType planType) {
        return planType == PlanType.CHILD_WE_CARE_FOR && cafcassReferredOn == null;
    }

    void requirePartnershipReferral(Policy p, int stage) {
        if (!p.finalStageReferral()) {
            throw AlertRefused.illegal("policy " + p.id() + " has no referral to the Safeguarding Children Partnership");
        }
        if (stage != p.finalStage()) {
            throw AlertRefused.illegal("the partnership referral is made at the final stage (" + p.finalStage()
                    + "); the alert is at stage " + stage);
        }
        if (partnershipReferred) {
            throw AlertRefused.illegal("already referred to the Safeguarding Children Partnership");
        }
    }

    @EventSourcingHandler
    void on(CafcassReferralRecorded e) {
        cafcassReferredOn = e.referredOn();
    }

    @EventSourcingHandler
    void on(PartnershipReferralRecorded e) {
        partnershipReferred = true;
    }
}
