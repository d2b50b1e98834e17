package org.practicealerts.events.directory;

import java.time.LocalDate;

/** Cover for an absent manager: a duty or acting manager answers for them between two dates (inclusive). */
public record Cover(String id, String absentPersonId, String coverPersonId, LocalDate from, LocalDate to,
                    String reason) implements DirectoryEntry {

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    @Override
    public Kind kind() {
        return Kind.COVER;
    }

    @Override
    public String entryId() {
        return id;
    }
}
