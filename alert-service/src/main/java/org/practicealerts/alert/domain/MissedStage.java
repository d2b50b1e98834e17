package org.practicealerts.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.practicealerts.events.Assignment;

/**
 * The stage a missed response deadline escalated from, and who was answering it. The escalation is right, but an
 * answer the responder posts minutes after the deadline should not be lost: until the end of the day the system
 * escalated (local time) they may still answer, and the answer is recorded, late, against the stage it answers.
 */
record MissedStage(int stage, Assignment responder, Instant escalatedAt) {

    /** Whether an answer for the missed stage is still taken on {@code today}. */
    boolean stillAnswerableOn(LocalDate today, ZoneId zone) {
        return LocalDate.ofInstant(escalatedAt, zone).equals(today);
    }
}
