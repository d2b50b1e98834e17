package org.practicealerts.events;

/**
 * Whom an alert's concern is about when it is not the practice on the child's case: under seed 003 a social work
 * team may raise a concern about the child protection chair. The concern then goes to the chair's line manager.
 *
 * @param subject  what kind of person the concern is about
 * @param personId the directory id of that person
 */
public record ConcernAbout(Subject subject, String personId) {

    /** The kinds of person a concern can be about. */
    public enum Subject {
        /** The child protection chair (CPC), IRO or CRO of the child. */
        CHAIR
    }
}
