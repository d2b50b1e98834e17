package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.practicealerts.embedded.EmbeddedStack;
import org.practicealerts.embedded.Ports;
import org.practicealerts.embedded.ServiceSpec;
import tools.jackson.databind.JsonNode;

/**
 * The services as users run them, each its own process, with the simulated clock: an unanswered alert escalates
 * stage by stage at each deadline until the final stage, each stage's people are told by email once, and the
 * central log reports it; a response in time stops it; an escalation fired while the alert-service is down is
 * applied when it returns. One scenario code, two infrastructures: the embedded
 * stand-ins ({@link EmbeddedEndToEndTest}) and real Kafka and MongoDB ({@link ContainersEndToEndTest}); the
 * services get either by configuration alone.
 *
 * <p>One stack per class runs all four presets side by side (as a council running several procedures does), each
 * raise naming its procedure; the scenarios run one after another on its simulated clock, which only moves forward,
 * and the one that stops the alert-service runs last.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class EndToEndScenarios {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** Firing precision asserted end to end: sweeper (≤ 500 ms idle wait) + Kafka + the alert-service. */
    private static final Duration PRECISION = Duration.ofSeconds(2);

    /** What the services run on: started per stack, given to the stack as options, closed after it. */
    interface Infrastructure extends AutoCloseable {
        EmbeddedStack.Options apply(EmbeddedStack.Options options);

        @Override
        void close();
    }

    /** Starts fresh infrastructure for one stack. */
    abstract Infrastructure infrastructure();

    /**
     * Who must be told when an alert raised by iro-1 (Independent Reviewing Service) about a child in team-north
     * enters each stage, by preset: the stage's responder and the people the procedure names, resolved by hand from
     * the demo directory (an oracle independent of the alert-service's own resolution).
     */
    static final Map<String, List<Set<String>>> TOLD = Map.of(
            "seed-000-cpc-urgent-practice", List.of(Set.of("tm-north"), Set.of("irs-sm", "sm-north"),
                    Set.of("irs-sm", "sm-north", "tm-north"), Set.of("irs-hos", "hos-children"),
                    Set.of("irs-hos", "sd-children", "hos-children")),
            "seed-001-case-alert", List.of(Set.of("tm-north", "irs-tm"), Set.of("sm-north", "irs-tm", "ad-children"),
                    Set.of("ad-children", "irs-tm", "irs-sm"), Set.of("dcs", "irs-tm", "irs-sm")),
            "seed-002-cro-practice-alert", List.of(Set.of("tm-north"), Set.of("sm-north", "irs-sm"),
                    Set.of("hos-children", "irs-sm", "irs-hos"),
                    Set.of("ad-children", "irs-sm", "irs-hos", "ad-sqp", "dcs")),
            "seed-003-cp-resolution", List.of(Set.of("tm-north"), Set.of("sm-north", "tm-north"),
                    Set.of("hos-children", "sm-north", "irs-hos"), Set.of("sd-children", "hos-children")));

    record Stack(EmbeddedStack stack, Infrastructure infra, StackClient alerts, String escalationBase,
                 String notificationBase, String reportingBase) implements AutoCloseable {
        @Override
        public void close() {
            try {
                stack.close();
            } finally {
                infra.close();
            }
        }
    }

    private Stack s;

    @BeforeAll
    void startTheStack() throws IOException {
        s = start(List.copyOf(new TreeSet<>(TOLD.keySet())));
    }

    @AfterAll
    void stopTheStack() {
        if (s != null) {
            s.close();
        }
    }

    /** A stack whose alert-service runs these procedures, each for every officer and plan type. */
    Stack start(List<String> policies) throws IOException {
        assumeTrue(RunningStack.jarsBuilt("alert-service", "escalation-service", "notification-service",
                        "reporting-service"),
                "service jars not built: run ./mvnw verify (system tests run after packaging)");
        int alertPort = freePort();
        int escalationPort = freePort();
        int notificationPort = freePort();
        int reportingPort = freePort();
        List<String> jvm = new ArrayList<>(List.of("-Xmx384m"));
        for (int i = 0; i < policies.size(); i++) {
            jvm.add("-Dpractice-alerts.procedures[" + i + "].policy=" + policies.get(i));
        }
        Infrastructure infra = infrastructure();
        EmbeddedStack.Options options = infra.apply(EmbeddedStack.options())
                .dataDir(Files.createTempDirectory("practice-alerts-e2e")).repoDir(REPO)
                .services(List.of(new ServiceSpec("alert-service", "alert-service", alertPort,
                                ServiceSpec.DEFAULT_HEALTH_PATH, jvm),
                        new ServiceSpec("escalation-service", "escalation-service", escalationPort,
                                ServiceSpec.DEFAULT_HEALTH_PATH, ServiceSpec.DEFAULT_JVM_ARGS),
                        new ServiceSpec("notification-service", "notification-service", notificationPort,
                                ServiceSpec.DEFAULT_HEALTH_PATH, List.of("-Xmx384m",
                                "-Dpractice-alerts.notification.embedded.smtp-port=" + freePort())),
                        new ServiceSpec("reporting-service", "reporting-service", reportingPort,
                                ServiceSpec.DEFAULT_HEALTH_PATH, ServiceSpec.DEFAULT_JVM_ARGS)))
                .out(new PrintStream(OutputStream.nullOutputStream()));
        EmbeddedStack stack = new EmbeddedStack(options);
        try {
            stack.start();
        } catch (RuntimeException e) {
            stack.close();
            infra.close();
            throw e;
        }
        return new Stack(stack, infra, new StackClient("http://localhost:" + alertPort), "http://localhost:" + escalationPort,
                "http://localhost:" + notificationPort, "http://localhost:" + reportingPort);
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"seed-000-cpc-urgent-practice", "seed-001-case-alert", "seed-002-cro-practice-alert",
            "seed-003-cp-resolution"})
    void anUnansweredAlertClimbsAtEachDeadlineTellingEachStagesPeopleOnceAndEndsWithTheLadderExhausted(String policy)
            throws Exception {
        String id = s.alerts().raise("E2E-" + policy, policy);
        String reference = s.alerts().alert(id).get("reference").asString();
        int finalStage = TOLD.get(policy).size();
        for (int stage = 1; stage <= finalStage; stage++) {
            JsonNode alert = s.alerts().alert(id);
            assertThat(alert.get("stage").asInt()).isEqualTo(stage);
            assertEveryoneToldOnce(s, reference, stage, TOLD.get(policy).get(stage - 1));
            Instant due = Instant.parse(alert.get("responseDueAt").asString());
            s.alerts().setClock(due.minusMillis(300));
            if (stage == finalStage) {
                break;
            }
            int next = stage + 1;
            if (RAISER_PROGRESSES.contains(policy)) {
                // The procedure has the raiser progress a missed deadline: they are told, then escalate.
                Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                        .until(() -> "RAISER_TO_PROGRESS".equals(text(s.alerts().alert(id), "deadlineMissed")));
                assertThat(s.alerts().alert(id).get("stage").asInt()).isEqualTo(stage);
                assertThat(s.alerts().escalateMissedDeadline(id)).isTrue();
            }
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                    .until(() -> s.alerts().alert(id).get("stage").asInt() == next);
            JsonNode entered = s.alerts().alert(id).get("stages").get(next - 1);
            assertThat(entered.get("reason").asString()).isEqualTo("DEADLINE_MISSED");
            Instant escalatedAt = Instant.parse(entered.get("enteredAt").asString());
            if (RAISER_PROGRESSES.contains(policy)) {
                assertThat(entered.get("enteredBy").asString()).isEqualTo("iro-1");
                assertThat(escalatedAt).as("stage %d progressed after its deadline", stage).isAfterOrEqualTo(due);
            } else {
                assertThat(escalatedAt).as("stage %d escalated at its deadline", stage)
                        .isBetween(due, due.plus(PRECISION));
            }
        }
        // The final stage's deadline passes: there is no higher stage, so the ladder is recorded as exhausted
        // (the raiser, their line, the responder and the top of the responder's line are told) and it stays.
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> "LADDER_EXHAUSTED".equals(text(s.alerts().alert(id), "deadlineMissed")));
        assertThat(s.alerts().alert(id).get("stage").asInt()).isEqualTo(finalStage);
        assertEveryoneToldOnce(s, "Practice alert " + reference + " reached the end of its ladder unanswered",
                Set.of("iro-1", "irs-tm", "irs-sm", "irs-hos", "dcs"));
        // ... and the central log reports it: the final stage reached, each stage's deadline missed.
        Awaitility.await("the central log shows stage " + finalStage).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    JsonNode rows = s.alerts().adminGet(s.reportingBase(),
                            "/api/v1/reports/central-log?childRef=E2E-" + policy);
                    assertThat(rows).isNotNull().hasSize(1);
                    assertThat(rows.get(0).get("reference").asString()).isEqualTo(reference);
                    assertThat(rows.get(0).get("stageReached").asInt()).isEqualTo(finalStage);
                    assertThat(rows.get(0).get("stages").size()).isEqualTo(finalStage);
                });
    }

    /** Presets whose seed has the raiser progress a missed deadline (onMissedDeadline: TELL_RAISER). */
    static final Set<String> RAISER_PROGRESSES = Set.of("seed-000-cpc-urgent-practice", "seed-003-cp-resolution");

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    @Order(2)
    @Test
    void anImmediateRiskRaisedUnderSeed000TellsBothServiceManagersOnceAtOnceUrgentlyWithEveryReason() {
        String id = s.alerts().raise("E2E-IMMEDIATE", "seed-000-cpc-urgent-practice", "IMMEDIATE_RISK");
        JsonNode alert = s.alerts().alert(id);
        String reference = alert.get("reference").asString();
        // Seed 000: an urgent alert starts at its stage 1 (the 24-hour contact by the chair service's service manager
        // with the child's service manager), and "the child protection coordinator will inform the Service Managers,
        // both Independent Chair Service and of the operational social work team immediately".
        assertThat(alert.get("stage").asInt()).isEqualTo(2);
        assertThat(alert.get("responder").get("personId").asString()).isEqualTo("irs-sm");
        assertEveryoneToldOnce(s, "URGENT \u2013 immediate risk: New practice alert " + reference + " at stage 2",
                Set.of("irs-sm", "sm-north"));
        JsonNode mail = s.alerts().adminGet(s.notificationBase(), "/dev/mail?limit=500");
        Set<String> toldOfIt = new TreeSet<>();
        mail.forEach(m -> {
            if (m.get("subject").asString().contains(reference)) {
                toldOfIt.add(m.get("to").asString());
            }
        });
        assertThat(toldOfIt).containsExactly("irs-sm@demo-council.example", "sm-north@demo-council.example");
        assertInboxSays(reference, "irs-sm", "IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER", "RESPONDER");
        assertInboxSays(reference, "sm-north", "IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER", "CHILDS_SERVICE_MANAGER");
    }

    /** The person's inbox has one urgent entry about the alert, with these reasons in this order. */
    private void assertInboxSays(String reference, String person, String... reasons) {
        Awaitility.await(person + "'s inbox").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode inbox = s.alerts().getAs(s.notificationBase(), person, "/api/v1/notifications");
                    assertThat(inbox).isNotNull();
                    List<JsonNode> entries = new ArrayList<>();
                    inbox.forEach(n -> {
                        if (n.get("title").asString().contains(reference)) {
                            entries.add(n);
                        }
                    });
                    assertThat(entries).singleElement().satisfies(n -> {
                        assertThat(n.get("urgent").asBoolean()).isTrue();
                        assertThat(n.get("urgency").asString()).isEqualTo("IMMEDIATE_RISK");
                        List<String> said = new ArrayList<>();
                        n.get("reasons").forEach(r -> said.add(r.asString()));
                        assertThat(said).containsExactly(reasons);
                    });
                });
    }

    @Order(3)
    @Test
    void aResponseInTimeStopsTheEscalationAndAnEscalationFiredWhileTheAlertServiceIsDownIsAppliedOnItsReturn()
            throws Exception {
        String answered = s.alerts().raise("E2E-ANSWERED", "seed-002-cro-practice-alert");
        String unanswered = s.alerts().raise("E2E-DOWN", "seed-002-cro-practice-alert");
        assertThat(s.alerts().respond(answered)).isTrue();
        Instant due = Instant.parse(s.alerts().alert(unanswered).get("responseDueAt").asString());
        s.alerts().login("iro-1", "admin-1");

        // The escalation-service knows the deadline (the raise has reached it through Kafka) ...
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> responseDeadline(s, unanswered).equals("PENDING"));
        // ... and the deadline falls while the alert-service is down.
        s.alerts().setClock(due.minusSeconds(3));
        s.stack().service("alert-service").orElseThrow().kill();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> responseDeadline(s, unanswered).equals("FIRED"));
        s.stack().service("alert-service").orElseThrow().start().awaitReady();

        // Applied once the restarted service rejoins its consumer group (session timeout 10 s).
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> s.alerts().alert(unanswered).get("stage").asInt() == 2);
        JsonNode a = s.alerts().alert(answered);
        assertThat(a.get("stage").asInt()).isEqualTo(1);
        assertThat(a.get("status").asString()).isEqualTo("AWAITING_JUDGEMENT");
    }

    /** The status of the alert's response deadline in the escalation-service, or "" when it has none yet. */
    private static String responseDeadline(Stack s, String alertId) {
        JsonNode d = s.alerts().adminGet(s.escalationBase(), "/api/v1/admin/deadlines?alertId=" + alertId);
        if (d != null) {
            for (JsonNode row : d) {
                if (row.get("kind").asString().equals("RESPONSE")) {
                    return row.get("status").asString();
                }
            }
        }
        return "";
    }

    /** Each person the stage must tell has exactly one email about it in the stack's mailbox. */
    private static void assertEveryoneToldOnce(Stack s, String reference, int stage, Set<String> people) {
        assertEveryoneToldOnce(s, stage == 1 ? "New practice alert " + reference + " at stage 1"
                : "Practice alert " + reference + " escalated to stage " + stage, people);
    }

    private static void assertEveryoneToldOnce(Stack s, String subject, Set<String> people) {
        Awaitility.await("'" + subject + "' mail to " + people).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                    JsonNode mail = s.alerts().adminGet(s.notificationBase(), "/dev/mail?limit=500");
                    assertThat(mail).isNotNull();
                    for (String person : people) {
                        int copies = 0;
                        for (JsonNode m : mail) {
                            if (m.get("to").asString().contains(person + "@demo-council.example")
                                    && m.get("subject").asString().equals(subject)) {
                                copies++;
                            }
                        }
                        assertThat(copies).as("%s emails to %s", subject, person).isEqualTo(1);
                    }
                });
    }

    private static int freePort() {
        return Ports.freePort();
    }
}
