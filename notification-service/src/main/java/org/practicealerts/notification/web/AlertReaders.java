package org.practicealerts.notification.web;

import java.util.Optional;
import org.practicealerts.access.AlertVisibility;
import org.practicealerts.events.Role;
import org.practicealerts.notification.directory.Directory;
import org.practicealerts.notification.outbox.AlertProjection;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * This service's questions to {@link AlertVisibility}, the one rule of who may see an alert and its detail, for
 * the delivery log and the inbox. The alert's facts come from the alert projection, the reporting lines from the
 * directory copy.
 */
@Component
public class AlertReaders {

    /** What a caller may see of one alert's notifications. */
    public enum Sight { NOTHING, WITHOUT_PEOPLE, EVERYTHING }

    private final AlertProjection alerts;
    private final AlertVisibility rule;

    public AlertReaders(AlertProjection alerts, Directory directory) {
        this.alerts = alerts;
        this.rule = new AlertVisibility(directory);
    }

    /**
     * For an alert this service has not seen raised (its events not yet arrived), only admins, who operate
     * delivery, see its log. Who was told about a competence concern names the people involved, so it is shown
     * only to those who may read its detail; others who may see the alert see how delivery went, not to whom.
     */
    public Sight of(Authentication caller, String alertId) {
        AlertVisibility.Viewer viewer = viewer(caller);
        Optional<AlertProjection.View> view = alerts.get(alertId);
        if (view.isEmpty()) {
            return viewer.roles().contains(Role.ADMIN) ? Sight.EVERYTHING : Sight.NOTHING;
        }
        AlertVisibility.Alert facts = view.get().visibility();
        if (!rule.maySee(viewer, facts)) {
            return Sight.NOTHING;
        }
        return rule.maySeeDetail(viewer, facts) ? Sight.EVERYTHING : Sight.WITHOUT_PEOPLE;
    }

    /** Whether the caller may still see the alert an inbox item is about (alerts not yet projected: yes, theirs). */
    public boolean maySee(Authentication caller, String alertId) {
        return alertId == null || alerts.get(alertId).map(v -> rule.maySee(viewer(caller), v.visibility()))
                .orElse(true);
    }

    static AlertVisibility.Viewer viewer(Authentication caller) {
        return AlertVisibility.Viewer.of(caller.getName(), caller.getAuthorities().stream()
                .map(a -> a.getAuthority().replaceFirst("^ROLE_", "")).toList());
    }
}
