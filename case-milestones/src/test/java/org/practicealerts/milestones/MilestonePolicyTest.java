package org.practicealerts.milestones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.practicealerts.calendar.Timescale;

class MilestonePolicyTest {

    @Test
    void theShippedPolicyHoldsSeed004sTimescalesEachWithTheProceduresWords() {
        MilestonePolicy p = MilestonePolicy.seed004();
        assertThat(p.rules()).extracting(MilestoneRule::id).containsExactly("INITIAL_CONFERENCE", "AGENCY_REPORTS",
                "REVIEW_INVITATIONS", "PLAN_DISTRIBUTED", "FIRST_CORE_GROUP", "NEXT_CORE_GROUP", "VISIT");
        MilestoneRule icpc = p.rules().get(0);
        assertThat(icpc.within()).isEqualTo(Timescale.workingDays(15));
        assertThat(icpc.startDayIsDayOne()).isTrue();
        assertThat(icpc.quote()).contains("Day 1 is the date the decision to initiate S.47 enquiries is made");
        assertThat(p.rules()).allSatisfy(r -> assertThat(r.quote()).isNotBlank());
    }

    @Test
    void aPolicyWithSeveralMistakesIsRefusedWithEveryOneOfThem() {
        String yaml = """
                id: broken
                version: 0
                name: "Broken"
                zone: Europe/Nowhere
                remindBefore: "2 hours"
                milestones:
                  - id: A
                    name: "A"
                    opensOn: [{ kind: S47_DECISION }]
                    metBy: { kind: CONFERENCE_HELD }
                    within: "15 working days"
                    beforeConference: "24 hours"
                    quote: "q"
                  - id: A
                    name: "B"
                    opensOn: [{ kind: S47_DECISION }]
                    metBy: { kind: CONFERENCE_HELD }
                    within: "fortnight"
                    quote: "q"
                  - id: C
                    name: "C"
                    opensOn: [{ kind: CORE_GROUP_HELD }]
                    metBy: { kind: CORE_GROUP_HELD }
                    beforeConference: "24 hours"
                    quote: ""
                """;
        InvalidMilestonePolicyException e = catchThrowableOfType(InvalidMilestonePolicyException.class,
                () -> MilestonePolicy.load("broken", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))));
        assertThat(e.problems()).anyMatch(s -> s.startsWith("version"))
                .anyMatch(s -> s.startsWith("zone"))
                .anyMatch(s -> s.startsWith("remindBefore: in working days"))
                .anyMatch(s -> s.startsWith("milestones[0].within or beforeConference"))
                .anyMatch(s -> s.startsWith("milestones[1].within"))
                .anyMatch(s -> s.startsWith("milestones[2].quote"))
                .anyMatch(s -> s.startsWith("milestones[2].beforeConference: only for a milestone opened by"));
    }

    @Test
    void anUnknownFieldIsRefused() {
        String yaml = "id: x\nversion: 1\nname: x\nzone: Europe/London\nremindBefore: \"1 working day\"\nsurprise: 1\n";
        assertThat(catchThrowableOfType(InvalidMilestonePolicyException.class,
                () -> MilestonePolicy.load("x", new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)))))
                .hasMessageContaining("surprise");
    }
}
