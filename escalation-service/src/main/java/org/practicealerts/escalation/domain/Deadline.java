package org.practicealerts.escalation.domain;

import java.time.Instant;
import org.practicealerts.events.DeadlineKind;

/**
 * One live deadline of one alert. Its id is stable per alert and kind (and action), so a newer deadline of the same
 * kind replaces the older one.
 *
 * @param stage    the stage the alert was at when the deadline was set (the fence the alert checks)
 * @param actionId the agreed action, for {@link DeadlineKind#ACTION}
 */
public record Deadline(String alertId, DeadlineKind kind, int stage, Instant dueAt, String actionId) {

    public String id() {
        return id(alertId, kind, actionId);
    }

    public static String id(String alertId, DeadlineKind kind, String actionId) {
        return alertId + ":" + kind + (actionId == null ? "" : ":" + actionId);
    }
}
