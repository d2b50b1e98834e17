package org.practicealerts.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.EmbeddedStack;
import org.practicealerts.embedded.ServiceSpec;
import org.practicealerts.events.EventJson;
import org.practicealerts.events.PracticeEvent;

/**
 * The embedded stack as users run it, every piece its own process. The alert-service and then the Kafka broker are
 * killed with SIGKILL between bursts of work and restarted: every accepted command's events still reach the topic,
 * once after de-duplication, in each alert's order.
 */
class EmbeddedStackRestartTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final String TOPIC = "practice-alerts.alert-events";

    @Test
    void killingTheServiceAndTheBrokerLosesAndDuplicatesNoEvent() throws Exception {
        assumeTrue(Files.exists(REPO.resolve("alert-service/target/alert-service.jar")),
                "alert-service jar not built: run ./mvnw verify (system tests run after packaging)");
        int port = freePort();
        Path data = Files.createTempDirectory("practice-alerts-system");
        EmbeddedStack.Options options = EmbeddedStack.options().dataDir(data).repoDir(REPO).kafkaPort(0).mongoPort(0)
                .services(List.of(ServiceSpec.of("alert-service", port)))
                .out(new PrintStream(OutputStream.nullOutputStream()));
        try (EmbeddedStack stack = new EmbeddedStack(options).start()) {
            StackClient api = new StackClient("http://localhost:" + port);
            List<String> accepted = new ArrayList<>();

            burst(api, accepted, "A", 15);
            stack.service("alert-service").orElseThrow().kill();
            stack.service("alert-service").orElseThrow().start().awaitReady();

            burst(api, accepted, "B", 15);
            stack.kafka().kill();
            burst(api, accepted, "C", 10); // accepted while the broker is down: the event store holds them
            stack.kafka().start().awaitReady();

            burst(api, accepted, "D", 10);
            Map<String, List<String>> stored = new LinkedHashMap<>();
            for (String id : accepted) {
                stored.put(id, api.history(id));
            }
            assertThat(stored.values().stream().mapToInt(List::size).sum()).isEqualTo(accepted.size() * 2);

            // Generous: after a broker outage the publisher's retry backoff can reach a minute on a slow machine.
            Map<String, List<String>> published = TopicReader.published(stack.kafkaBootstrapServers(),
                    new HashSet<>(accepted), stored.values().stream().mapToInt(List::size).sum(),
                    Duration.ofSeconds(240));
            if (!published.equals(stored)) {
                diagnose(stack, stored, published);
            }
            assertThat(published).isEqualTo(stored);
        }
    }

    private static void burst(StackClient api, List<String> accepted, String tag, int n) {
        for (int i = 0; i < n; i++) {
            String id = api.raise("SYS-" + tag + "-" + i);
            if (id != null && api.respond(id)) {
                accepted.add(id);
            }
        }
        assertThat(accepted).as("commands accepted in burst " + tag).isNotEmpty();
    }

    /** What a failure needs to be understood on a CI machine: which events are missing, and the processes' logs. */
    private static void diagnose(EmbeddedStack stack, Map<String, List<String>> stored,
                                 Map<String, List<String>> published) {
        stored.forEach((id, events) -> {
            List<String> got = published.getOrDefault(id, List.of());
            if (!got.equals(events)) {
                System.err.printf("alert %s: stored %s, published %s%n", id, events, got);
            }
        });
        System.err.println("---- alert-service log tail ----");
        System.err.println(stack.service("alert-service").orElseThrow().logTail(120));
        System.err.println("---- kafka log tail ----");
        System.err.println(stack.kafka().logTail(60));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
