package org.practicealerts.web.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem a service answered with, as the GOV.UK error summary shows it: one message per field at fault
 * (linking to the field), or the problem's detail when it names no field.
 *
 * @param status the HTTP status
 * @param title  the problem's title
 * @param detail what went wrong, in words a person can act on
 * @param fields the message for each field at fault, in the order the service gave them
 */
public record Problem(int status, String title, String detail, Map<String, String> fields) {

    public Problem {
        fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Reads a problem document; an answer that is not one becomes a problem with its status alone. */
    @SuppressWarnings("unchecked")
    public static Problem of(int status, Map<String, Object> body) {
        Map<String, String> fields = new LinkedHashMap<>();
        Object errors = body == null ? null : body.get("errors");
        if (errors instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> e && e.get("field") != null) {
                    fields.putIfAbsent(String.valueOf(e.get("field")), String.valueOf(e.get("message")));
                }
            }
        }
        String title = body == null ? null : (String) body.get("title");
        String detail = body == null ? null : (String) body.get("detail");
        return new Problem(status, title == null ? "Something went wrong" : title,
                detail == null ? "The service answered " + status + "." : detail, new LinkedHashMap<>(fields));
    }

    /** The error summary's list: each field's message, else the detail. */
    public List<SummaryItem> summary() {
        List<SummaryItem> out = new ArrayList<>();
        fields.forEach((field, message) -> out.add(new SummaryItem(anchor(field), label(field) + " " + message)));
        if (out.isEmpty()) {
            out.add(new SummaryItem(null, detail));
        }
        return out;
    }

    /**
     * The same problem with each field named within {@code form} ({@code reason} → {@code withdrawal.reason}): for a
     * page with several forms that share a field name, so the summary links to, and the message shows beside, the
     * field of the form that was sent.
     */
    public Problem within(String form) {
        Map<String, String> named = new LinkedHashMap<>();
        fields.forEach((field, message) -> named.put(form + "." + field, message));
        return new Problem(status, title, detail, named);
    }

    /** The message for a form field, or null. */
    public String messageFor(String field) {
        return fields.get(field);
    }

    /** One line of the error summary: the form field it links to (null when none) and the message. */
    public record SummaryItem(String href, String text) {
    }

    /** The id of the form field an API field is shown in: {@code actions[0].dueDate} → {@code actions-0-dueDate}. */
    public static String anchor(String field) {
        return "#" + field.replaceAll("[\\[\\].]+", "-").replaceAll("-$", "");
    }

    /** A field as words, counting rows from 1: {@code actions[0].dueDate} → "Actions 1 due date:". */
    private static String label(String field) {
        String numbered = java.util.regex.Pattern.compile("\\[(\\d+)]").matcher(field)
                .replaceAll(m -> " " + (Integer.parseInt(m.group(1)) + 1));
        String words = numbered.replace('.', ' ')
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1) + ":";
    }
}
