package org.practicealerts.events.directory;

import java.time.LocalDate;

/**
 * A day the council does not count as a working day: a bank holiday (from the council's configured source) or a
 * closure day of its own. The alert-service publishes every one; the other services count working days from them.
 *
 * @param source where the day comes from: {@code BANK_HOLIDAY} or {@code CLOSURE}
 */
public record NonWorkingDay(LocalDate date, String name, Source source) implements DirectoryEntry {

    public enum Source { BANK_HOLIDAY, CLOSURE }

    @Override
    public Kind kind() {
        return Kind.DAY;
    }

    @Override
    public String entryId() {
        return date.toString();
    }
}
