package org.practicealerts.support;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Runs after authentication: a caller the directory has deactivated gets 401, on their very next request. */
final class DeactivatedPeopleFilter implements WebFilter {

    private final PeopleStatus status;

    DeactivatedPeopleFilter(PeopleStatus status) {
        this.status = status;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(Authentication::isAuthenticated)
                .flatMap(auth -> Mono.fromCallable(() -> status.deactivated(auth.getName()))
                        .subscribeOn(Schedulers.boundedElastic()))
                .defaultIfEmpty(false)
                .flatMap(off -> off
                        ? ProblemResponses.write(exchange, HttpStatus.UNAUTHORIZED, "Unauthorized",
                                "this person is no longer active in the directory")
                        : chain.filter(exchange));
    }
}
