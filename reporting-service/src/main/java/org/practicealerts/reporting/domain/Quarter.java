package org.practicealerts.reporting.domain;

import java.time.LocalDate;

/** A calendar quarter, e.g. 2026-Q3. */
public record Quarter(int year, int q) {

    public static Quarter parse(String text) {
        if (text == null || !text.matches("\\d{4}-Q[1-4]")) {
            throw new IllegalArgumentException("quarter must look like 2026-Q3");
        }
        return new Quarter(Integer.parseInt(text.substring(0, 4)), text.charAt(6) - '0');
    }

    public LocalDate first() {
        return LocalDate.of(year, (q - 1) * 3 + 1, 1);
    }

    public LocalDate last() {
        return first().plusMonths(3).minusDays(1);
    }

    public Quarter previous() {
        return q == 1 ? new Quarter(year - 1, 4) : new Quarter(year, q - 1);
    }

    @Override
    public String toString() {
        return year + "-Q" + q;
    }
}
