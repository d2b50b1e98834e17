package org.practicealerts.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * The services' REST APIs as the web app sees them, answering what each test sets and recording what the web app sent
 * (with which token). Started once per test JVM; tests set their answers by method and path.
 */
public final class FakeServices {

    /** An answer: status and JSON body. */
    public record Answer(int status, String json) {
    }

    /** A request the web app sent. */
    public record Sent(String method, String path, String token, String body) {
    }

    private static FakeServices instance;

    private final HttpServer server;
    private final Map<String, Function<Sent, Answer>> answers = new ConcurrentHashMap<>();
    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private volatile boolean tokensExpired;

    private FakeServices() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    public static synchronized FakeServices get() {
        if (instance == null) {
            try {
                instance = new FakeServices();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return instance;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (the path without its query) with {@code answer}. */
    public void on(String method, String path, Function<Sent, Answer> answer) {
        answers.put(method + " " + path, answer);
    }

    public void on(String method, String path, int status, String json) {
        on(method, path, s -> new Answer(status, json));
    }

    public List<Sent> sent() {
        return List.copyOf(sent);
    }

    public void reset() {
        answers.clear();
        sent.clear();
        tokensExpired = false;
    }

    /** From now on every token is refused (401), as when the tokens the web app holds have expired. */
    public void expireTokens() {
        tokensExpired = true;
    }

    private void handle(HttpExchange ex) throws IOException {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        String token = auth == null ? null : auth.replaceFirst("^Bearer ", "");
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Sent s = new Sent(ex.getRequestMethod(), ex.getRequestURI().getPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery()), token, body);
        sent.add(s);
        Function<Sent, Answer> answer = answers.get(ex.getRequestMethod() + " " + ex.getRequestURI().getPath());
        Answer a = tokensExpired && token != null ? new Answer(401, "{\"status\":401,\"title\":\"Authentication required\"}")
                : answer == null ? new Answer(404, "{\"status\":404,\"title\":\"Not found\"}") : answer.apply(s);
        byte[] out = a.json().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", a.status() >= 400 ? "application/problem+json" : "application/json");
        ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
        if (out.length > 0) {
            ex.getResponseBody().write(out);
        }
        ex.close();
    }
}
