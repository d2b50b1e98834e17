package org.practicealerts.notification.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.RecipientReason;

/**
 * The end of the ladder never ends in silence: the notice says the final deadline passed and names the route the
 * procedure gives next (seed 003: the Safeguarding Children Partnership; seed 001: the Director), or asks for the
 * next step where the procedure names none.
 */
class EndOfLadderNoticesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        SAFEGUARDING_PARTNERSHIP | The procedure's next route is a referral to the Safeguarding Children Partnership.
        DIRECTOR                 | The procedure's next route is the Director of Children's Services.
        NONE                     | Please agree the next step.
        """)
    void theLadderExhaustedNoticeNamesTheProceduresNextRoute(NextRoute route, String says) {
        DeadlineMissed missed = new DeadlineMissed("ev-1", "a-1", Instant.parse("2026-02-02T17:00:05Z"), 1, 4,
                Instant.parse("2026-02-02T17:00:00Z"), DeadlineMissed.Outcome.LADDER_EXHAUSTED, route, List.of());

        Notice n = Notices.of(missed, null, List.of(RecipientReason.RAISER), "https://alerts.council.example/a-1");

        assertThat(n.title()).isEqualTo("Practice alert a-1 reached the end of its ladder unanswered");
        assertThat(n.ask()).isEqualTo("The final stage's deadline passed with no response. " + says);
        assertThat(new Renderer(24_000).email(n).text()).contains(says);
    }
}
