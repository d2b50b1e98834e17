package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class IdentityGuardTest {

    private static final PlatformProperties.Security DEV = new PlatformProperties.Security("roles", null, true, "k", null, null);
    private static final PlatformProperties.Security COUNCIL = new PlatformProperties.Security("roles", "sub", false,
            null, List.of("api://practice-alerts"), null);

    @Test
    void refusesTheEmbeddedProfileBesideAnIdentityProviderProfile() {
        MockEnvironment env = new MockEnvironment();
        env.setActiveProfiles("oidc", "embedded");

        assertThatThrownBy(() -> IdentityGuard.check(env, COUNCIL)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cannot run beside an identity provider");
    }

    @Test
    void refusesDevTokensBesideAnIssuerConfiguredByProperty() {
        MockEnvironment env = new MockEnvironment().withProperty(IdentityGuard.ISSUER, "https://login.example/x");

        assertThat(IdentityGuard.problems(env, new PlatformProperties.Security("roles", null, true, "k",
                List.of("api://practice-alerts"), null))).singleElement().asString()
                .contains("embedded default");
    }

    @Test
    void refusesAnIdentityProviderWithoutAudiences() {
        MockEnvironment env = new MockEnvironment().withProperty(IdentityGuard.JWKS, "https://login.example/keys");

        assertThat(IdentityGuard.problems(env, new PlatformProperties.Security("roles", "sub", false, null, null, null)))
                .singleElement().asString().contains("OIDC_AUDIENCES");
    }

    @Test
    void startsTheEmbeddedDefaultAndACouncilsDeploymentEachAlone() {
        MockEnvironment embedded = new MockEnvironment();
        embedded.setActiveProfiles("embedded");
        MockEnvironment council = new MockEnvironment();
        council.setActiveProfiles("oidc");

        assertThat(IdentityGuard.problems(embedded, DEV)).isEmpty();
        assertThat(IdentityGuard.problems(council, COUNCIL)).isEmpty();
    }
}
