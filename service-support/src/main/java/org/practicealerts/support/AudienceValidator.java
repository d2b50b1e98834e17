package org.practicealerts.support;

import java.util.List;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Refuses a token that was not issued for this product: its {@code aud} must name one of the configured audiences,
 * or its {@code azp} (the client it was issued to, which is how Keycloak marks its access tokens) must be one.
 * Without this, any application registered with the same identity provider could call the services with its own
 * users' tokens.
 */
public final class AudienceValidator implements OAuth2TokenValidator<Jwt> {

    private static final OAuth2Error WRONG_AUDIENCE = new OAuth2Error("invalid_token",
            "the token was not issued for practice-alerts", null);

    private final List<String> audiences;

    public AudienceValidator(List<String> audiences) {
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<String> aud = token.getAudience() == null ? List.of() : token.getAudience();
        String azp = token.getClaimAsString("azp");
        boolean ours = aud.stream().anyMatch(audiences::contains) || (azp != null && audiences.contains(azp));
        return ours ? OAuth2TokenValidatorResult.success() : OAuth2TokenValidatorResult.failure(WRONG_AUDIENCE);
    }
}
