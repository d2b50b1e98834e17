package org.practicealerts.notification.outbox;

import java.util.List;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Urgency;

/**
 * Why a person was told and how urgently, as every outbox and inbox entry records it.
 *
 * @param reasons every reason, most urgent first, as written on the wire (or {@code TEAM_CHANNEL}, {@code DIGEST})
 * @param urgency the alert's urgency as the notice told it
 * @param urgent  told as an immediate risk of harm: at once whatever the preference, marked urgent everywhere
 */
public record Told(List<String> reasons, Urgency urgency, boolean urgent) {

    public Told {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
        urgency = urgency == null ? Urgency.ROUTINE : urgency;
    }

    /** A person told for these reasons, with the urgency their notice carries. */
    public static Told of(List<RecipientReason> reasons, Urgency urgency) {
        return new Told(reasons.stream().map(RecipientReason::name).toList(), urgency,
                urgency == Urgency.IMMEDIATE_RISK);
    }

    /** Told for one reason of this service's own (a team channel, a digest). */
    public static Told as(String reason, Urgency urgency) {
        return new Told(reason == null ? List.of() : List.of(reason), urgency, urgency == Urgency.IMMEDIATE_RISK);
    }

    /** The most urgent reason, or null when none was given. */
    public String reason() {
        return reasons.isEmpty() ? null : reasons.get(0);
    }
}
