package org.practicealerts.support;

import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Runs after authorisation: a permitted read of the API ({@code GET} under {@code /api/}) is written to the
 * {@link ReadAudit} before it is served. If the audit cannot be written, the read is refused (503): children's data is
 * not read without a trace.
 */
final class ReadAuditFilter implements WebFilter {

    private static final Pattern ALERT_IN_PATH = Pattern.compile("/alerts/([0-9a-fA-F-]{36})(?:/|$)");
    private static final Pattern CHILD_IN_PATH = Pattern.compile("/children/([^/]+)(?:/|$)");

    private final ReadAudit audit;
    private final Clock clock;

    ReadAuditFilter(ReadAudit audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().pathWithinApplication().value();
        if (exchange.getRequest().getMethod() != HttpMethod.GET || !path.startsWith("/api/")) {
            return chain.filter(exchange);
        }
        MultiValueMap<String, String> query = exchange.getRequest().getQueryParams();
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(auth -> Mono.fromRunnable(() -> audit.record(auth.getName(), clock.instant(), path,
                                first(ALERT_IN_PATH, path, query.getFirst("alertId")),
                                first(CHILD_IN_PATH, path, query.getFirst("childRef")), query.getFirst("format")))
                        .subscribeOn(Schedulers.boundedElastic()).thenReturn(true))
                .onErrorResume(e -> Mono.just(false))
                .defaultIfEmpty(true)
                .flatMap(written -> written ? chain.filter(exchange)
                        : ProblemResponses.write(exchange, HttpStatus.SERVICE_UNAVAILABLE, "Service Unavailable",
                                "the read could not be audited; try again shortly"));
    }

    private static String first(Pattern inPath, String path, String inQuery) {
        Matcher m = inPath.matcher(path);
        return m.find() ? m.group(1) : inQuery;
    }
}
