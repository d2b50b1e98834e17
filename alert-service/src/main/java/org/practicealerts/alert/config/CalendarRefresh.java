package org.practicealerts.alert.config;

import org.practicealerts.alert.mongo.MongoWorkingCalendar;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Picks up days another instance added to the calendar (they live in MongoDB), within the refresh interval. */
@Component
public class CalendarRefresh {

    private final MongoWorkingCalendar calendar;

    public CalendarRefresh(MongoWorkingCalendar calendar) {
        this.calendar = calendar;
    }

    @Scheduled(fixedDelayString = "${practice-alerts.calendar-refresh-interval:30s}")
    public void refresh() {
        calendar.refresh();
    }
}
