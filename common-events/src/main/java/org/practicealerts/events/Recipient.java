package org.practicealerts.events;

import java.util.List;

/**
 * A person who must be told about an event, and why. The alert-service decides who; the notification service decides
 * how. A person appears once per event with every reason they are told for, most urgent first
 * ({@link RecipientReason#MOST_URGENT_FIRST}).
 *
 * <p>{@code reason} is the first (most urgent) of {@code reasons}, kept so that a consumer that knows only one reason
 * still reads the one that matters most. An event stored before recipients carried {@code reasons} reads with its
 * single {@code reason} as the whole list.
 *
 * @param personId directory id of the person
 * @param reason   the most urgent reason they are told ({@code reasons.get(0)}), or null when the event gave none
 * @param reasons  every reason they are told, most urgent first; never null
 */
public record Recipient(String personId, RecipientReason reason, List<RecipientReason> reasons) {

    public Recipient {
        if (reasons == null || reasons.isEmpty()) {
            reasons = reason == null ? List.of() : List.of(reason);
        } else {
            reasons = List.copyOf(reasons);
            reason = reasons.get(0);
        }
    }

    /** A person told for one reason. */
    public Recipient(String personId, RecipientReason reason) {
        this(personId, reason, null);
    }

    /** A person told for several reasons, given most urgent first. */
    public static Recipient of(String personId, List<RecipientReason> reasons) {
        return new Recipient(personId, null, reasons);
    }
}
