package org.practicealerts.alert.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.NoteAdded;

/** The event store's serializer reads the product's events and Axon's tokens, and refuses any other class. */
class ProductTypesSerializerTest {

    private final Serializer serializer = AxonMongoConfig.jsonSerializer();

    @Test
    void readsBackTheProductsEventsAndAxonsNestedTrackingTokens() {
        NoteAdded note = new NoteAdded("e-1", "a-1", Instant.parse("2026-12-03T10:00:00Z"), 1, "n-1", "iro-1",
                "sealed text");
        TrackingToken token = ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(42),
                new GlobalSequenceTrackingToken(7));

        assertThat((Object) serializer.deserialize(serializer.serialize(note, String.class))).isEqualTo(note);
        assertThat((Object) serializer.deserialize(serializer.serialize(token, byte[].class))).isEqualTo(token);
    }

    @Test
    void aStoredDocumentNamingAnotherClassIsRefusedBeforeItIsLoaded() {
        SerializedObject<String> gadget = new SimpleSerializedObject<>("{\"url\":\"http://attacker.example\"}",
                String.class, new SimpleSerializedType("java.net.URL", null));

        assertThatThrownBy(() -> serializer.deserialize(gadget)).isInstanceOf(SerializationException.class)
                .hasMessageContaining("java.net.URL");
        assertThatThrownBy(() -> serializer.classForType(gadget.getType()))
                .isInstanceOf(SerializationException.class);
    }
}
