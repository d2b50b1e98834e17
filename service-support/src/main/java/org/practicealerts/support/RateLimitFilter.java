package org.practicealerts.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Runs after authentication: a person over their limit of commands or exports a minute (a token bucket each, Bucket4j)
 * gets 429 with {@code Retry-After}, and the request changes nothing.
 */
final class RateLimitFilter implements WebFilter {

    enum Kind { COMMAND, EXPORT }

    private static final Set<String> DOCUMENT_FORMATS = Set.of("csv", "xlsx", "html");

    private final RateLimitProperties limits;
    private final Cache<String, Bucket> buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000).build();

    RateLimitFilter(RateLimitProperties limits) {
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Kind kind = kindOf(exchange);
        if (kind == null) {
            return chain.filter(exchange);
        }
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .map(auth -> Optional.of(bucket(auth.getName(), kind).tryConsumeAndReturnRemaining(1)))
                // (an Optional, not switchIfEmpty: the chain's own Mono<Void> completes empty too)
                .defaultIfEmpty(Optional.empty())
                .flatMap(probe -> probe.isEmpty() || probe.get().isConsumed() ? chain.filter(exchange)
                        : refuse(exchange, kind, probe.get()));
    }

    static Kind kindOf(ServerWebExchange exchange) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (!path.startsWith("/api/")) {
            return null;
        }
        HttpMethod method = exchange.getRequest().getMethod();
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH
                || method == HttpMethod.DELETE) {
            return Kind.COMMAND;
        }
        String format = exchange.getRequest().getQueryParams().getFirst("format");
        boolean document = format != null && DOCUMENT_FORMATS.contains(format.toLowerCase(java.util.Locale.ROOT));
        return method == HttpMethod.GET && (document || path.startsWith("/api/v1/reports/")) ? Kind.EXPORT : null;
    }

    private Bucket bucket(String person, Kind kind) {
        int perMinute = kind == Kind.COMMAND ? limits.commandsPerMinute() : limits.exportsPerMinute();
        return buckets.get(kind + ":" + person, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build());
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, Kind kind, ConsumptionProbe probe) {
        long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
        return ProblemResponses.write(exchange, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                (kind == Kind.COMMAND ? "too many changes" : "too many reports and downloads")
                        + " in a minute; try again in " + seconds + " s");
    }
}
