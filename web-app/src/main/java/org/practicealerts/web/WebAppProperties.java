package org.practicealerts.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.ZoneId;
import org.practicealerts.access.RoleMapping;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The web app's configuration: the council's brand, where the services are, and how people sign in.
 *
 * @param councilName       shown in the header and page titles (no crown: this is the council's service)
 * @param brandColour       the header's colour, as {@code #rrggbb}
 * @param protectiveMarking shown on every page with case data (OFFICIAL-SENSITIVE by default)
 * @param zone              the council's time zone, for every date and time shown
 * @param alertService      the alert-service's base URL
 * @param notificationService the notification-service's base URL
 * @param reportingService  the reporting-service's base URL
 * @param demoSignIn        whether the sign-in page lets anyone choose a demo person (embedded default only)
 * @param demoLister        the demo person whose token lists the people to choose from
 * @param personIdClaim     the access token's claim that holds the person's directory id (as the services read it)
 * @param rolesClaim        the access token's claim (a dotted path) that holds the person's roles
 * @param roleMapping       the identity provider's role values as roles ({@code value=ROLE,...}), as the services map
 *                          them; blank: the values are the role names exactly
 * @param endSessionUri     the identity provider's end-session endpoint, for signing out there too; needed only where
 *                          its discovery document is not read (profile {@code oidc-split})
 */
@Validated
@ConfigurationProperties("practice-alerts.web")
public record WebAppProperties(@NotBlank String councilName,
                               @NotNull @Pattern(regexp = "#[0-9a-fA-F]{6}") String brandColour,
                               @NotBlank String protectiveMarking, @NotNull ZoneId zone,
                               @NotNull URI alertService, @NotNull URI notificationService,
                               @NotNull URI reportingService, boolean demoSignIn, String demoLister,
                               @NotBlank String personIdClaim, @NotBlank String rolesClaim, String roleMapping,
                               URI endSessionUri) {

    public WebAppProperties {
        RoleMapping.parse(roleMapping);
    }

    public RoleMapping roles() {
        return RoleMapping.parse(roleMapping);
    }
}
