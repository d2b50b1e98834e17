package org.practicealerts.web.signin;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicealerts.web.WebAppProperties;
import org.practicealerts.web.api.ServiceApi;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * Sign-in. In the embedded default anyone may choose a demo person from the directory (the services issue them a
 * development token); a council's deployment signs in through its identity provider instead. After signing in, the
 * person lands on the page they first asked for.
 */
@Controller
public class SignInController {

    private final ServiceApi api;
    private final WebAppProperties props;
    private final ServerSecurityContextRepository contexts;
    private final ServerRequestCache requests;
    private final Clock clock;
    private final boolean idp;

    public SignInController(ServiceApi api, WebAppProperties props, ServerSecurityContextRepository contexts,
                            ServerRequestCache requests, Clock clock,
                            ObjectProvider<ReactiveClientRegistrationRepository> idp) {
        this.api = api;
        this.props = props;
        this.contexts = contexts;
        this.requests = requests;
        this.clock = clock;
        this.idp = idp.getIfAvailable() != null;
    }

    /** A person to choose on the demo sign-in page. */
    public record DemoPerson(String id, String displayName, String roles) {
    }

    @GetMapping("/sign-in")
    public Mono<String> page(Model model) {
        if (!props.demoSignIn()) {
            // a council's deployment: its identity provider signs people in
            return Mono.just(idp ? "redirect:/oauth2/authorization/" + SecurityConfig.OIDC_REGISTRATION
                    : "sign-in-unavailable");
        }
        return demoPeople().map(people -> {
            model.addAttribute("people", people);
            return "sign-in";
        });
    }

    @PostMapping("/sign-in")
    public Mono<String> signIn(@ModelAttribute SignInForm form, ServerWebExchange exchange, Model model) {
        if (!props.demoSignIn()) {
            exchange.getResponse().setStatusCode(HttpStatus.NOT_FOUND);
            return Mono.just("sign-in-unavailable");
        }
        if (form.personId() == null || form.personId().isBlank()) {
            return refused(model, "Choose who to sign in as");
        }
        return api.devToken(form.personId())
                .flatMap(t -> signedIn(t, exchange))
                .flatMap(who -> exchange.getSession().flatMap(WebSession::changeSessionId)
                        .then(contexts.save(exchange, new SecurityContextImpl(who))))
                .then(requests.getRedirectUri(exchange).map(URI::toString).defaultIfEmpty("/"))
                .map(to -> "redirect:" + (to.startsWith("/") && !to.startsWith("//") ? to : "/"))
                .onErrorResume(WebClientResponseException.NotFound.class,
                        e -> refused(model, "There is no active person with that id in the directory"));
    }

    /** The form: which demo person. */
    public record SignInForm(String personId) {
    }

    private Mono<String> refused(Model model, String message) {
        model.addAttribute("error", message);
        return demoPeople().map(people -> {
            model.addAttribute("people", people);
            return "sign-in";
        });
    }

    @SuppressWarnings("unchecked")
    private Mono<SignedIn> signedIn(Map<String, Object> token, ServerWebExchange exchange) {
        String access = (String) token.get("access_token");
        String personId = (String) token.get("personId");
        Set<String> roles = new HashSet<>((List<String>) token.get("roles"));
        Instant expires = clock.instant().plusSeconds(((Number) token.get("expires_in")).longValue());
        return api.object(access, ServiceApi.Service.ALERTS, "/api/v1/directory/people/{id}", personId)
                .map(p -> (String) p.getOrDefault("displayName", personId))
                .map(name -> new SignedIn(personId, name, roles, access, expires));
    }

    private Mono<List<DemoPerson>> demoPeople() {
        return api.devToken(props.demoLister())
                .flatMap(t -> api.list((String) t.get("access_token"), ServiceApi.Service.ALERTS,
                        "/api/v1/directory/people"))
                .map(people -> people.stream()
                        .filter(p -> !Boolean.FALSE.equals(p.get("active")))
                        .map(p -> new DemoPerson((String) p.get("id"), (String) p.get("displayName"),
                                String.join(", ", roles(p))))
                        .sorted(Comparator.comparing(DemoPerson::roles).thenComparing(DemoPerson::id))
                        .toList());
    }

    @SuppressWarnings("unchecked")
    private static List<String> roles(Map<String, Object> person) {
        Object roles = person.get("roles");
        return roles instanceof List<?> l ? ((List<Object>) l).stream().map(String::valueOf).sorted().toList() : List.of();
    }
}
