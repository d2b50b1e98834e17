package org.practicealerts.alert.domain;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Urgency;

/**
 * The child's allocated social worker, named on the raise (seed 001: "raise a Case Alert and notify the relevant
 * Social Worker and if necessary Team Manager immediately").
 */
class AllocatedSocialWorkerTest extends AlertFixture {

    private static RaiseAlert withSocialWorker(String socialWorkerId, Urgency urgency) {
        RaiseAlert r = raise(IRO, PlanType.CHILD_PROTECTION, null, null, urgency);
        return new RaiseAlert(r.alertId(), r.reference(), r.actor(), new RaiseAlert.Child(r.child().childRef(),
                List.of(), r.child().planType(), DemoDirectory.NORTH, socialWorkerId), r.concern(), r.routing(),
                r.circumstances());
    }

    @Test
    void theNamedSocialWorkerIsRecordedAndToldOfTheRaiseUnderSeed001() {
        AggregateTestFixture<PracticeAlert> f = fixture("seed-001-case-alert");
        f.givenNoPriorActivity().when(withSocialWorker("sw-north", Urgency.ROUTINE))
                .expectEventsMatching(only(AlertRaised.class, e -> "sw-north".equals(e.socialWorkerId())
                        && e.recipients().contains(new Recipient("sw-north", RecipientReason.ALLOCATED_SOCIAL_WORKER))));
    }

    @Test
    void anImmediateRiskTellsTheSocialWorkerAtOnceUnderSeed001() {
        AggregateTestFixture<PracticeAlert> f = fixture("seed-001-case-alert");
        f.givenNoPriorActivity().when(withSocialWorker("sw-north", Urgency.IMMEDIATE_RISK))
                .expectEventsMatching(only(AlertRaised.class, e -> e.recipients().stream().anyMatch(r ->
                        r.personId().equals("sw-north")
                                && r.reason() == RecipientReason.IMMEDIATE_RISK_ALLOCATED_SOCIAL_WORKER)));
    }

    @Test
    void withoutANamedSocialWorkerNobodyIsToldAsOne() {
        AggregateTestFixture<PracticeAlert> f = fixture("seed-001-case-alert");
        f.givenNoPriorActivity().when(withSocialWorker(null, Urgency.ROUTINE))
                .expectEventsMatching(only(AlertRaised.class, e -> e.socialWorkerId() == null && e.recipients()
                        .stream().noneMatch(r -> r.reasons().contains(RecipientReason.ALLOCATED_SOCIAL_WORKER))));
    }

    @Test
    void aSocialWorkerWhoIsNotInTheDirectoryIsRefused() {
        fixture.givenNoPriorActivity().when(withSocialWorker("nobody", Urgency.ROUTINE)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "nobody is not an active person"));
    }
}
