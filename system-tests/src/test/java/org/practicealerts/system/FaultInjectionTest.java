package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.ManagedProcess;
import tools.jackson.databind.JsonNode;

/**
 * The whole embedded stack, every piece its own process, driven through its public API with the simulated clock
 * moving, while faults are injected from outside: alert-service killed mid-burst, the Kafka broker killed and
 * restarted, the SMTP server and the Teams sink failing, the escalation-service killed during its sweep, the
 * notification-service killed during a (failing) batch, MongoDB stopped and restarted, the reporting-service
 * killed. Then, from outside, the promises are checked: every accepted command (some while the broker is down) is in
 * the alert's history exactly once and on the topic once, in the alert's order; every missed deadline escalated exactly once; every notification the events call for was
 * delivered exactly once per recipient and channel; the reports equal a fresh rebuild. A summary is printed.
 *
 * <p>One round by default (CI). The long run: {@code -Dfaults.rounds=4 -Dfaults.alerts=30} (see
 * docs/resilience.md): each round raises more alerts and passes every open deadline again, so older alerts climb a
 * stage per round, and MongoDB stays down for the outage behind each round's burst.
 */
class FaultInjectionTest {

    private static final int ROUNDS = Integer.getInteger("faults.rounds", 1);
    private static final int ALERTS = Integer.getInteger("faults.alerts", 10);
    private static final int FINAL_STAGE = 4;
    /**
     * How long MongoDB stays down behind a burst: five and a half minutes, in CI too, past Kafka's default
     * {@code max.poll.interval.ms} (five minutes), so a consumer that waits out the outage on a record must keep its
     * partition without polling it away ({@code -Dfaults.mongo-outage=PT15S} for a quick local run).
     */
    private static final Duration MONGO_OUTAGE = Duration.parse(System.getProperty("faults.mongo-outage", "PT5M30S"));

    private final List<String> faults = new ArrayList<>();
    private final List<String> violations = new ArrayList<>();
    private final Map<String, Boolean> answered = new LinkedHashMap<>();
    /** The stage each alert must be at: 1, plus one for every response deadline the clock passed unanswered. */
    private final Map<String, Integer> expectedStage = new HashMap<>();
    /** Notification ids seen in the mailbox and the sink, per finished notification-service process. */
    private final Map<String, Integer> mailed = new HashMap<>();
    private final Map<String, Integer> carded = new HashMap<>();
    /** The Message-IDs each email notification arrived with. */
    private final Map<String, Set<String>> messageIds = new HashMap<>();
    private int collapsed;
    private RunningStack stack;
    private String admin;
    private String iro;
    private String tm;

    @Test
    void killsRestartsAndOutagesLoseNothingAndDoubleNothing() {
        assumeTrue(RunningStack.jarsBuilt("alert-service", "escalation-service", "notification-service",
                "reporting-service"), "service jars not built: run ./mvnw verify (system tests run after packaging)");
        try (RunningStack s = RunningStack.start("-Dpractice-alerts.policy=seed-002-cro-practice-alert")) {
            stack = s;
            admin = s.token("admin-1", "ADMIN");
            iro = s.token("iro-1", "IRO");
            tm = s.token("tm-north", "TEAM_MANAGER");
            for (int round = 1; round <= ROUNDS; round++) {
                round(round);
            }
            check();
            System.out.println(summary());
            assertThat(violations).as(summary()).isEmpty();
        }
    }

    private void round(int round) {
        // Commands while the alert-service is killed and restarted, then while the broker is.
        for (int i = 0; i < ALERTS; i++) {
            if (i == ALERTS / 3) {
                restart("alert-service", true);
            }
            if (i == 2 * ALERTS / 3) {
                ManagedProcess kafka = stack.stack().kafka();
                kafka.kill();
                // Accepted while the broker is down: the event store holds them until it is back.
                for (int d = 0; d < 2; d++) {
                    raise("R" + round + "-broker-down-" + d, d == 0);
                }
                faults.add("kafka killed (SIGKILL) mid-burst, 2 raises made while it was down, restarted");
                kafka.start().awaitReady();
            }
            raise("R" + round + "-" + i, i % 2 == 0);
        }
        // A burst, and MongoDB goes down right behind it for the outage's whole length: the escalation- and
        // notification-services meet it with the burst's events in hand, and must wait it out, never skip one.
        for (int i = 0; i < ALERTS / 2; i++) {
            raise("R" + round + "-burst-" + i, false);
        }
        ManagedProcess database = stack.stack().mongo();
        database.stop();
        faults.add("MongoDB down for " + MONGO_OUTAGE + " right behind a burst of " + ALERTS / 2 + " raises");
        Awaitility.await("MongoDB to stay down for the outage").during(MONGO_OUTAGE)
                .atMost(MONGO_OUTAGE.plusSeconds(10)).until(() -> !database.isAlive());
        database.start().awaitReady();
        // Deliveries fail from here: SMTP down, the Teams sink answering 503.
        setDeliveryFaults(true);
        faults.add("SMTP server down and Teams sink answering 503 while escalations are notified");
        // Every unanswered alert's deadline passes; the escalation-service is killed while it sweeps.
        Map<String, Instant> dues = new HashMap<>();
        Instant latestDue = Instant.EPOCH;
        for (Map.Entry<String, Boolean> a : answered.entrySet()) {
            JsonNode alert = alert(a.getKey());
            if (!a.getValue() && alert.hasNonNull("responseDueAt")) {
                Instant due = Instant.parse(alert.get("responseDueAt").asString());
                dues.put(a.getKey(), due);
                latestDue = due.isAfter(latestDue) ? due : latestDue;
            }
        }
        Instant passed = latestDue;
        dues.forEach((id, due) -> {
            if (!due.isAfter(passed)) {
                expectedStage.merge(id, 1, (stage, one) -> Math.min(FINAL_STAGE, stage + one));
            }
        });
        setClock(latestDue.plusSeconds(1));
        restart("escalation-service", true);
        // The notification-service is killed with a batch claimed and failing; its successor resumes the outage.
        // Nothing can arrive while the faults hold, so this snapshot is all the dying process received.
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> pendingDeliveries() > 0);
        takeMailboxes();
        restart("notification-service", true);
        setDeliveryFaults(true);
        // MongoDB stops (cleanly) and comes back; the reporting-service is killed.
        ManagedProcess mongo = stack.stack().mongo();
        mongo.stop();
        faults.add("MongoDB stopped, restarted");
        mongo.start().awaitReady();
        restart("reporting-service", true);
        // The outage ends; the clock moves on two hours so every backed-off retry and expired lease is due.
        setDeliveryFaults(false);
        faults.add("SMTP and Teams back");
        setClock(latestDue.plus(Duration.ofHours(2)));
    }

    private void raise(String childRef, boolean respond) {
        String body = "{\"childRef\":\"FAULT-" + childRef + "\",\"planType\":\"CHILD_WE_CARE_FOR\","
                + "\"teamId\":\"team-north\",\"primaryCategory\":\"STATUTORY_VISIT\",\"summary\":\"s\","
                + "\"impactOnChild\":\"i\",\"childsVoice\":\"v\"}";
        RunningStack.Answer raised = stack.call("alert-service", "POST", "/api/v1/alerts", iro, body);
        if (raised.status() != 201) {
            return; // not accepted (a service was down): the client would retry; nothing is promised for it
        }
        String id = raised.json().get("id").asString();
        boolean responded = respond && stack.call("alert-service", "POST", "/api/v1/alerts/" + id + "/responses", tm,
                "{\"response\":\"on it\"}").status() == 200;
        answered.put(id, responded);
        expectedStage.put(id, 1);
    }

    private void restart(String service, boolean kill) {
        ManagedProcess p = stack.stack().service(service).orElseThrow();
        if (kill) {
            p.kill();
        } else {
            p.stop();
        }
        faults.add(service + (kill ? " killed (SIGKILL)" : " stopped") + ", restarted");
        p.start().awaitReady();
    }

    private void setClock(Instant to) {
        RunningStack.Answer a = stack.call("alert-service", "POST", "/api/v1/admin/clock", admin,
                "{\"setTo\":\"" + to + "\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private void setDeliveryFaults(boolean on) {
        RunningStack.Answer a = stack.call("notification-service", "POST", "/dev/faults", admin,
                "{\"smtpDown\":" + on + ",\"teamsStatus\":" + (on ? 503 : 202) + "}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private int pendingDeliveries() {
        int pending = 0;
        for (String id : answered.keySet()) {
            for (JsonNode row : deliveries(id)) {
                pending += row.get("state").asString().equals("SENT") ? 0 : 1;
            }
        }
        return pending;
    }

    /** Adds what the running notification-service's mailbox and sink hold, before that process goes away. */
    private void takeMailboxes() {
        for (JsonNode m : count(stack.call("notification-service", "GET", "/dev/mail?limit=10000", admin, null),
                mailed)) {
            messageIds.computeIfAbsent(m.path("id").asString("(no id)"), k -> new HashSet<>())
                    .add(m.path("messageId").asString("(none)"));
        }
        count(stack.call("notification-service", "GET", "/dev/teams-sink?limit=10000", admin, null), carded);
    }

    private static JsonNode count(RunningStack.Answer a, Map<String, Integer> into) {
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        JsonNode received = a.json();
        for (JsonNode m : received) {
            String id = m.path("id").asString(null);
            into.merge(id == null ? "(no id)" : id, 1, Integer::sum);
        }
        return received;
    }

    private JsonNode alert(String id) {
        RunningStack.Answer a = stack.call("alert-service", "GET", "/api/v1/alerts/" + id, iro, null);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        return a.json();
    }

    private JsonNode deliveries(String alertId) {
        RunningStack.Answer a = stack.call("notification-service", "GET", "/api/v1/alerts/" + alertId
                + "/notifications", admin, null);
        return a.ok() ? a.json() : EMPTY;
    }

    private static final JsonNode EMPTY = org.practicealerts.events.EventJson.mapper().createArrayNode();

    // ---- the promises, checked from outside ----

    private int commands;
    private int events;
    private int escalations;
    private int expectedNotifications;

    private void check() {
        Map<String, List<String>> stored = new LinkedHashMap<>();
        Map<String, Set<String>> expectedDeliveries = new TreeMap<>();
        // Escalations and notifications settle once the services have caught up.
        try {
            Awaitility.await("every alert at its expected stage").atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> answered.keySet().stream()
                            .allMatch(id -> alert(id).get("stage").asInt() == expectedStage.get(id)));
        } catch (ConditionTimeoutException e) {
            violations.add("escalation did not settle: " + e.getMessage());
        }
        for (Map.Entry<String, Boolean> a : answered.entrySet()) {
            JsonNode alert = alert(a.getKey());
            List<String> ids = new ArrayList<>();
            Map<String, Integer> types = new TreeMap<>();
            for (JsonNode h : alert.get("history")) {
                ids.add(h.get("eventId").asString());
                types.merge(h.get("type").asString(), 1, Integer::sum);
                for (JsonNode r : h.path("event").path("recipients")) {
                    expectedDeliveries.computeIfAbsent(h.get("eventId").asString(), k -> new HashSet<>())
                            .add(r.get("personId").asString());
                }
            }
            stored.put(a.getKey(), ids);
            events += ids.size();
            commands += 1 + (a.getValue() ? 1 : 0);
            if (new HashSet<>(ids).size() != ids.size()) {
                violations.add(a.getKey() + ": an event is in the history twice " + ids);
            }
            expect(a.getKey(), "AlertRaised", types, 1);
            expect(a.getKey(), "ResponseRecorded", types, a.getValue() ? 1 : 0);
            expect(a.getKey(), "StageEscalated", types, expectedStage.get(a.getKey()) - 1);
            if (alert.get("stage").asInt() != expectedStage.get(a.getKey())) {
                violations.add(a.getKey() + ": at stage " + alert.get("stage").asInt() + ", expected "
                        + expectedStage.get(a.getKey()));
            }
            escalations += types.getOrDefault("StageEscalated", 0);
        }
        Map<String, List<String>> published = TopicReader.published(stack.stack().kafkaBootstrapServers(),
                answered.keySet(), events, Duration.ofSeconds(120));
        // Once each after de-duplication, in the alert's own order (the topic is keyed by alert).
        stored.forEach((id, ids) -> {
            if (!published.getOrDefault(id, List.of()).equals(ids)) {
                violations.add(id + ": stored " + ids + " but published " + published.get(id));
            }
        });
        checkNotifications(expectedDeliveries);
        checkReports();
    }

    private void expect(String alertId, String type, Map<String, Integer> types, int count) {
        if (types.getOrDefault(type, 0) != count) {
            violations.add(alertId + ": " + types.getOrDefault(type, 0) + " " + type + ", expected " + count);
        }
    }

    /** Every (event, recipient) the events name was delivered by email and Teams (demo preference BOTH), once. */
    private void checkNotifications(Map<String, Set<String>> expected) {
        Set<String> wanted = new HashSet<>();
        expected.forEach((eventId, people) -> people.forEach(p -> {
            wanted.add(eventId + ":" + p + ":EMAIL");
            wanted.add(eventId + ":" + p + ":TEAMS");
        }));
        expectedNotifications = wanted.size();
        try {
            Awaitility.await("every delivery SENT").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> pendingDeliveries() == 0);
        } catch (ConditionTimeoutException e) {
            violations.add("deliveries did not settle: " + pendingDeliveries() + " not SENT");
        }
        Set<String> logged = new HashSet<>();
        for (String alertId : answered.keySet()) {
            for (JsonNode row : deliveries(alertId)) {
                String id = row.get("id").asString();
                logged.add(id);
                if (!row.get("state").asString().equals("SENT")) {
                    violations.add(id + " is " + row.get("state").asString() + " after the outage: "
                            + row.path("lastError").asString(""));
                }
            }
        }
        for (String w : wanted) {
            if (!logged.contains(w)) {
                violations.add("no delivery for " + w);
            }
        }
        takeMailboxes();
        for (String w : wanted) {
            boolean email = w.endsWith(":EMAIL");
            int copies = (email ? mailed : carded).getOrDefault(w, 0);
            if (email && copies > 1 && messageIds.get(w).size() == 1) {
                // The SMTP server stored it but its reply was lost when it stopped: the retry's copy has the same
                // Message-ID, which the recipient's mail system collapses into one.
                collapsed += copies - 1;
            } else if (copies != 1) {
                violations.add(w + " arrived " + copies + " times"
                        + (email ? " with Message-IDs " + messageIds.getOrDefault(w, Set.of()) : ""));
            }
        }
    }

    /** The live projection equals a rebuild from the beginning of the topic. */
    private void checkReports() {
        String viewer = stack.token("viewer-1", "REPORT_VIEWER");
        String path = "/api/v1/reports/central-log";
        try {
            Awaitility.await("reports have every alert").atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofSeconds(1)).until(() -> {
                        RunningStack.Answer a = stack.call("reporting-service", "GET", path, viewer, null);
                        return a.ok() && countRows(a.json()) >= answered.size();
                    });
        } catch (ConditionTimeoutException e) {
            violations.add("reports never showed every alert");
        }
        String live = stack.call("reporting-service", "GET", path, viewer, null).body();
        RunningStack.Answer rebuild = stack.call("reporting-service", "POST", "/api/v1/admin/rebuild", admin, null);
        if (rebuild.status() != 202) {
            violations.add("rebuild refused: " + rebuild.status() + " " + rebuild.body());
            return;
        }
        Awaitility.await("rebuild done").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    JsonNode st = stack.call("reporting-service", "GET", "/api/v1/admin/status", admin, null).json();
                    return !st.get("rebuilding").asBoolean() && st.get("caughtUp").asBoolean();
                });
        String rebuilt = stack.call("reporting-service", "GET", path, viewer, null).body();
        if (!live.equals(rebuilt)) {
            violations.add("the central log after a rebuild differs from the live one");
        }
    }

    private static int countRows(JsonNode log) {
        JsonNode rows = log.isArray() ? log : log.path("rows");
        return rows.size();
    }

    private String summary() {
        int mails = mailed.values().stream().mapToInt(Integer::intValue).sum();
        int cards = carded.values().stream().mapToInt(Integer::intValue).sum();
        StringBuilder s = new StringBuilder("\n==== fault injection: ").append(ROUNDS).append(" round(s), ")
                .append(ALERTS).append(" alerts per round ====\n");
        s.append("faults injected (").append(faults.size()).append("):\n");
        faults.forEach(f -> s.append("  - ").append(f).append('\n'));
        s.append("commands accepted: ").append(commands).append(" (").append(answered.size()).append(" raised)\n");
        s.append("events stored:     ").append(events).append('\n');
        s.append("escalations:       ").append(escalations).append('\n');
        s.append("notifications:     ").append(expectedNotifications).append(" expected, ").append(mails)
                .append(" emails and ").append(cards).append(" Teams cards received (")
                .append(collapsed).append(" email copies re-sent after a lost SMTP reply, same Message-ID)\n");
        s.append("violations:        ").append(violations.size()).append('\n');
        violations.stream().limit(30).forEach(v -> s.append("  ! ").append(v).append('\n'));
        return s.toString();
    }
}
