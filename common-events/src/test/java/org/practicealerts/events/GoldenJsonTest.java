package org.practicealerts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every event type has a golden JSON sample under {@code src/test/resources/golden}. A change to a record that
 * changes its JSON breaks this test: bump the schema version and write an upcaster instead of changing silently.
 * Regenerate deliberately with {@code -Dgolden.update=true}.
 */
class GoldenJsonTest {

    static Stream<PracticeEvent> samples() {
        return SampleEvents.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachEventWritesExactlyItsGoldenJson(PracticeEvent sample) throws IOException {
        String name = sample.getClass().getSimpleName();
        if (Boolean.getBoolean("golden.update")) {
            Path file = Path.of("src/test/resources/golden", name + ".json");
            Files.writeString(file, EventJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(sample)
                    + "\n");
        }
        JsonNode golden = EventJson.mapper().readTree(golden(name));
        assertThat(EventJson.mapper().readTree(EventJson.write(sample))).isEqualTo(golden);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void eachGoldenJsonReadsBackToTheSameEvent(PracticeEvent sample) throws IOException {
        assertThat(EventJson.read(golden(sample.getClass().getSimpleName()))).isEqualTo(sample);
    }

    @Test
    void everyEventTypeHasAGoldenSample() {
        List<Class<?>> sampled = SampleEvents.all().stream().<Class<?>>map(Object::getClass).toList();
        assertThat(sampled).containsExactlyInAnyOrder(allPermittedEventTypes());
    }

    @ParameterizedTest(name = "{0} reads as {1}")
    @CsvSource({
        "AlertRaised, AWAITING_RESPONSE",
        "ResponseRecorded, AWAITING_JUDGEMENT",
        "FurtherActionsRequested, AWAITING_RESPONSE",
        "StageEscalated, AWAITING_RESPONSE",
        "AlertReopened, AWAITING_RESPONSE",
        "ActionReviewScheduled, ACTION_REVIEW",
        "AlertResolved, RESOLVED",
        "AlertWithdrawn, WITHDRAWN"
    })
    void anEventStoredBeforeEventsCarriedAStatusReadsWithTheStatusItsTypeImplies(String type, AlertStatus implied)
            throws IOException {
        ObjectNode stored = (ObjectNode) EventJson.mapper().readTree(golden(type));
        stored.remove("status");

        PracticeEvent read = EventJson.read(EventJson.mapper().writeValueAsString(stored));

        assertThat(((StatusChange) read).status()).isEqualTo(implied);
        assertThat(read).isEqualTo(EventJson.read(golden(type)));
    }

    @Test
    void consumersIgnoreFieldsAddedByANewerProducer() {
        String json = "{\"type\":\"NoteAdded\",\"eventId\":\"e1\",\"alertId\":\"a1\",\"occurredAt\":\"2026-01-05T10:00:00Z\","
                + "\"schemaVersion\":2,\"noteId\":\"n1\",\"addedBy\":\"p1\",\"text\":\"t\",\"addedLater\":true}";
        assertThat(EventJson.read(json)).isInstanceOf(NoteAdded.class)
                .extracting(PracticeEvent::schemaVersion).isEqualTo(2);
    }

    @Test
    void instantsAreWrittenAsIsoStrings() {
        assertThat(EventJson.write(SampleEvents.all().get(0))).contains("\"occurredAt\":\"2026-01-05T09:30:00Z\"");
    }

    private static Class<?>[] allPermittedEventTypes() {
        return Stream.of(PracticeEvent.class.getPermittedSubclasses())
                .flatMap(c -> c == AlertEvent.class ? Stream.of(AlertEvent.class.getPermittedSubclasses()) : Stream.of(c))
                .toArray(Class<?>[]::new);
    }

    private static String golden(String name) throws IOException {
        try (InputStream in = GoldenJsonTest.class.getResourceAsStream("/golden/" + name + ".json")) {
            assertThat(in).as("golden sample for " + name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
