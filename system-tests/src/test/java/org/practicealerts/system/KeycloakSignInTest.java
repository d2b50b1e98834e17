package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.EmbeddedStack;

/**
 * The web app signing people in through a real Keycloak, configured by the compose stack's own realm file
 * ({@code deploy/keycloak/practice-alerts-realm.json}, only its web app address changed to this test's port): the
 * authorization code flow with PKCE through Keycloak's login page, the person and roles read from its tokens, and
 * sign-out ending the Keycloak session too. Keycloak is its Maven Central distribution (unpacked by the build), run
 * on a JDK 21 or later found on this machine; without either the test skips with the reason. The web app's page under
 * test (Administration's hub) asks no service for anything. Beside it the alert-service runs in the {@code oidc}
 * profile, as compose and k8s run every service, on the embedded broker and database: it takes Keycloak's tokens for
 * this product, refuses one issued to another client, maps Keycloak's realm roles exactly and audits each read under
 * the person Keycloak names.
 */
class KeycloakSignInTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Duration START = Duration.ofMinutes(3);

    private static Process keycloak;
    private static Process webApp;
    private static Process alertService;
    private static EmbeddedStack infrastructure;
    private static String idp;
    private static String web;
    private static String api;

    @BeforeAll
    static void startKeycloakAndTheWebApp() throws Exception {
        Path home = Path.of(System.getProperty("keycloak.home", "target/keycloak/none"));
        Assumptions.assumeTrue(Files.isExecutable(home.resolve("bin/kc.sh")),
                "no Keycloak distribution at " + home + " (./mvnw verify unpacks it)");
        Optional<Path> java = javaAtLeast(21);
        Assumptions.assumeTrue(java.isPresent(), "no JDK 21 or later under /usr/lib/jvm for Keycloak");
        Path webJar = REPO.resolve("web-app/target/web-app.jar");
        Assumptions.assumeTrue(Files.exists(webJar), "web-app jar not built: run ./mvnw verify");

        int kcPort = RunningStack.freePort();
        int webPort = RunningStack.freePort();
        idp = "http://localhost:" + kcPort + "/realms/practice-alerts";
        web = "http://localhost:" + webPort;
        Path imports = Files.createDirectories(home.resolve("data/import"));
        String realm = Files.readString(REPO.resolve("deploy/keycloak/practice-alerts-realm.json"))
                .replace("http://localhost:8080", web);
        Files.writeString(imports.resolve("practice-alerts-realm.json"), realm);
        Path logs = Files.createDirectories(REPO.resolve("system-tests/target/keycloak-sign-in"));

        ProcessBuilder kc = new ProcessBuilder(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--db=dev-mem", "--http-port=" + kcPort, "--hostname-strict=false")
                .redirectErrorStream(true).redirectOutput(logs.resolve("keycloak.log").toFile());
        kc.environment().put("JAVA_HOME", java.get().toString());
        kc.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        kc.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", "test-only");
        keycloak = kc.start();

        ProcessBuilder app = oidcJar(webJar, "256m", webPort, logs.resolve("web-app.log"));
        Map<String, String> env = app.environment();
        env.put("OIDC_CLIENT_ID", "practice-alerts-webapp");
        env.put("OIDC_CLIENT_SECRET", "webapp-demo-secret");
        env.put("SESSION_COOKIE_SECURE", "false"); // plain http to localhost in this test
        HttpClient probe = HttpClient.newHttpClient();
        // The web app reads Keycloak's discovery document as it starts, so it starts once Keycloak answers.
        Awaitility.await("Keycloak to serve the realm").atMost(START).pollInterval(Duration.ofSeconds(1))
                .until(() -> status(probe, idp + "/.well-known/openid-configuration") == 200);
        webApp = app.start();
        alertService = startAlertService(logs);
        Awaitility.await("the web app to start").atMost(START).pollInterval(Duration.ofMillis(500))
                .until(() -> status(probe, web + "/actuator/health") == 200);
        Awaitility.await("the alert-service to start").atMost(START).pollInterval(Duration.ofMillis(500))
                .until(() -> status(probe, api + "/actuator/health") == 200);
    }

    /** One of the product's jars in the oidc profile, reading people and roles from Keycloak's tokens. */
    private static ProcessBuilder oidcJar(Path jar, String heap, int port, Path log) {
        ProcessBuilder p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", jar.toString(), "--spring.profiles.active=oidc", "--server.port=" + port)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        p.environment().put("OIDC_ISSUER_URI", idp);
        p.environment().put("OIDC_ROLES_CLAIM", "realm_access.roles");
        p.environment().put("OIDC_PERSON_ID_CLAIM", "preferred_username");
        return p;
    }

    /** The alert-service in the oidc profile, trusting Keycloak's tokens for the public demo client only. */
    private static Process startAlertService(Path logs) throws IOException {
        Path jar = REPO.resolve("alert-service/target/alert-service.jar");
        Assumptions.assumeTrue(Files.exists(jar), "alert-service jar not built: run ./mvnw verify");
        infrastructure = new EmbeddedStack(EmbeddedStack.options().dataDir(Files.createTempDirectory("kc-infra"))
                .repoDir(REPO).kafkaPort(0).mongoPort(0).services(List.of())
                .out(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        infrastructure.start();
        int port = RunningStack.freePort();
        api = "http://localhost:" + port;
        ProcessBuilder service = oidcJar(jar, "384m", port, logs.resolve("alert-service.log"));
        Map<String, String> env = service.environment();
        env.put("OIDC_AUDIENCES", "practice-alerts-web");
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.kafkaBootstrapServers());
        env.put("MONGODB_URI", infrastructure.mongoUri());
        env.put("PRACTICE_ALERTS_TOPICS_REPLICAS", "1");
        env.put("TEXT_MASTER_KEY", "a2V5Y2xvYWstdGVzdC1vbmx5LXRleHQta2V5LTMyYiE=");
        return service.start();
    }

    @AfterAll
    static void stop() {
        Stream.of(alertService, webApp, keycloak).filter(p -> p != null).forEach(p -> {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        });
        if (infrastructure != null) {
            infrastructure.close();
        }
    }

    @Test
    void aPersonSignsInAtKeycloakLandsOnThePageTheyAskedForAndSigningOutEndsTheKeycloakSessionToo() throws Exception {
        Browser browser = new Browser();

        HttpResponse<String> login = browser.follow(browser.get(web + "/admin"));
        assertThat(login.uri().toString()).as("Keycloak's login page").startsWith(idp + "/protocol/openid-connect/auth")
                .contains("code_challenge_method=S256", "client_id=practice-alerts-webapp");
        HttpResponse<String> signedIn = browser.follow(browser.postForm(action(login),
                Map.of("username", "admin-1", "password", "demo")));

        assertThat(signedIn.uri().toString()).as("straight back to the page asked for: %s", loginError(signedIn))
                .isEqualTo(web + "/admin");
        assertThat(signedIn.statusCode()).as("an admin by Keycloak's realm role").isEqualTo(200);
        assertThat(signedIn.body()).contains("Signed in as <span>Safeguarding Information Admin</span> (<span>admin-1</span>)");

        Matcher csrf = CSRF.matcher(signedIn.body());
        assertThat(csrf.find()).isTrue();
        HttpResponse<String> out = browser.postForm(web + "/sign-out", Map.of("_csrf", csrf.group(1)));
        assertThat(out.headers().firstValue("Location")).get().asString()
                .startsWith(idp + "/protocol/openid-connect/logout?id_token_hint=");
        HttpResponse<String> atKeycloak = browser.get(out.headers().firstValue("Location").orElseThrow());
        assertThat(atKeycloak.headers().firstValue("Location")).as("Keycloak ends its session, sends them back")
                .get().asString().startsWith(web + "/sign-in?signed-out");

        HttpResponse<String> again = browser.follow(browser.get(web + "/admin"));
        assertThat(again.uri().toString()).as("signed out at Keycloak too: asked to sign in again")
                .startsWith(idp + "/protocol/openid-connect/auth");
        assertThat(again.body()).contains("name=\"password\"");
    }

    @Test
    void aPersonWithoutTheAdminRoleInKeycloakIsRefusedAdministration() throws Exception {
        Browser browser = new Browser();
        HttpResponse<String> login = browser.follow(browser.get(web + "/admin"));

        HttpResponse<String> signedIn = browser.follow(browser.postForm(action(login),
                Map.of("username", "tm-north", "password", "demo")));

        assertThat(signedIn.uri().toString()).as(loginError(signedIn)).isEqualTo(web + "/admin");
        assertThat(signedIn.statusCode()).isEqualTo(403);
    }

    @Test
    void theAlertServiceTakesKeycloakTokensForThisProductMapsItsRolesExactlyAndAuditsTheReadUnderThePerson()
            throws Exception {
        String iro = password("iro-1");
        assertThat(call("/api/v1/alerts", iro).statusCode()).as("an IRO lists alerts").isEqualTo(200);
        assertThat(call("/api/v1/admin/read-audit", password("tm-north")).statusCode())
                .as("a team manager is no admin").isEqualTo(403);
        assertThat(call("/api/v1/alerts", clientCredentials("prometheus", "prometheus-demo-secret")).statusCode())
                .as("a token Keycloak issued to another client").isEqualTo(401);
        HttpResponse<String> audit = call("/api/v1/admin/read-audit?personId=iro-1", password("admin-1"));
        assertThat(audit.statusCode()).isEqualTo(200);
        assertThat(audit.body()).contains("\"personId\":\"iro-1\"", "\"what\":\"/api/v1/alerts\"");
    }

    private static HttpResponse<String> call(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A token for a demo person, by the public demo client's password grant (as the compose README's curl does). */
    private static String password(String user) throws Exception {
        return token("grant_type=password&client_id=practice-alerts-web&username=" + user + "&password=demo");
    }

    private static String clientCredentials(String client, String secret) throws Exception {
        return token("grant_type=client_credentials&client_id=" + client + "&client_secret=" + secret);
    }

    private static String token(String form) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(idp + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Matcher m = Pattern.compile("\"access_token\":\"([^\"]+)\"").matcher(r.body());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** What Keycloak's page says went wrong, when a sign-in stays on it (to explain a failure). */
    private static String loginError(HttpResponse<String> page) {
        Matcher m = Pattern.compile("(?s)<(?:span|div)[^>]*(?:kc-feedback-text|input-error|alert-error)[^>]*>(.{0,200}?)<")
                .matcher(page.body());
        return m.find() ? m.group(1).strip() : page.statusCode() + " " + page.uri();
    }

    private static String action(HttpResponse<String> page) {
        Matcher m = FORM_ACTION.matcher(page.body());
        assertThat(m.find()).as("a login form on %s", page.uri()).isTrue();
        return m.group(1).replace("&amp;", "&");
    }

    /** Cookies as a browser keeps them for localhost: {@code Secure} ones too, over http. */
    private static final class LocalhostCookies extends java.net.CookieHandler {
        private final CookieManager cookies = new CookieManager();

        @Override
        public Map<String, List<String>> get(URI uri, Map<String, List<String>> headers) throws IOException {
            return cookies.get(uri, headers);
        }

        @Override
        public void put(URI uri, Map<String, List<String>> headers) throws IOException {
            Map<String, List<String>> insecure = new java.util.HashMap<>();
            headers.forEach((name, values) -> insecure.put(name, name != null && name.equalsIgnoreCase("Set-Cookie")
                    ? values.stream().map(v -> v.replaceAll("(?i);\\s*Secure(?=;|$)", "")).toList() : values));
            cookies.put(uri, insecure);
        }
    }

    private static int status(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The first JDK under /usr/lib/jvm whose release file names a version at least {@code major}. */
    private static Optional<Path> javaAtLeast(int major) throws IOException {
        Path jvms = Path.of("/usr/lib/jvm");
        if (!Files.isDirectory(jvms)) {
            return Optional.empty();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> all = Files.list(jvms)) {
            all.filter(p -> Files.isRegularFile(p.resolve("release")) && Files.isExecutable(p.resolve("bin/java")))
                    .forEach(found::add);
        }
        for (Path jdk : found) {
            Matcher v = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(jdk.resolve("release")));
            if (v.find() && Integer.parseInt(v.group(1)) >= major) {
                return Optional.of(jdk);
            }
        }
        return Optional.empty();
    }

    /**
     * A browser without JavaScript: cookies kept, redirects followed one by one so each hop can be checked. As
     * browsers do for localhost, it keeps the cookies Keycloak marks {@code Secure} on plain http (Java's own cookie
     * manager would drop them, and Keycloak's login form then answers 400).
     */
    private static final class Browser {
        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new LocalhostCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        HttpResponse<String> get(String url) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String url, Map<String, String> fields) throws Exception {
            StringBuilder form = new StringBuilder();
            fields.forEach((k, v) -> form.append(form.isEmpty() ? "" : "&")
                    .append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Follows redirects (at most ten) from this answer to the page they end on. */
        HttpResponse<String> follow(HttpResponse<String> from) throws Exception {
            HttpResponse<String> at = from;
            for (int hops = 0; hops < 10 && at.statusCode() / 100 == 3; hops++) {
                URI next = at.uri().resolve(at.headers().firstValue("Location").orElseThrow());
                at = get(next.toString());
            }
            return at;
        }
    }
}
