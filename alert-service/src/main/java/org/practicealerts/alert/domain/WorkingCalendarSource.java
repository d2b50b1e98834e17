package org.practicealerts.alert.domain;

import org.practicealerts.calendar.WorkingDayCalendar;

/** The council's current working-day calendar (bank holidays plus closure days); it changes when an admin edits it. */
@FunctionalInterface
public interface WorkingCalendarSource {
    WorkingDayCalendar current();
}
