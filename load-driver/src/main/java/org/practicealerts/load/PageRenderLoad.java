package org.practicealerts.load;

import java.io.PrintStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web app's page-render benchmark: signed-in users, each with their own session, loading their home page
 * (My work) and an alert page in turn for a fixed time, as fast as pages come back. Reports p50/p95/p99 per page.
 * Runs against a started embedded stack (README's first command), loopback only:
 *
 * <pre>java -cp load-driver/target/load-driver.jar org.practicealerts.load.PageRenderLoad [--web-app URL]
 *     [--alert-service URL] [--users 16] [--seconds 30] [--warmup-seconds 10]</pre>
 *
 * <p>It raises one alert (as iro-1) for the team manager to open, then signs in {@code --users} sessions
 * alternating between tm-north (the responder, whose home page lists it) and iro-1 (its raiser).
 */
public final class PageRenderLoad {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private PageRenderLoad() {
    }

    public static void main(String[] args) throws Exception {
        String web = "http://localhost:8080";
        String alerts = "http://localhost:8081";
        int users = 16;
        int seconds = 30;
        int warmup = 10;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--web-app" -> web = args[i + 1];
                case "--alert-service" -> alerts = args[i + 1];
                case "--users" -> users = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup-seconds" -> warmup = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (users < 1 || users > 64 || seconds < 1 || seconds > 600 || warmup < 0 || warmup > 300) {
            throw new IllegalArgumentException("--users 1..64, --seconds 1..600, --warmup-seconds 0..300");
        }
        System.exit(run(LoopbackGuard.requireLoopback(web).toString(), LoopbackGuard.requireLoopback(alerts).toString(),
                users, seconds, warmup, System.out));
    }

    static int run(String web, String alerts, int users, int seconds, int warmup, PrintStream out) throws Exception {
        String alertId = raiseOne(alerts);
        List<HttpClient> sessions = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            sessions.add(signIn(web, u % 2 == 0 ? "tm-north" : "iro-1"));
        }
        String[] pages = {"/", "/alerts/" + alertId};
        measure(web, sessions, pages, warmup, new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        ConcurrentLinkedQueue<Long> home = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Long> alert = new ConcurrentLinkedQueue<>();
        int errors = measure(web, sessions, pages, seconds, home, alert);
        out.println("==== web app page-render benchmark ====");
        out.printf("users=%d seconds=%d (after %d s warm-up), errors=%d%n", users, seconds, warmup, errors);
        out.println("home  (My work):  " + LatencyStats.of(toArray(home)).format());
        out.println("alert (its page): " + LatencyStats.of(toArray(alert)).format());
        out.println("=======================================");
        return errors == 0 ? 0 : 1;
    }

    /** Every session loads the pages in turn for {@code seconds}; answers the number of failed loads. */
    private static int measure(String web, List<HttpClient> sessions, String[] pages, int seconds,
                               ConcurrentLinkedQueue<Long> home, ConcurrentLinkedQueue<Long> alert)
            throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        AtomicInteger errors = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(sessions.size());
        for (HttpClient session : sessions) {
            Thread user = new Thread(() -> {
                try {
                    for (int n = 0; System.nanoTime() < end; n++) {
                        String page = pages[n % pages.length];
                        long start = System.nanoTime();
                        HttpResponse<String> r = session.send(get(web + page), HttpResponse.BodyHandlers.ofString());
                        long took = System.nanoTime() - start;
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                        (page.equals("/") ? home : alert).add(took);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                } finally {
                    done.countDown();
                }
            });
            user.setDaemon(true);
            user.start();
        }
        done.await();
        return errors.get();
    }

    private static String raiseOne(String alerts) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String token = field(http.send(HttpRequest.newBuilder(URI.create(alerts + "/dev/token?personId=iro-1"))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString()).body(),
                "access_token");
        String body = "{\"childRef\":\"BENCH-PAGE-" + System.currentTimeMillis() + "\",\"planType\":\"CHILD_WE_CARE_FOR\","
                + "\"teamId\":\"team-north\",\"primaryCategory\":\"STATUTORY_VISIT\",\"summary\":\"Benchmark.\","
                + "\"impactOnChild\":\"Benchmark.\",\"childsVoice\":\"Benchmark.\"}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(alerts + "/api/v1/alerts"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 201) {
            throw new IllegalStateException("raise refused: " + r.statusCode());
        }
        return field(r.body(), "id");
    }

    /** A session of its own (cookie jar), signed in as {@code personId} through the demo sign-in page. */
    private static HttpClient signIn(String web, String personId) throws Exception {
        HttpClient session = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
        String page = session.send(get(web + "/sign-in"), HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(page);
        if (!csrf.find()) {
            throw new IllegalStateException("no sign-in form at " + web + "/sign-in");
        }
        String form = "_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) + "&personId=" + personId;
        HttpResponse<String> r = session.send(HttpRequest.newBuilder(URI.create(web + "/sign-in"))
                .header("Accept", "text/html").header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 303) {
            throw new IllegalStateException("sign-in as " + personId + " answered " + r.statusCode());
        }
        return session;
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").timeout(Duration.ofSeconds(30))
                .GET().build();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in the answer");
        }
        return m.group(1);
    }

    private static long[] toArray(ConcurrentLinkedQueue<Long> samples) {
        return samples.stream().mapToLong(Long::longValue).toArray();
    }
}
