package org.practicealerts.alert.web;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.practicealerts.events.directory.Person;
import org.practicealerts.events.Role;
import org.practicealerts.alert.domain.AlertRefused;

/**
 * Reads people from CSV with a header row: {@code id,displayName,email,roles,teamId,managerId,preference}; roles
 * separated by {@code ;}. Quoted fields may contain commas. Every row is checked before anything is written.
 */
final class PeopleCsv {

    static final String HEADER = "id,displayName,email,roles,teamId,managerId,preference";
    private static final int MAX_ROWS = 5000;

    private PeopleCsv() {
    }

    static List<Person> parse(String csv) {
        String[] lines = csv.replace("\r\n", "\n").strip().split("\n");
        if (lines.length == 0 || !lines[0].strip().equals(HEADER)) {
            throw AlertRefused.invalid("header: the first line must be exactly " + HEADER);
        }
        if (lines.length - 1 > MAX_ROWS) {
            throw AlertRefused.invalid("rows: at most " + MAX_ROWS + " people per import");
        }
        List<Person> out = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> f = fields(lines[i]);
            if (f.size() != 7) {
                problems.add("line " + (i + 1) + ": expected 7 fields, found " + f.size());
                continue;
            }
            if (!f.get(0).matches(Requests.ID)) {
                problems.add("line " + (i + 1) + ": id is not valid");
                continue;
            }
            Set<Role> roles = EnumSet.noneOf(Role.class);
            for (String r : f.get(3).split(";")) {
                try {
                    roles.add(Role.valueOf(r.strip()));
                } catch (IllegalArgumentException e) {
                    problems.add("line " + (i + 1) + ": roles: unknown role " + r.strip());
                }
            }
            out.add(new Person(f.get(0), f.get(1), blankToNull(f.get(2)), null, roles, blankToNull(f.get(4)),
                    blankToNull(f.get(5)), true, f.get(6).isBlank() ? "EMAIL" : f.get(6)));
        }
        if (!problems.isEmpty()) {
            throw AlertRefused.invalid(String.join("; ", problems));
        }
        return out;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                out.add(cur.toString().strip());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString().strip());
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
