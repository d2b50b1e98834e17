package org.practicealerts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeadlineCommandJsonTest {

    @Test
    void anEscalationCommandNamesItsTypeAndRoundTrips() {
        DeadlineCommand c = new DeadlineCommand.EscalateMissedDeadline("c-1", "a-1",
                Instant.parse("2026-01-12T17:00:00.2Z"), 1, Instant.parse("2026-01-12T17:00:00Z"));
        String json = new String(EventJson.writeBytes(c), StandardCharsets.UTF_8);
        assertThat(json).contains("\"type\":\"EscalateMissedDeadline\"").contains("\"expectedDueAt\":\"2026-01-12T17:00:00Z\"");
        assertThat(EventJson.readCommand(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(c);
    }

    @Test
    void aDeadlineFactCommandRoundTrips() {
        DeadlineCommand c = new DeadlineCommand.RecordDeadlineReached("c-2", "a-1", Instant.parse("2026-01-09T17:00:01Z"),
                DeadlineKind.ACTION, 1, Instant.parse("2026-01-09T17:00:00Z"), "a-1-a1");
        assertThat(EventJson.readCommand(EventJson.writeBytes(c))).isEqualTo(c);
    }
}
