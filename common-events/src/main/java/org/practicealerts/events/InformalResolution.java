package org.practicealerts.events;

import java.time.LocalDate;

/**
 * The recorded informal discussion that came before the formal alert.
 *
 * @param discussedOn the date of the discussion
 * @param withPersonId who it was with (social worker or team manager)
 * @param outcome     what was agreed and why it did not resolve the concern
 */
public record InformalResolution(LocalDate discussedOn, String withPersonId, String outcome) {
}
