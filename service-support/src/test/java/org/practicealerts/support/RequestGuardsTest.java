package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicealerts.embedded.EmbeddedMongoServer;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** The two guards every service runs after authentication: per-person rate limits and the read audit. */
class RequestGuardsTest {

    static EmbeddedMongoServer server;
    static MongoClient client;
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    private final AtomicInteger served = new AtomicInteger();
    private final WebFilterChain chain = exchange -> Mono.fromRunnable(served::incrementAndGet);

    @BeforeAll
    static void start() {
        server = EmbeddedMongoServer.inMemory().start(0);
        client = MongoClients.create(server.connectionString());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    private static MockServerWebExchange run(WebFilter filter, WebFilterChain chain, String person,
                                             MockServerHttpRequest request) {
        MockServerWebExchange exchange = MockServerWebExchange.from(request);
        filter.filter(exchange, chain).contextWrite(ReactiveSecurityContextHolder.withAuthentication(
                new TestingAuthenticationToken(person, "n/a", "ROLE_TEAM_MANAGER"))).block(Duration.ofSeconds(10));
        return exchange;
    }

    private static MockServerHttpRequest command() {
        return MockServerHttpRequest.post("/api/v1/alerts/5f0e8c1a-1111-4a6e-9a55-2a9d1c3e7b10/notes").build();
    }

    @Test
    void aPersonOverTheirChangesAMinuteGets429WithRetryAfterAndNothingIsServedWhileOthersCarryOn() {
        RateLimitFilter limits = new RateLimitFilter(new RateLimitProperties(3, 2, true));
        for (int i = 0; i < 3; i++) {
            assertThat(run(limits, chain, "tm-north", command()).getResponse().getStatusCode()).isNull();
        }

        MockServerWebExchange refused = run(limits, chain, "tm-north", command());

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        assertThat(Integer.parseInt(refused.getResponse().getHeaders().getFirst("Retry-After"))).isBetween(1, 60);
        assertThat(refused.getResponse().getBodyAsString().block()).contains("too many changes");
        assertThat(served).hasValue(3);
        run(limits, chain, "tm-south", command());
        assertThat(served).hasValue(4);
    }

    @Test
    void downloadsAreCountedApartFromChangesAndJsonReadsAreNotLimited() {
        RateLimitFilter limits = new RateLimitFilter(new RateLimitProperties(1, 2, true));
        MockServerHttpRequest csv = MockServerHttpRequest.get("/api/v1/alerts?format=csv").build();
        MockServerHttpRequest pack = MockServerHttpRequest.get("/api/v1/reports/weekly").build();
        MockServerHttpRequest list = MockServerHttpRequest.get("/api/v1/alerts").build();

        run(limits, chain, "sm-north", csv);
        run(limits, chain, "sm-north", command());
        assertThat(run(limits, chain, "sm-north", pack).getResponse().getStatusCode()).isNull();
        assertThat(run(limits, chain, "sm-north", pack).getResponse().getStatusCode())
                .isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
        for (int i = 0; i < 10; i++) {
            run(limits, chain, "sm-north", list);
        }
        assertThat(served).hasValue(13);
    }

    @Test
    void everyReadOfTheApiIsAuditedWithItsAlertChildAndFormatBeforeItIsServed() {
        MongoDatabase db = client.getDatabase("audit_" + System.nanoTime());
        ReadAudit audit = new ReadAudit(db, "reporting-service", Duration.ofDays(730));
        ReadAuditFilter filter = new ReadAuditFilter(audit, CLOCK);
        WebFilterChain seesItsAudit = exchange -> Mono.fromRunnable(() -> {
            assertThat(audit.find("sm-north", null, null, null, null, 10)).isNotEmpty();
            served.incrementAndGet();
        });

        run(filter, seesItsAudit, "sm-north", MockServerHttpRequest
                .get("/api/v1/reports/children/MOSAIC-1/chronology?format=html").build());
        run(filter, chain, "sm-north", MockServerHttpRequest
                .get("/api/v1/alerts/5f0e8c1a-1111-4a6e-9a55-2a9d1c3e7b10").build());
        run(filter, chain, "sm-north", command());
        run(filter, chain, "sm-north", MockServerHttpRequest.get("/actuator/health").build());

        List<ReadAudit.Read> reads = audit.find("sm-north", null, null, null, null, 10);
        assertThat(served).hasValue(4);
        assertThat(reads).extracting(ReadAudit.Read::what).containsExactlyInAnyOrder(
                "/api/v1/reports/children/MOSAIC-1/chronology", "/api/v1/alerts/5f0e8c1a-1111-4a6e-9a55-2a9d1c3e7b10");
        assertThat(audit.find(null, null, "MOSAIC-1", null, null, 10)).singleElement().satisfies(r -> {
            assertThat(r.format()).isEqualTo("html");
            assertThat(r.service()).isEqualTo("reporting-service");
            assertThat(r.at()).isEqualTo(CLOCK.instant());
        });
        assertThat(audit.find(null, "5f0e8c1a-1111-4a6e-9a55-2a9d1c3e7b10", null, null, null, 10)).hasSize(1);
    }

    @Test
    void aReadThatCannotBeAuditedIsRefusedNotServed() {
        MongoClient closed = MongoClients.create(server.connectionString());
        ReadAudit audit = new ReadAudit(closed.getDatabase("audit_closed"), "alert-service", Duration.ofDays(1));
        closed.close();

        MockServerWebExchange refused = run(new ReadAuditFilter(audit, CLOCK), chain, "tm-north",
                MockServerHttpRequest.get("/api/v1/alerts").build());

        assertThat(refused.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(served).hasValue(0);
    }
}
