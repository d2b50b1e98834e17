package org.practicealerts.events;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON wire format of {@link PracticeEvent}s and {@link DeadlineCommand}s: ISO-8601 instants and dates, a {@code type} property naming the
 * event, unknown properties ignored so that consumers tolerate additive schema changes.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    /** The configured mapper, for callers that need to embed events in larger documents. */
    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static String write(PracticeEvent event) {
        return MAPPER.writeValueAsString(event);
    }

    public static byte[] writeBytes(PracticeEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static PracticeEvent read(String json) {
        return MAPPER.readValue(json, PracticeEvent.class);
    }

    public static PracticeEvent read(byte[] json) {
        return MAPPER.readValue(json, PracticeEvent.class);
    }

    public static byte[] writeBytes(DeadlineCommand command) {
        return MAPPER.writeValueAsBytes(command);
    }

    public static DeadlineCommand readCommand(byte[] json) {
        return MAPPER.readValue(json, DeadlineCommand.class);
    }
}
