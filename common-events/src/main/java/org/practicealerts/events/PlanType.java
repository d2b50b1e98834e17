package org.practicealerts.events;

/** The child's plan, as recorded in the case system. */
public enum PlanType {
    CHILD_PROTECTION,
    /** Looked after ("children we care for", CLA): the IRO may refer to Cafcass; 20 working day total applies. */
    CHILD_WE_CARE_FOR,
    CARE_LEAVER,
    CHILD_IN_NEED
}
