package org.practicealerts.events.directory;

import java.util.Optional;
import org.practicealerts.events.EventJson;

/**
 * The directory topic's wire format: the key names the kind and id, the value is the entry's JSON, and a tombstone
 * (null value) removes the entry. Fields a newer producer adds are ignored.
 */
public final class DirectoryJson {

    private DirectoryJson() {
    }

    /** A record read from the topic: what it is, which one, and the entry (empty for a tombstone). */
    public record Change(DirectoryEntry.Kind kind, String id, Optional<DirectoryEntry> entry) {
    }

    public static byte[] writeBytes(DirectoryEntry entry) {
        return EventJson.mapper().writeValueAsBytes(entry);
    }

    /**
     * Reads one topic record.
     *
     * @throws IllegalArgumentException when the key is not {@code KIND:id} with a known kind, or the value is not
     *                                  JSON of that kind
     */
    public static Change read(String key, byte[] value) {
        int colon = key == null ? -1 : key.indexOf(':');
        if (colon <= 0 || colon == key.length() - 1) {
            throw new IllegalArgumentException("directory key is not KIND:id");
        }
        DirectoryEntry.Kind kind;
        try {
            kind = DirectoryEntry.Kind.valueOf(key.substring(0, colon));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown directory kind", e);
        }
        String id = key.substring(colon + 1);
        if (value == null) {
            return new Change(kind, id, Optional.empty());
        }
        try {
            return new Change(kind, id, Optional.of(EventJson.mapper().readValue(value, kind.type())));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("directory value is not a " + kind, e);
        }
    }
}
