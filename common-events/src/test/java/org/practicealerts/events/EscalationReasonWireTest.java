package org.practicealerts.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The escalation reasons on the wire: their names, which consumers read. A rename breaks every reader. */
class EscalationReasonWireTest {

    @Test
    void theWireFormsAreTheConstantNames() {
        assertThat(EscalationReason.values()).extracting(Enum::name).containsExactly("RESPONSE_INADEQUATE", "BYPASS",
                "DEADLINE_MISSED", "COMMUNICATION_NOT_FORTHCOMING");
    }

    @Test
    void aCommunicationNotForthcomingEscalationReadsBackFromItsJson() {
        String golden = EventJson.write(EventJson.read(goldenStageEscalated()));
        String json = golden.replace("\"DEADLINE_MISSED\"", "\"COMMUNICATION_NOT_FORTHCOMING\"")
                .replace("\"escalatedBy\":\"system\"", "\"escalatedBy\":\"cpc-1\"");
        StageEscalated read = (StageEscalated) EventJson.read(json);
        assertThat(read.reason()).isEqualTo(EscalationReason.COMMUNICATION_NOT_FORTHCOMING);
        assertThat(EventJson.write(read)).contains("\"reason\":\"COMMUNICATION_NOT_FORTHCOMING\"");
    }

    private static String goldenStageEscalated() {
        try (var in = EscalationReasonWireTest.class.getResourceAsStream("/golden/StageEscalated.json")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
