package org.practicealerts.system;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.practicealerts.events.EventJson;
import tools.jackson.databind.JsonNode;

/** Talks to a running alert-service as a person would: dev token, then the public REST API. Loopback only. */
final class StackClient {

    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    StackClient(String base) {
        if (!URI.create(base).getHost().matches("localhost|127\\.0\\.0\\.1")) {
            throw new IllegalArgumentException("system tests only talk to loopback");
        }
        this.base = base;
    }

    /** Raises an alert as iro-1; returns its id, or null when the service did not accept it. */
    String raise(String childRef) {
        return raise(childRef, null);
    }

    /** Raises an alert under the named procedure (null: the one that applies). */
    String raise(String childRef, String procedure) {
        return raise(childRef, procedure, null);
    }

    /** Raises an alert under the named procedure with this urgency (null: routine). */
    String raise(String childRef, String procedure, String urgency) {
        String body = "{" + (procedure == null ? "" : "\"procedure\":\"" + procedure + "\",")
                + (urgency == null ? "" : "\"urgency\":\"" + urgency + "\",")
                + "\"childRef\":\"" + childRef + "\",\"planType\":\"CHILD_WE_CARE_FOR\",\"teamId\":\"team-north\","
                + "\"primaryCategory\":\"STATUTORY_VISIT\",\"summary\":\"s\",\"impactOnChild\":\"i\",\"childsVoice\":\"v\"}";
        JsonNode r = send("iro-1", "POST", "/api/v1/alerts", body, 201);
        return r == null ? null : r.get("id").asString();
    }

    boolean respond(String alertId) {
        return send("tm-north", "POST", "/api/v1/alerts/" + alertId + "/responses", "{\"response\":\"on it\"}", 200)
                != null;
    }

    /** The raiser (iro-1) progresses an alert whose deadline passed, under a procedure that has them do so. */
    boolean escalateMissedDeadline(String alertId) {
        return send("iro-1", "POST", "/api/v1/alerts/" + alertId + "/escalations", "{\"reason\":\"DEADLINE_MISSED\"}",
                200) != null;
    }

    /** The alert's whole record, as its raiser sees it. */
    JsonNode alert(String alertId) {
        return send("iro-1", "GET", "/api/v1/alerts/" + alertId, null, 200);
    }

    /** Moves the shared simulated clock (embedded default only). */
    void setClock(java.time.Instant to) {
        send("admin-1", "POST", "/api/v1/admin/clock", "{\"setTo\":\"" + to + "\"}", 200);
    }

    /** GET on another service of the stack, as admin-1 (tokens are shared by the embedded stack). */
    JsonNode adminGet(String otherBase, String path) {
        return getAs(otherBase, "admin-1", path);
    }

    /** GET on another service of the stack as this person; null unless it answers 200. */
    JsonNode getAs(String otherBase, String person, String path) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(otherBase + path))
                    .header("Authorization", "Bearer " + token(person)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? EventJson.mapper().readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Fetches and keeps the tokens of these people (e.g. before the alert-service is stopped). */
    void login(String... people) throws IOException, InterruptedException {
        for (String p : people) {
            token(p);
        }
    }

    /** The alert's event ids in order, from its history. */
    List<String> history(String alertId) {
        JsonNode r = send("iro-1", "GET", "/api/v1/alerts/" + alertId, null, 200);
        List<String> ids = new ArrayList<>();
        r.get("history").forEach(h -> ids.add(h.get("eventId").asString()));
        return ids;
    }

    private JsonNode send(String person, String method, String path, String body, int expected) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token(person)).header("Content-Type", "application/json");
            b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + r.statusCode() + ": " + r.body());
            }
            return EventJson.mapper().readTree(r.body());
        } catch (IOException e) {
            return null; // not accepted: the service was down
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String token(String person) throws IOException, InterruptedException {
        String t = tokens.get(person);
        if (t == null) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/dev/token?personId=" + person))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            t = EventJson.mapper().readTree(r.body()).get("access_token").asString();
            tokens.put(person, t);
        }
        return t;
    }
}
