package org.practicealerts.events;

import java.time.LocalDate;

/**
 * The recorded informal discussion that came before the formal alert.
 *
 * @param discussedOn the date of the discussion
 * @param withPersonId who it was with (social worker or team manager)
 * @param outcome     what was agreed and why it did not resolve the concern
 * @param recordId    the {@link InformalResolutionRecorded} it was recorded as, when it was, or null
 */
public record InformalResolution(LocalDate discussedOn, String withPersonId, @FreeText String outcome,
                                 String recordId) {

    /** A discussion described on the raise only, not recorded on its own. */
    public InformalResolution(LocalDate discussedOn, String withPersonId, String outcome) {
        this(discussedOn, withPersonId, outcome, null);
    }
}
