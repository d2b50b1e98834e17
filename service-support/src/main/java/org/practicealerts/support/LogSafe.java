package org.practicealerts.support;

/**
 * A record key or other outside value made safe to write to a log: only the characters ids are made of (letters,
 * digits, {@code : . _ -}), at most 80 of them. Anyone who can write to a topic chooses its keys; a forged key must
 * not forge log lines (a newline), smuggle terminal escapes, or carry free text into the logs.
 */
public final class LogSafe {

    private static final int MAX = 80;

    private LogSafe() {
    }

    public static String id(Object value) {
        if (value == null) {
            return "(none)";
        }
        String s = value.toString();
        StringBuilder out = new StringBuilder(Math.min(s.length(), MAX) + 1);
        for (int i = 0; i < s.length() && out.length() < MAX; i++) {
            char c = s.charAt(i);
            boolean idChar = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == ':' || c == '.' || c == '_' || c == '-';
            out.append(idChar ? c : '?');
        }
        if (s.length() > MAX) {
            out.append('…');
        }
        return out.toString();
    }
}
