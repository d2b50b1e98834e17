package org.practicealerts.support;

import java.util.function.Supplier;

/**
 * A record no version of this service can read (not the product's JSON, an unknown type). Retrying cannot help: it
 * goes straight to the group's dead-letter topic, and the next record is processed.
 */
public class UnreadableRecord extends RuntimeException {

    public UnreadableRecord(Throwable cause) {
        // The cause's class only: a parser's message can quote the payload, which may hold free text.
        super("unreadable record (" + cause.getClass().getSimpleName() + ")", cause, false, false);
    }

    /** Reads a record's value; any failure to read it makes it an unreadable record. */
    public static <T> T read(Supplier<T> reader) {
        try {
            return reader.get();
        } catch (RuntimeException e) {
            throw new UnreadableRecord(e);
        }
    }
}
