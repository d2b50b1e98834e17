package org.practicealerts.web.pages;

import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.signin.SignedIn;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** What every page shows: the council's brand and marking, who is signed in, and the CSRF token for its forms. */
@ControllerAdvice
public class PageModel {

    private final WebAppProperties props;

    public PageModel(WebAppProperties props) {
        this.props = props;
    }

    @ModelAttribute("council")
    WebAppProperties council() {
        return props;
    }

    @ModelAttribute("me")
    Mono<SignedIn> me() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .filter(SignedIn.class::isInstance).cast(SignedIn.class);
    }

    /** A page shown again because the service refused what was sent: answered with the refusal's status. */
    static Mono<Void> refused(ServerWebExchange exchange, org.practicealerts.web.api.Problem problem) {
        exchange.getResponse().setStatusCode(org.springframework.http.HttpStatus.valueOf(problem.status()));
        return Mono.empty();
    }

    @ModelAttribute("_csrf")
    Mono<CsrfToken> csrf(ServerWebExchange exchange) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        return token == null ? Mono.empty() : token;
    }
}
