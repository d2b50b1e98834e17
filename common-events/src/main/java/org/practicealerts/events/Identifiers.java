package org.practicealerts.events;

/**
 * What an identifier in the events looks like: a child reference (the case system's id), a team or person id.
 * Every service validates the ids it is given against this one pattern.
 */
public final class Identifiers {

    /** Letters, digits and {@code . _ : / -}, starting with a letter or digit, at most 64 characters. */
    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._:/-]{0,63}";

    private Identifiers() {
    }

    public static boolean isValid(String id) {
        return id != null && id.matches(PATTERN);
    }
}
