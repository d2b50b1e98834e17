package org.practicealerts.web.pages;

import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.api.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * A read the services refused, as a page: "Page not found" for an alert that does not exist or that this person may
 * not see (the services answer both with 404, so neither page tells which); sign in again when the token has
 * expired; otherwise the problem's title and detail.
 */
@ControllerAdvice
public class ErrorPages {

    private final WebAppProperties props;

    public ErrorPages(WebAppProperties props) {
        this.props = props;
    }

    @ExceptionHandler(ApiException.class)
    public Mono<String> refused(ApiException e, ServerWebExchange exchange, Model model) {
        model.addAttribute("council", props);
        int status = e.problem().status();
        if (status == 401) {
            return exchange.getSession().flatMap(WebSession::invalidate).thenReturn("redirect:/sign-in?expired");
        }
        exchange.getResponse().setStatusCode(HttpStatus.valueOf(status));
        if (status == 404) {
            return Mono.just("not-found");
        }
        model.addAttribute("problem", e.problem());
        return Mono.just("problem");
    }
}
