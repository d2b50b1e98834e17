package org.practicealerts.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who may see which page, CSRF on every form, session expiry, and the headers every page with case data carries. */
class SignInAndSecurityTest extends PageTestBase {

    private static final String ALERT = "0b8d3c2e-1111-4000-8000-000000000001";

    @Test
    void someoneNotSignedInIsSentToSignInAndThenStraightBackToThePageTheyAskedFor() {
        Page asked = browser.get("/alerts/" + ALERT);
        assertThat(asked.status()).isEqualTo(302);
        assertThat(asked.header("Location")).isEqualTo("/sign-in");

        Page signIn = browser.get("/sign-in");
        assertThat(signIn.body()).contains("Reviewing Officer", "Team Manager North");
        Page signedIn = browser.post("/sign-in", signIn, Map.of("personId", "tm-north"));

        assertThat(signedIn.status()).isEqualTo(303);
        assertThat(signedIn.header("Location")).isEqualTo("/alerts/" + ALERT);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteAndChangesOnSignIn() {
        Page signIn = browser.get("/sign-in");
        Page signedIn = browser.post("/sign-in", signIn, Map.of("personId", "iro-1"));

        assertThat(signedIn.header("Set-Cookie")).contains("SESSION=", "SameSite=Lax").containsIgnoringCase("HttpOnly");
        String before = signIn.header("Set-Cookie");
        assertThat(before == null || !before.equals(signedIn.header("Set-Cookie"))).isTrue();
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefusedAndNothingIsSent() {
        signInAs("tm-north");
        SERVICES.reset();

        Page posted = browser.post("/alerts/" + ALERT + "/notes", null, Map.of("text", "A note"));

        assertThat(posted.status()).isEqualTo(403);
        assertThat(SERVICES.sent()).isEmpty();
    }

    @Test
    void signingInAsSomeoneNotInTheDirectoryShowsTheErrorSummary() {
        Page signIn = browser.get("/sign-in");
        Page refused = browser.post("/sign-in", signIn, Map.of("personId", ""));

        assertThat(refused.status()).isEqualTo(200);
        assertThat(refused.body()).contains("govuk-error-summary", "href=\"#personId\"", "Choose who to sign in as");
    }

    @Test
    void whenTheTokenHasExpiredThePersonSignsInAgain() {
        signInAs("tm-north");
        SERVICES.expireTokens();

        Page home = browser.get("/");

        assertThat(home.status()).isEqualTo(303);
        assertThat(home.header("Location")).isEqualTo("/sign-in?expired");
        assertThat(browser.get("/").status()).as("the session is gone").isEqualTo(302);
    }

    @Test
    void pagesWithCaseDataAreNeverStoredAndAllowNoInlineScript() {
        signInAs("tm-north");
        nothingWaiting();

        Page home = browser.get("/");

        assertThat(home.status()).isEqualTo(200);
        assertThat(home.header("Cache-Control")).contains("no-store");
        assertThat(home.header("Content-Security-Policy")).contains("script-src 'self'").doesNotContain("unsafe-inline");
        assertThat(home.body()).doesNotContain("<script>").contains("<script type=\"module\" src=\"/assets/init.js\">");
    }

    @Test
    void signingOutEndsTheSession() {
        signInAs("tm-north");
        nothingWaiting();
        Page home = browser.get("/");

        Page out = browser.post("/sign-out", home, Map.of());

        assertThat(out.header("Location")).isEqualTo("/sign-in?signed-out");
        assertThat(browser.get("/").status()).isEqualTo(302);
    }

    private static void nothingWaiting() {
        SERVICES.on("GET", "/api/v1/alerts", 200, "[]");
        SERVICES.on("GET", "/api/v1/notifications", 200, "[]");
    }
}
