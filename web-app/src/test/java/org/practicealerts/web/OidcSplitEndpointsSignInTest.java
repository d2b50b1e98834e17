package org.practicealerts.web;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same sign-in with the identity provider's endpoints named one by one (profile {@code oidc-split}, as the compose
 * stack runs it), rather than discovered.
 */
@ActiveProfiles("oidc-split")
class OidcSplitEndpointsSignInTest extends OidcSignInTest {

    @DynamicPropertySource
    static void endpoints(DynamicPropertyRegistry registry) {
        registry.add("OIDC_AUTHORIZATION_URI", () -> idp().issuer() + "/authorize");
        registry.add("OIDC_TOKEN_URI", () -> idp().issuer() + "/token");
        registry.add("OIDC_JWK_SET_URI", () -> idp().issuer() + "/jwks");
    }
}
