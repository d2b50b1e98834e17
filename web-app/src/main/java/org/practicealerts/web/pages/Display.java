package org.practicealerts.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Set;

/** How the pages write times, days left and codes: in the council's time zone, in plain English. */
public final class Display {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, h:mma", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);

    private final ZoneId zone;

    public Display(ZoneId zone) {
        this.zone = zone;
    }

    /** An instant as London (or the council's) local time: "Mon 12 Jan 2026, 5:00pm". */
    public String when(Object instant) {
        if (instant == null) {
            return "";
        }
        Instant at = Instant.parse(instant.toString());
        return WHEN.format(at.atZone(zone)).replace("AM", "am").replace("PM", "pm");
    }

    /** A date: "Mon 12 Jan 2026". */
    public String day(Object date) {
        return date == null ? "" : DAY.format(LocalDate.parse(date.toString()));
    }

    /** A code as words: {@code AWAITING_RESPONSE} → "Awaiting response". */
    public String words(Object code) {
        if (code == null) {
            return "";
        }
        String s = code.toString().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Working days from {@code today} to the due instant's day (0 = due today; negative = overdue). */
    public static int workingDaysLeft(LocalDate today, LocalDate due, Set<LocalDate> holidays) {
        int sign = due.isBefore(today) ? -1 : 1;
        LocalDate from = sign > 0 ? today : due;
        LocalDate to = sign > 0 ? due : today;
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5 && !holidays.contains(d)) {
                n++;
            }
        }
        return sign * n;
    }

    public ZoneId zone() {
        return zone;
    }
}
