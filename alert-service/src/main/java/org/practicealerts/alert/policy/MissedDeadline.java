package org.practicealerts.alert.policy;

/** What a procedure does when a stage's response deadline passes below its final stage. */
public enum MissedDeadline {
    /** The alert moves up one stage by itself, at the deadline. */
    ESCALATE,
    /** The raiser is told and progresses it (or not); the alert waits at its stage meanwhile. */
    TELL_RAISER
}
