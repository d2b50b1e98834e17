package org.practicealerts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A person told for several reasons, on the wire: new readers see every reason, old ones the most urgent. */
class RecipientJsonTest {

    static final String STORED_WITH_ONE_REASON = "{\"type\":\"ReminderDue\",\"eventId\":\"e1\",\"alertId\":\"a1\","
            + "\"occurredAt\":\"2026-01-05T10:00:00Z\",\"schemaVersion\":1,\"stage\":1,"
            + "\"reminderAt\":\"2026-01-09T17:00:00Z\",\"responseDueAt\":\"2026-01-12T17:00:00Z\","
            + "\"recipients\":[{\"personId\":\"tm-north\",\"reason\":\"RESPONDER\"}]}";

    @Test
    void aRecipientStoredWithOneReasonReadsWithThatReasonAsItsOnlyReason() {
        ReminderDue read = (ReminderDue) EventJson.read(STORED_WITH_ONE_REASON);

        assertThat(read.recipients()).containsExactly(new Recipient("tm-north", RecipientReason.RESPONDER));
        assertThat(read.recipients().get(0).reasons()).containsExactly(RecipientReason.RESPONDER);
    }

    @Test
    void aPersonToldForSeveralReasonsIsWrittenOnceWithTheMostUrgentAsTheReasonAnOlderReaderKnows() {
        Recipient sm = Recipient.of("sm-north", List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER,
                RecipientReason.RESPONDER));

        JsonNode json = EventJson.mapper().readTree(EventJson.mapper().writeValueAsString(sm));

        assertThat(json.get("reason").asString()).isEqualTo("IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER");
        assertThat(json.get("reasons").values()).extracting(JsonNode::asString)
                .containsExactly("IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER", "RESPONDER");
    }

    @Test
    void theSingleReasonIsAlwaysTheFirstOfTheReasons() {
        Recipient r = new Recipient("sm-north", RecipientReason.RESPONDER,
                List.of(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER, RecipientReason.RESPONDER));

        assertThat(r.reason()).isEqualTo(RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER);
    }

    @Test
    void immediateRiskReasonsComeBeforeTheOthersWhichKeepTheirOrder() {
        List<RecipientReason> sorted = java.util.stream.Stream.of(RecipientReason.RESPONDER,
                        RecipientReason.RAISERS_SERVICE_MANAGER, RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER,
                        RecipientReason.RAISER, RecipientReason.IMMEDIATE_RISK_DIRECTOR)
                .sorted(RecipientReason.MOST_URGENT_FIRST).toList();

        assertThat(sorted).containsExactly(RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER,
                RecipientReason.IMMEDIATE_RISK_DIRECTOR, RecipientReason.RESPONDER,
                RecipientReason.RAISERS_SERVICE_MANAGER, RecipientReason.RAISER);
    }
}
