package org.practicealerts.web.pages;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.util.MultiValueMap;

/**
 * A submitted form as the JSON body the API expects. Form fields are named as the API's fields
 * ({@code response}, {@code actions[0].dueDate}, {@code contact.madeAt}), so the API's problem details name the form
 * field at fault too. Blank fields are left out (the API's defaults apply); a row of a list whose fields are all
 * blank is dropped; fields outside {@code allowed} (the CSRF token, buttons) are never sent.
 */
final class FormJson {

    private static final Pattern PART = Pattern.compile("([A-Za-z]+)(?:\\[(\\d{1,2})])?");

    private FormJson() {
    }

    /**
     * @param allowed the top-level API fields this form may send
     * @param lists   the fields that are lists of plain values even when one is chosen (e.g. {@code categories})
     */
    static Map<String, Object> body(MultiValueMap<String, String> form, Set<String> allowed, Set<String> lists) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> field : withDates(form).entrySet()) {
            String name = field.getKey();
            List<String> values = field.getValue().stream().filter(v -> v != null && !v.isBlank()).map(String::trim)
                    .toList();
            String top = name.split("[.\\[]", 2)[0];
            if (values.isEmpty() || !allowed.contains(top)) {
                continue;
            }
            if (lists.contains(name)) {
                out.put(name, values);
            } else {
                put(out, name, values.get(0));
            }
        }
        return out;
    }

    /**
     * The GOV.UK date input's three fields ({@code reviewDate-day}, {@code -month}, {@code -year}) as the one ISO date
     * the API reads ({@code reviewDate}: 2026-03-07). A date partly given, or not a number, is passed on as typed
     * (e.g. {@code 2026-13-}) so the API names the field in its refusal; one left wholly blank is left out.
     */
    static MultiValueMap<String, String> withDates(MultiValueMap<String, String> form) {
        org.springframework.util.LinkedMultiValueMap<String, String> out = new org.springframework.util.LinkedMultiValueMap<>();
        for (Map.Entry<String, List<String>> field : form.entrySet()) {
            String name = field.getKey();
            if (name.endsWith("-month") || name.endsWith("-year")) {
                continue;
            }
            if (!name.endsWith("-day")) {
                out.put(name, field.getValue());
                continue;
            }
            String date = name.substring(0, name.length() - "-day".length());
            String day = trimmed(form.getFirst(name));
            String month = trimmed(form.getFirst(date + "-month"));
            String year = trimmed(form.getFirst(date + "-year"));
            if (!(day.isEmpty() && month.isEmpty() && year.isEmpty())) {
                out.add(date, year + "-" + twoDigits(month) + "-" + twoDigits(day));
            }
        }
        return out;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.trim();
    }

    private static String twoDigits(String n) {
        return n.matches("\\d") ? "0" + n : n;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> into, String path, String value) {
        String[] parts = path.split("\\.");
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                return; // not a field name this app writes: ignore it whole rather than guess
            }
        }
        Map<String, Object> current = into;
        for (int i = 0; i < parts.length; i++) {
            Matcher m = PART.matcher(parts[i]);
            m.matches();
            String key = m.group(1);
            boolean last = i == parts.length - 1;
            if (m.group(2) == null) {
                if (last) {
                    current.put(key, value);
                } else {
                    current = (Map<String, Object>) current.computeIfAbsent(key, k -> new LinkedHashMap<>());
                }
                continue;
            }
            int index = Integer.parseInt(m.group(2));
            List<Object> list = (List<Object>) current.computeIfAbsent(key, k -> new ArrayList<>());
            while (list.size() <= index) {
                list.add(new LinkedHashMap<String, Object>());
            }
            if (last) {
                list.set(index, value);
            } else {
                current = (Map<String, Object>) list.get(index);
            }
        }
    }

    /** Drops the rows of every list whose fields were all blank, keeping the order of the others. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withoutEmptyRows(Map<String, Object> body) {
        for (Map.Entry<String, Object> e : body.entrySet()) {
            if (e.getValue() instanceof List<?> list) {
                e.setValue(new ArrayList<>(list.stream().filter(o -> !(o instanceof Map<?, ?> m && m.isEmpty())).toList()));
            } else if (e.getValue() instanceof Map<?, ?> m) {
                withoutEmptyRows((Map<String, Object>) m);
            }
        }
        return body;
    }
}
