package org.practicealerts.text;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Opens sealed text in the service's JSON responses, whatever the response type: the views and events keep it sealed,
 * and only the answer to an authorised caller carries it in the clear (over TLS). Boot registers it with the HTTP
 * mapper only; nothing in these services stores documents through that mapper.
 */
public class OpeningJsonModule extends SimpleModule {

    public OpeningJsonModule(SealedText text) {
        super("sealed-text-opening");
        addSerializer(String.class, new StdSerializer<>(String.class) {
            @Override
            public void serialize(String value, JsonGenerator gen, SerializationContext ctxt) {
                gen.writeString(text.open(value));
            }
        });
    }
}
