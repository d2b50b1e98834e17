package org.practicealerts.web.pages;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

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

    public ZoneId zone() {
        return zone;
    }
}
