package org.practicealerts.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses the gov.uk {@code bank-holidays.json} format
 * (<a href="https://www.gov.uk/bank-holidays.json">https://www.gov.uk/bank-holidays.json</a>):
 * a top-level object keyed by division ({@code england-and-wales}, {@code scotland},
 * {@code northern-ireland}), each holding {@code "division"} and
 * {@code "events": [{"title", "date", "notes", "bunting"}]}.
 *
 * <p>gov.uk is the authoritative list (it already contains substitute days and one-off
 * holidays), so this is how a council imports next year's dates without waiting for a library
 * upgrade. Stateless and thread-safe.
 */
public final class GovUkBankHolidays {

    /** The division used for English (and Welsh) children's social care. */
    public static final String ENGLAND_AND_WALES = "england-and-wales";

    /** Classpath location of the bundled snapshot of the gov.uk England and Wales list. */
    public static final String BUNDLED_ENGLAND_AND_WALES_RESOURCE =
            "/org/practicealerts/calendar/england-and-wales.json";

    // JsonMapper is immutable and thread-safe once built, so one instance serves every caller.
    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private GovUkBankHolidays() {
    }

    /**
     * Parses one division from a gov.uk bank-holidays JSON document.
     *
     * <p>The stream is read to the end but not closed: the caller opened it, the caller closes it.
     *
     * @param json     the JSON document
     * @param division the division key, e.g. {@value #ENGLAND_AND_WALES}
     * @return the division's bank holidays sorted by date, each with source
     *         {@link Holiday.Source#BANK_HOLIDAY}; immutable
     * @throws IllegalArgumentException if the document is not valid JSON, is not in the gov.uk
     *                                  shape, or does not contain {@code division}
     * @throws UncheckedIOException     if reading the stream fails
     */
    public static List<Holiday> parse(InputStream json, String division) {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(division, "division");
        byte[] bytes;
        try {
            // Reading the bytes ourselves keeps Jackson from auto-closing the caller's stream.
            bytes = json.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read bank holidays JSON", e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("Bank holidays document is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("Bank holidays document must be a JSON object keyed by division");
        }
        JsonNode divisionNode = root.get(division);
        if (divisionNode == null) {
            throw new IllegalArgumentException("Unknown bank holiday division '" + division
                    + "'; document contains " + new TreeSet<>(root.propertyNames()));
        }
        if (!divisionNode.isObject()) {
            throw new IllegalArgumentException("Division '" + division + "' must be a JSON object");
        }
        JsonNode declared = divisionNode.get("division");
        if (declared != null && !(declared.isString() && division.equals(declared.stringValue()))) {
            // A mismatch means the file was hand-edited or mis-keyed; trusting it could silently
            // import Scotland's holidays for an English council.
            throw new IllegalArgumentException("Division '" + division + "' declares itself as " + declared);
        }
        JsonNode events = divisionNode.get("events");
        if (events == null || !events.isArray()) {
            throw new IllegalArgumentException("Division '" + division + "' must have an \"events\" array");
        }
        List<Holiday> holidays = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            holidays.add(event(events.get(i), division, i));
        }
        holidays.sort(Comparator.comparing(Holiday::date));
        return List.copyOf(holidays);
    }

    /**
     * Parses the snapshot of the gov.uk England and Wales list shipped inside this jar
     * (see {@link #BUNDLED_ENGLAND_AND_WALES_RESOURCE}); the years it covers are whatever gov.uk
     * published when the snapshot was taken.
     *
     * @return the bundled England and Wales bank holidays sorted by date; immutable
     */
    public static List<Holiday> bundledEnglandAndWales() {
        try (InputStream in = GovUkBankHolidays.class.getResourceAsStream(BUNDLED_ENGLAND_AND_WALES_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing classpath resource " + BUNDLED_ENGLAND_AND_WALES_RESOURCE);
            }
            return parse(in, ENGLAND_AND_WALES);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BUNDLED_ENGLAND_AND_WALES_RESOURCE, e);
        }
    }

    private static Holiday event(JsonNode event, String division, int index) {
        String where = "Division '" + division + "' event #" + index;
        if (event == null || !event.isObject()) {
            throw new IllegalArgumentException(where + " must be a JSON object");
        }
        String title = requiredString(event, "title", where);
        String dateText = requiredString(event, "date", where);
        LocalDate date;
        try {
            date = LocalDate.parse(dateText);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + " has an invalid date '" + dateText + "' (expected yyyy-MM-dd)", e);
        }
        if (title.isBlank()) {
            throw new IllegalArgumentException(where + " has a blank title");
        }
        return Holiday.bankHoliday(date, title);
    }

    private static String requiredString(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || !value.isString()) {
            throw new IllegalArgumentException(where + " must have a string \"" + field + "\"");
        }
        return value.stringValue();
    }
}
