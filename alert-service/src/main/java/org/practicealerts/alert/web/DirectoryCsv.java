package org.practicealerts.alert.web;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.practicealerts.alert.web.DirectoryController.CoverRequest;
import org.practicealerts.alert.web.DirectoryController.ImportedCover;
import org.practicealerts.alert.web.DirectoryController.ImportedPerson;
import org.practicealerts.alert.web.DirectoryController.ImportedTeam;
import org.practicealerts.alert.web.DirectoryController.PersonRequest;
import org.practicealerts.alert.web.DirectoryController.TeamRequest;
import org.practicealerts.events.Role;
import org.practicealerts.support.InputProblems.FieldProblem;

/**
 * The directory as spreadsheets export it: CSV with a header row, columns in any order (each named once, unknown ones
 * refused so a misspelt column is not silently dropped), an optional byte-order mark, quoted fields that may hold
 * commas and line breaks. Each row becomes the same request the JSON API takes and is checked by the same rules;
 * every bad row is reported, field by field as {@code rows[N].column} where N is the row as a spreadsheet numbers it
 * (the header is row 1), and nothing is written unless every row is good.
 */
final class DirectoryCsv {

    static final int MAX_ROWS = 5000;
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    static final Sheet PEOPLE = new Sheet("id", List.of("id", "displayName", "roles"),
            List.of("email", "teamId", "managerId", "preference", "active", "teamsWebhook"));
    static final Sheet TEAMS = new Sheet("id", List.of("id", "name"), List.of("managerId", "teamsWebhook"));
    static final Sheet COVERS = new Sheet("id", List.of("id", "absentPersonId", "coverPersonId", "from", "to"),
            List.of("reason"));

    /**
     * The columns a kind of entry has: the one that identifies a row (named on one row only), those every row must
     * fill, and those it may. The case facts' import ({@link CaseFactCsv}) reads its sheet the same way.
     */
    record Sheet(String idColumn, List<String> required, List<String> optional) {
        String columns() {
            return String.join(", ", required) + (optional.isEmpty() ? "" : " (and optionally "
                    + String.join(", ", optional) + ")");
        }
    }

    /** Rows that could not be imported, each problem against its row and column; nothing was written. */
    static final class Refused extends RuntimeException {
        private final List<FieldProblem> problems;

        Refused(List<FieldProblem> problems) {
            super(problems.size() + " problem(s) in the file; nothing was imported", null, false, false);
            this.problems = List.copyOf(problems);
        }

        List<FieldProblem> problems() {
            return problems;
        }
    }

    private DirectoryCsv() {
    }

    static List<ImportedPerson> people(String csv, Validator validator) {
        return read(csv, PEOPLE, validator, row -> new ImportedPerson(row.text("id"), new PersonRequest(
                row.text("displayName"), row.text("email"), row.text("teamsWebhook"), row.roles("roles"),
                row.text("teamId"), row.text("managerId"), row.yesNo("active"),
                row.text("preference") == null ? null : row.text("preference").toUpperCase(Locale.ROOT))));
    }

    static List<ImportedTeam> teams(String csv, Validator validator) {
        return read(csv, TEAMS, validator, row -> new ImportedTeam(row.text("id"),
                new TeamRequest(row.text("name"), row.text("managerId"), row.text("teamsWebhook"))));
    }

    static List<ImportedCover> covers(String csv, Validator validator) {
        return read(csv, COVERS, validator, row -> {
            LocalDate from = row.date("from");
            LocalDate to = row.date("to");
            if (from != null && to != null && to.isBefore(from)) {
                row.problem("to", "must not be before from");
            }
            return new ImportedCover(row.text("id"), new CoverRequest(row.text("absentPersonId"),
                    row.text("coverPersonId"), from, to, row.text("reason")));
        });
    }

    static <T> List<T> read(String csv, Sheet sheet, Validator validator, Function<Row, T> entry) {
        String text = csv.startsWith("\uFEFF") ? csv.substring(1) : csv;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).setAllowMissingColumnNames(false)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).get();
        List<FieldProblem> problems = new ArrayList<>();
        List<T> out = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            checkHeader(parser.getHeaderNames(), sheet);
            for (CSVRecord record : parser) {
                if (record.getRecordNumber() > MAX_ROWS) {
                    throw new Refused(List.of(new FieldProblem("rows", "at most " + MAX_ROWS + " rows per import")));
                }
                Row row = new Row(record);
                T made = entry.apply(row);
                for (ConstraintViolation<T> v : validator.validate(made)) {
                    row.breaks(column(v.getPropertyPath()), v.getMessage());
                }
                String id = row.text(sheet.idColumn());
                Long first = id == null ? null : ids.putIfAbsent(id, row.number);
                if (first != null) {
                    row.problem(sheet.idColumn(), "is also on row " + first);
                }
                if (row.problems.isEmpty()) {
                    out.add(made);
                } else {
                    problems.addAll(row.problems);
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // Unreadable as CSV (an unclosed quote, a header named twice): said without echoing the content.
            throw new Refused(List.of(new FieldProblem("body", "is not readable as CSV with a header row of "
                    + sheet.columns() + (e.getMessage() != null && e.getMessage().contains("duplicate")
                    ? ": a column is named twice" : ""))));
        }
        if (out.isEmpty() && problems.isEmpty()) {
            problems.add(new FieldProblem("rows", "the file has a header but no rows"));
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        return out;
    }

    private static void checkHeader(List<String> header, Sheet sheet) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> known = new LinkedHashSet<>(sheet.required());
        known.addAll(sheet.optional());
        for (String column : header) {
            if (!known.contains(column)) {
                problems.add(new FieldProblem("header", "unknown column \"" + abbreviate(column) + "\"; the columns are "
                        + sheet.columns()));
            }
        }
        for (String column : sheet.required()) {
            if (!header.contains(column)) {
                problems.add(new FieldProblem("header", "the column " + column + " is missing; the columns are "
                        + sheet.columns()));
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
    }

    /** The column a constraint is about: the last name in its path ({@code person.roles} → {@code roles}). */
    private static String column(Path path) {
        String last = "row";
        for (Path.Node node : path) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return last;
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    /** One data row, read column by column, collecting what is wrong with it. */
    static final class Row {
        private final CSVRecord record;
        private final long number;
        private final List<FieldProblem> problems = new ArrayList<>();

        Row(CSVRecord record) {
            this.record = record;
            this.number = record.getRecordNumber() + 1;
        }

        void problem(String column, String message) {
            problems.add(new FieldProblem("rows[" + number + "]." + column, "row " + number + ": " + column + " "
                    + message));
        }

        /** The cell, or null when it is empty or the row stops short of it (the rules then say if it may be). */
        /** A rule the row breaks, unless reading that column already said what is wrong with it. */
        void breaks(String column, String message) {
            String field = "rows[" + number + "]." + column;
            if (problems.stream().noneMatch(p -> p.field().equals(field))) {
                problem(column, message);
            }
        }

        String text(String column) {
            if (!record.isMapped(column) || !record.isSet(column)) {
                return null;
            }
            String value = record.get(column);
            return value.isBlank() ? null : value;
        }

        Set<Role> roles(String column) {
            String value = text(column);
            Set<Role> roles = EnumSet.noneOf(Role.class);
            if (value == null) {
                return roles;
            }
            for (String r : value.split(";")) {
                if (r.isBlank()) {
                    continue;
                }
                try {
                    roles.add(Role.valueOf(r.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    problem(column, "has an unknown role \"" + abbreviate(r.strip()) + "\"");
                }
            }
            return roles;
        }

        LocalDate date(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                problem(column, "must be a date as 2026-12-21");
                return null;
            }
        }

        /** An instant as {@code 2026-01-05T10:00:00Z}, or a local date and time as a spreadsheet writes it, in London. */
        Instant instant(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Instant.parse(value);
            } catch (DateTimeParseException notAnInstant) {
                try {
                    return LocalDateTime.parse(value.replace(' ', 'T')).atZone(LONDON).toInstant();
                } catch (DateTimeParseException e) {
                    problem(column, "must be a date and time as 2026-01-05 10:00 (London) or 2026-01-05T10:00:00Z");
                    return null;
                }
            }
        }

        /** One of an enum's constants, named as written (any case). */
        <E extends Enum<E>> E oneOf(String column, Class<E> type) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                problem(column, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
                return null;
            }
        }

        Boolean yesNo(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "yes", "true", "y", "1" -> Boolean.TRUE;
                case "no", "false", "n", "0" -> Boolean.FALSE;
                default -> {
                    problem(column, "must be yes or no");
                    yield null;
                }
            };
        }
    }
}
