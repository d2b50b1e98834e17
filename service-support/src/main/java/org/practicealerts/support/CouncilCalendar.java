package org.practicealerts.support;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicReference;
import org.practicealerts.calendar.Holiday;
import org.practicealerts.calendar.WorkingDayCalendar;
import org.practicealerts.events.directory.DirectoryEntry;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.events.directory.NonWorkingDay;

/**
 * The council's working days as every service but the alert-service knows them: the non-working days the
 * alert-service publishes on the directory topic (its bank holidays plus the council's closure days, including those
 * added at run time), so every service counts the same days and none reads another's collections.
 */
public final class CouncilCalendar {

    private final Map<LocalDate, Holiday> days = new ConcurrentSkipListMap<>();
    private final AtomicReference<WorkingDayCalendar> current =
            new AtomicReference<>(WorkingDayCalendar.of(java.util.List.of()));

    /** The calendar as the directory topic has it now. */
    public WorkingDayCalendar current() {
        return current.get();
    }

    /** Follows one directory change; anything but a non-working day is ignored. */
    public void apply(DirectoryJson.Change change) {
        if (change.kind() != DirectoryEntry.Kind.DAY) {
            return;
        }
        LocalDate date = LocalDate.parse(change.id());
        change.entry().ifPresentOrElse(e -> {
            NonWorkingDay day = (NonWorkingDay) e;
            days.put(date, new Holiday(date, day.name(), day.source() == NonWorkingDay.Source.CLOSURE
                    ? Holiday.Source.CLOSURE : Holiday.Source.BANK_HOLIDAY));
        }, () -> days.remove(date));
        current.set(WorkingDayCalendar.of(days.values()));
    }

    /** How many non-working days are known (zero until the directory topic has been read). */
    public int size() {
        return days.size();
    }
}
