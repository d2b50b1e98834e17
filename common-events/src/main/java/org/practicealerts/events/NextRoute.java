package org.practicealerts.events;

/**
 * Where a procedure sends a concern its ladder did not resolve: what the people told at the end of the ladder are
 * prompted to do next. Written on the wire as the constant's name.
 */
public enum NextRoute {
    /** The procedure names nothing beyond its final stage: the people told decide. */
    NONE,
    /** Refer to the Safeguarding Children Partnership (resolving professional disagreements). */
    SAFEGUARDING_PARTNERSHIP,
    /** Take it to the Director of Children's Services. */
    DIRECTOR
}
