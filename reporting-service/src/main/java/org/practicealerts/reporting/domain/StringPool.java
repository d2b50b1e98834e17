package org.practicealerts.reporting.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.practicealerts.events.Assignment;

/**
 * One copy of each id-like string a projection keeps (team, person, role, category, chronology label), so a million
 * alerts share a few thousand strings instead of each holding its own. Never for free text: what a person wrote is
 * kept once, where it belongs. Append-only; written under the projection's write lock, read under its read lock.
 */
final class StringPool {

    private final Map<String, Integer> indexes = new HashMap<>();
    /** Index 0 stands for null. */
    private final List<String> strings = new ArrayList<>(List.of(""));
    private final Map<List<String>, List<String>> lists = new HashMap<>();

    /** The pool's copy of {@code s} (added if new); null for null. */
    String canonical(String s) {
        return s == null ? null : strings.get(index(s));
    }

    /** One shared copy of each list of ids (an alert's categories: a few dozen combinations among a million alerts). */
    List<String> canonical(List<String> list) {
        List<String> pooled = list.stream().map(this::canonical).toList();
        return lists.computeIfAbsent(pooled, k -> k);
    }

    /** The assignment with the pool's copies of its ids (null for null). */
    Assignment assignment(Assignment a) {
        return a == null ? null : new Assignment(canonical(a.personId()), canonical(a.role()), canonical(a.coverFor()));
    }

    /** A small number for {@code s} (0 for null), the same every time. */
    int index(String s) {
        if (s == null) {
            return 0;
        }
        Integer i = indexes.get(s);
        if (i == null) {
            i = strings.size();
            strings.add(s);
            indexes.put(s, i);
        }
        return i;
    }

    /** The string numbered {@code index} (null for 0). */
    String at(int index) {
        return index == 0 ? null : strings.get(index);
    }

    int size() {
        return strings.size() - 1;
    }
}
