package org.practicealerts.alert.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.TestPolicies;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.RecordInformalResolution;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.InformalResolutionRecorded;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;

/**
 * Informal resolution as its own record (seed 003: "Form: CP informal resolution ... this will send an alert to the
 * Social Worker and Team Manager"), resolved informally or followed by a formal alert that links to it.
 */
class InformalResolutionRecordTest extends AlertFixture {

    private static final String RECORD = "1f0a0000-0000-4000-8000-000000000009";
    private AggregateTestFixture<InformalResolutionRecord> records;

    @BeforeEach
    void informalFixture() {
        AtomicInteger ids = new AtomicInteger();
        records = new AggregateTestFixture<>(InformalResolutionRecord.class);
        records.registerInjectableResource(new AlertContext(TestPolicies.planner("seed-003-cp-resolution", directory),
                clock, () -> "e-" + ids.incrementAndGet()));
    }

    private static RecordInformalResolution record(Actor by, String with, LocalDate on, boolean resolved) {
        return new RecordInformalResolution(RECORD, by, "MOSAIC-100200", PlanType.CHILD_PROTECTION,
                DemoDirectory.NORTH, with, on, "Agreed the core group would meet this week.", resolved);
    }

    @Test
    void theChairRecordsAnInformalResolutionAndTheTeamManagerAndSocialWorkerAreTold() {
        records.givenNoPriorActivity().when(record(CPC, "sw-north", LocalDate.of(2026, 1, 5), false))
                .expectEvents(new InformalResolutionRecorded("e-1", RECORD, MONDAY, 1, "MOSAIC-100200",
                        PlanType.CHILD_PROTECTION, DemoDirectory.NORTH, "cpc-1", "sw-north", LocalDate.of(2026, 1, 5),
                        "Agreed the core group would meet this week.", false,
                        List.of(new Recipient("tm-north", RecipientReason.CHILDS_TEAM_MANAGER),
                                new Recipient("sw-north", RecipientReason.ALLOCATED_SOCIAL_WORKER))));
    }

    @Test
    void onlyAnIndependentOfficerRecordsOne() {
        records.givenNoPriorActivity().when(record(TM_NORTH, null, LocalDate.of(2026, 1, 5), true)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.NOT_PERMITTED, "only a CPC, IRO or CRO"));
    }

    @Test
    void aDiscussionInTheFutureOrWithSomeoneUnknownIsRefused() {
        records.givenNoPriorActivity().when(record(CPC, null, LocalDate.of(2026, 1, 6), true)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "future"));
        informalFixture();
        records.givenNoPriorActivity().when(record(CPC, "ghost", LocalDate.of(2026, 1, 5), true)).expectNoEvents()
                .expectException(refused(AlertRefused.Kind.INVALID, "ghost"));
    }
}
