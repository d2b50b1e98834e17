package org.practicealerts.events;

/** How urgent the raiser judges the concern. */
public enum Urgency {
    ROUTINE,
    /** Enters at the policy's urgent entry stage. */
    URGENT,
    /** Immediate risk of harm: no sequence; senior managers on both sides are told at once. */
    IMMEDIATE_RISK
}
