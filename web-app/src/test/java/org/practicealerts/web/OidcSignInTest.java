package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A council's deployment (profile {@code oidc}): someone following a link is sent to the identity provider, signed in
 * with the authorization code and PKCE, and brought straight back; the pages then call the services with the access
 * token the identity provider issued, naming the person by the claim the services use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("oidc")
class OidcSignInTest {

    private static final FakeServices SERVICES = FakeServices.get();
    private static final FakeIdentityProvider IDP;
    private static final String ID = AlertPageTest.ID;

    static {
        try {
            IDP = new FakeIdentityProvider();
        } catch (Exception e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @LocalServerPort
    int port;

    static FakeIdentityProvider idp() {
        return IDP;
    }

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("OIDC_ISSUER_URI", IDP::issuer);
        registry.add("OIDC_CLIENT_ID", () -> FakeIdentityProvider.CLIENT);
        registry.add("OIDC_CLIENT_SECRET", () -> FakeIdentityProvider.SECRET);
        registry.add("OIDC_PERSON_ID_CLAIM", () -> "preferred_username");
        registry.add("OIDC_ROLES_CLAIM", () -> "realm_access.roles");
        registry.add("practice-alerts.web.alert-service", SERVICES::baseUrl);
        registry.add("practice-alerts.web.notification-service", SERVICES::baseUrl);
        registry.add("practice-alerts.web.reporting-service", SERVICES::baseUrl);
        registry.add("SESSION_COOKIE_SECURE", () -> "false"); // the test talks plain http to localhost
    }

    @Test
    void aLinkSendsThePersonToTheIdentityProviderAndStraightBackSignedInWithItsAccessTokenForTheServices() {
        SERVICES.reset();
        SERVICES.on("GET", "/api/v1/policy", 200, "{\"stages\":[]}");
        SERVICES.on("GET", "/api/v1/alerts/" + ID, s -> s.token() != null && s.token().equals(IDP.lastAccessToken)
                ? new FakeServices.Answer(200, AlertPageTest.ALERT)
                : new FakeServices.Answer(401, "{\"status\":401}"));
        PageTestBase.Browser browser = new PageTestBase.Browser("http://localhost:" + port);

        PageTestBase.Page link = browser.get("/alerts/" + ID);
        assertThat(link.header("Location")).isEqualTo("/oauth2/authorization/council");
        PageTestBase.Page toIdp = browser.get("/oauth2/authorization/council");
        String authorize = toIdp.header("Location");
        assertThat(authorize).startsWith(IDP.issuer() + "/authorize").contains("code_challenge=",
                "code_challenge_method=S256", "client_id=" + FakeIdentityProvider.CLIENT);
        PageTestBase.Page back = browser.getAbsolute(authorize);
        String callback = back.header("Location");
        assertThat(callback).startsWith("http://localhost:" + port + "/login/oauth2/code/council?code=");
        PageTestBase.Page signedIn = browser.getAbsolute(callback);

        assertThat(IDP.pkceChecked).as("the token endpoint saw a verifier matching the challenge").isTrue();
        assertThat(signedIn.header("Location")).isEqualTo("/alerts/" + ID);
        PageTestBase.Page alert = browser.get("/alerts/" + ID);
        assertThat(alert.status()).isEqualTo(200);
        assertThat(alert.body()).contains("PA-2026-000001", "Signed in as <span>Team Manager North</span> (<span>tm-north</span>)");
    }

    @Test
    void signingOutEndsTheSessionAtTheIdentityProviderTooAndComesBackToTheSignedOutPage() {
        SERVICES.reset();
        SERVICES.on("GET", "/api/v1/alerts", 200, "[]");
        SERVICES.on("GET", "/api/v1/calendar/holidays", 200, "[]");
        SERVICES.on("GET", "/api/v1/notifications", 200, "[]");
        PageTestBase.Browser browser = new PageTestBase.Browser("http://localhost:" + port);
        browser.get("/");
        PageTestBase.Page back = browser.getAbsolute(browser.get("/oauth2/authorization/council").header("Location"));
        browser.getAbsolute(back.header("Location"));
        PageTestBase.Page home = browser.get("/");
        assertThat(home.status()).isEqualTo(200);

        String out = browser.post("/sign-out", home, java.util.Map.of()).header("Location");

        assertThat(out).startsWith(IDP.issuer() + "/logout?")
                .contains("id_token_hint=" + IDP.lastIdToken, "client_id=" + FakeIdentityProvider.CLIENT,
                        "post_logout_redirect_uri=http://localhost:" + port + "/sign-in?signed-out");
        assertThat(browser.get("/").status()).as("signed out here too").isEqualTo(302);
    }

    @Test
    void theDemoSignInPageIsNotThereInACouncilsDeployment() {
        PageTestBase.Browser browser = new PageTestBase.Browser("http://localhost:" + port);

        assertThat(browser.get("/sign-in").header("Location")).isEqualTo("/oauth2/authorization/council");
    }

    @Test
    void aRoleTheProviderSpellsOtherwiseGrantsNothingHere() {
        IDP.roles = List.of("Admin", "admin", "TEAM_MANAGER");
        try {
            SERVICES.reset();
            PageTestBase.Browser browser = new PageTestBase.Browser("http://localhost:" + port);
            browser.get("/admin");
            PageTestBase.Page back = browser.getAbsolute(browser.get("/oauth2/authorization/council").header("Location"));
            browser.getAbsolute(back.header("Location"));

            assertThat(browser.get("/admin").status()).as("Admin is not ADMIN").isEqualTo(403);
        } finally {
            IDP.roles = List.of("TEAM_MANAGER");
        }
    }

    @Test
    void theDemoSignInCannotBeSwitchedOnBesideTheIdentityProvider() {
        SpringApplicationBuilder app = new SpringApplicationBuilder(WebAppApplication.class)
                        .profiles("oidc-split", "embedded")
                        .properties("server.port=0", "OIDC_AUTHORIZATION_URI=" + IDP.issuer() + "/authorize",
                                "OIDC_TOKEN_URI=" + IDP.issuer() + "/token", "OIDC_JWK_SET_URI=" + IDP.issuer() + "/jwks",
                                "OIDC_CLIENT_ID=" + FakeIdentityProvider.CLIENT,
                                "OIDC_CLIENT_SECRET=" + FakeIdentityProvider.SECRET);

        assertThatThrownBy(app::run).hasRootCauseInstanceOf(IllegalStateException.class)
                .rootCause().hasMessageContaining("demo sign-in (profile embedded) cannot run beside an identity provider");
    }
}
