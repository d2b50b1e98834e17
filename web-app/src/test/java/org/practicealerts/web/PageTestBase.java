package org.practicealerts.web;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The web app on a random port over {@link FakeServices}, driven as a browser without JavaScript would drive it: a
 * cookie jar, no redirects followed, forms posted with the CSRF token of the page they came from.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("embedded")
abstract class PageTestBase {

    static final FakeServices SERVICES = FakeServices.get();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    Browser browser;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        registry.add("practice-alerts.web.alert-service", SERVICES::baseUrl);
        registry.add("practice-alerts.web.notification-service", SERVICES::baseUrl);
        registry.add("practice-alerts.web.reporting-service", SERVICES::baseUrl);
    }

    @BeforeEach
    void freshBrowserAndDirectory() {
        SERVICES.reset();
        browser = new Browser("http://localhost:" + port);
        SERVICES.on("POST", "/dev/token", s -> {
            String person = s.path().replaceAll(".*personId=", "");
            String roles = person.startsWith("tm") ? "TEAM_MANAGER" : person.startsWith("admin") ? "ADMIN" : "IRO";
            String token = "tok-" + person;
            return new FakeServices.Answer(200, "{\"access_token\":\"" + token + "\",\"personId\":\"" + person
                    + "\",\"roles\":[\"" + roles + "\"],\"expires_in\":28800}");
        });
        SERVICES.on("GET", "/api/v1/directory/people", 200,
                "[{\"id\":\"iro-1\",\"displayName\":\"Reviewing Officer\",\"roles\":[\"IRO\"],\"active\":true},"
                        + "{\"id\":\"tm-north\",\"displayName\":\"Team Manager North\",\"roles\":[\"TEAM_MANAGER\"],\"active\":true}]");
        SERVICES.on("GET", "/api/v1/directory/people/iro-1", 200, "{\"id\":\"iro-1\",\"displayName\":\"Reviewing Officer\"}");
        SERVICES.on("GET", "/api/v1/directory/people/admin-1", 200, "{\"id\":\"admin-1\",\"displayName\":\"Admin\"}");
        SERVICES.on("GET", "/api/v1/directory/people/tm-north", 200,
                "{\"id\":\"tm-north\",\"displayName\":\"Team Manager North\"}");
    }

    /** Signs in as a demo person, as the sign-in page's form does. */
    void signInAs(String personId) {
        Page page = browser.get("/sign-in");
        Page done = browser.post("/sign-in", page, Map.of("personId", personId));
        org.assertj.core.api.Assertions.assertThat(done.status()).isEqualTo(303);
    }

    /** A page as the browser received it. */
    record Page(int status, String body, Map<String, java.util.List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> String.join(", ", e.getValue())).orElse(null);
        }

        String csrf() {
            Matcher m = CSRF.matcher(body);
            return m.find() ? m.group(1) : null;
        }
    }

    /** A browser with cookies that follows no redirects. */
    static final class Browser {
        private final String base;
        private final HttpClient http;

        Browser(String base) {
            this.base = base;
            this.http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                    .followRedirects(HttpClient.Redirect.NEVER).build();
        }

        Page get(String path) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html").GET());
        }

        /** A GET to a full address (another server's, e.g. an identity provider's). */
        Page getAbsolute(String url) {
            return send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET());
        }

        /** Posts a form with the CSRF token of {@code from} (null posts none). */
        Page post(String path, Page from, Map<String, String> fields) {
            return post(path, from, List.copyOf(fields.entrySet()));
        }

        /** Posts a form whose fields may repeat (ticked checkboxes), with the CSRF token of {@code from}. */
        Page post(String path, Page from, List<Map.Entry<String, String>> fields) {
            List<Map.Entry<String, String>> all = new java.util.ArrayList<>(fields);
            if (from != null && from.csrf() != null) {
                all.add(Map.entry("_csrf", from.csrf()));
            }
            String form = all.stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
        }

        /** Posts a multipart form with one file, as a browser's file upload does, with the CSRF token of {@code from}. */
        Page upload(String path, Page from, Map<String, String> fields, String fileField, String fileName, byte[] file) {
            String boundary = "----test" + System.nanoTime();
            java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
            Map<String, String> all = new LinkedHashMap<>(fields);
            if (from != null && from.csrf() != null) {
                all.put("_csrf", from.csrf());
            }
            all.forEach((k, v) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + k
                    + "\"\r\n\r\n" + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                    + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            body.writeBytes(file);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/html")
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        }

        private Page send(HttpRequest.Builder request) {
            try {
                HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                return new Page(r.statusCode(), r.body(), r.headers().map());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String s) {
            return URLEncoder.encode(s, StandardCharsets.UTF_8);
        }
    }
}
