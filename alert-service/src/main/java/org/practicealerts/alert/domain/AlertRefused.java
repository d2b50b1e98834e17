package org.practicealerts.alert.domain;

/**
 * A command the procedure does not allow, with a reason a person can act on. Nothing changes.
 */
public class AlertRefused extends RuntimeException {

    /** Why: the caller may not do this (403), or the alert is not in a state that allows it (409). */
    public enum Kind { NOT_PERMITTED, ILLEGAL_TRANSITION, INVALID }

    private final Kind kind;
    private final String field;

    public AlertRefused(Kind kind, String reason) {
        this(kind, null, reason);
    }

    private AlertRefused(Kind kind, String field, String reason) {
        super(reason, null, false, false);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, or {@code null} when the refusal is about the request as a whole. */
    public String field() {
        return field;
    }

    public static AlertRefused notPermitted(String reason) {
        return new AlertRefused(Kind.NOT_PERMITTED, reason);
    }

    public static AlertRefused illegal(String reason) {
        return new AlertRefused(Kind.ILLEGAL_TRANSITION, reason);
    }

    public static AlertRefused invalid(String reason) {
        return new AlertRefused(Kind.INVALID, reason);
    }

    /** Bad input in one field, reported against it as every other field problem is. */
    public static AlertRefused invalid(String field, String reason) {
        return new AlertRefused(Kind.INVALID, field, reason);
    }
}
