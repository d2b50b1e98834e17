package org.practicealerts.milestones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CaseFactTest {

    @Test
    void eachKindTakesExactlyTheFieldsItNeedsAndSaysWhichDoNotFit() {
        assertThat(CaseFact.misfits(FactKind.CONFERENCE_HELD, null, null, null, true))
                .containsOnlyKeys("conference", "planMade", "childSeen");
        assertThat(CaseFact.misfits(FactKind.CONFERENCE_BOOKED, ConferenceType.REVIEW, Instant.EPOCH, null, null))
                .isEmpty();
        assertThatThrownBy(() -> new CaseFact("r-1", "c-1", FactKind.VISIT_MADE, Instant.EPOCH, null, null, null,
                null)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("childSeen");
    }
}
