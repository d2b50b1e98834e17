package org.practicealerts.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/**
 * Stands in for a Spring Boot service in {@link EmbeddedStackTest}: packed into
 * {@code <repo>/fake-service/target/fake-service.jar}, it prints the environment the stack hands to
 * services and answers {@code /actuator/health} with {@code {"status":"UP"}}.
 */
public final class FakeService {

    public static final String STOPPED_LINE = "FAKE SERVICE STOPPED";

    private FakeService() {
    }

    public static void main(String[] args) throws IOException {
        for (String name : new String[] {"KAFKA_BOOTSTRAP_SERVERS", "MONGODB_URI", "SERVER_PORT", "EMBEDDED_DATA_DIR"}) {
            System.out.println(name + "=" + System.getenv(name));
        }
        System.out.println("args=" + String.join(" ", args));
        HttpServer server = HttpServer.create(
                new InetSocketAddress("localhost", Integer.parseInt(System.getenv("SERVER_PORT"))), 0);
        server.createContext("/actuator/health", exchange -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop(0);
            System.out.println(STOPPED_LINE);
            System.out.flush();
        }));
        server.start();
        System.out.flush();
    }
}
