package org.practicealerts.notification.render;

import java.util.List;
import org.practicealerts.events.Urgency;

/**
 * Everything a message may say, and nothing more: the alert's reference, its stage, its urgency, what is asked and by
 * when, why the person is told, and a link. Built from ids, numbers, enums and instants only, so no template can leak
 * a child's details, the concern's text or competence detail, whatever it is given.
 *
 * @param eventType the event's type name (AlertRaised, ...)
 * @param title     one line, also the email subject; starts {@link Notices#IMMEDIATE_RISK_PREFIX} when
 *                  {@link #immediateRisk()}
 * @param reference the alert's reference (or its id when the reference is not known)
 * @param stage     the alert's stage, or null (commendations)
 * @param ask       what the recipient is asked to do
 * @param dueBy     by when, worded in UK time, or null
 * @param why       why this person is told: one sentence per reason, the most urgent first
 * @param link      where to read the alert
 * @param urgency   the alert's urgency; {@link Urgency#IMMEDIATE_RISK} also when the person is told of one
 */
public record Notice(String eventType, String title, String reference, Integer stage, String ask, String dueBy,
                     List<String> why, String link, Urgency urgency) {

    public Notice {
        why = List.copyOf(why);
        urgency = urgency == null ? Urgency.ROUTINE : urgency;
    }

    /** Told of an immediate risk of harm: sent at once whatever the person's preference, and marked urgent. */
    public boolean immediateRisk() {
        return urgency == Urgency.IMMEDIATE_RISK;
    }

    /** The urgency in words, as every message shows it. */
    public String urgencyWords() {
        return switch (urgency) {
            case ROUTINE -> "Routine";
            case URGENT -> "Urgent";
            case IMMEDIATE_RISK -> "Immediate risk of harm";
        };
    }
}
