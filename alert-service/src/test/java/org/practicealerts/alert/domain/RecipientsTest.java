package org.practicealerts.alert.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.practicealerts.events.RecipientReason.COVERED_RESPONDER;
import static org.practicealerts.events.RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER;
import static org.practicealerts.events.RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER;
import static org.practicealerts.events.RecipientReason.RAISER;
import static org.practicealerts.events.RecipientReason.RAISERS_SERVICE_MANAGER;
import static org.practicealerts.events.RecipientReason.RESPONDER;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.Recipient;

/** A person named for several reasons is told once, with all of them, the most urgent first. */
class RecipientsTest {

    @Test
    void aPersonNamedForSeveralReasonsAppearsOnceWithEveryReason() {
        List<Recipient> merged = Recipients.merged(List.of(new Recipient("irs-sm", RAISERS_SERVICE_MANAGER),
                new Recipient("iro-1", RAISER), new Recipient("irs-sm", IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER)));

        assertThat(merged).extracting(Recipient::personId).containsExactly("irs-sm", "iro-1");
        assertThat(merged.get(0).reasons())
                .containsExactly(IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER, RAISERS_SERVICE_MANAGER);
    }

    @Test
    void theImmediateRiskComesFirstAndIsTheReasonAnOlderReaderSees() {
        List<Recipient> merged = Recipients.merged(List.of(new Recipient("sm-north", RESPONDER),
                new Recipient("sm-north", IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER)));

        assertThat(merged).containsExactly(Recipient.of("sm-north",
                List.of(IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER, RESPONDER)));
        assertThat(merged.get(0).reason()).isEqualTo(IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER);
    }

    @Test
    void otherReasonsKeepTheOrderTheProcedureNamesThemIn() {
        List<Recipient> merged = Recipients.merged(List.of(new Recipient("tm-north", COVERED_RESPONDER),
                new Recipient("tm-north", RAISER), new Recipient("tm-north", RESPONDER)));

        assertThat(merged.get(0).reasons()).containsExactly(COVERED_RESPONDER, RAISER, RESPONDER);
    }

    @Test
    void theSameReasonTwiceIsListedOnce() {
        List<Recipient> merged = Recipients.merged(List.of(new Recipient("iro-1", RAISER),
                new Recipient("iro-1", RAISER)));

        assertThat(merged).containsExactly(new Recipient("iro-1", RAISER));
    }
}
