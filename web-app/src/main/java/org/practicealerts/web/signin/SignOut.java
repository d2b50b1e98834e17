package org.practicealerts.web.signin;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * After the web app's session ends: someone who signed in at the council's identity provider is sent there to end
 * that session too (OpenID Connect RP-initiated logout, with the ID token as the hint), and comes back to the
 * signed-out page; so the next person at a shared computer cannot walk back in with the last one's sign-in. The demo
 * sign-in goes straight to the signed-out page.
 */
final class SignOut implements ServerLogoutSuccessHandler {

    static final String SIGNED_OUT = "/sign-in?signed-out";

    @Override
    public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
        ServerHttpRequest request = exchange.getExchange().getRequest();
        URI to = URI.create(SIGNED_OUT);
        if (authentication instanceof SignedIn who && who.identityProviderSession() != null) {
            SignedIn.IdentityProviderSession session = who.identityProviderSession();
            String back = UriComponentsBuilder.fromUri(request.getURI()).replacePath(null).replaceQuery(null)
                    .fragment(null).build().toUriString() + SIGNED_OUT;
            to = UriComponentsBuilder.fromUri(session.endSession())
                    .queryParam("id_token_hint", session.idToken())
                    .queryParam("client_id", session.clientId())
                    .queryParam("post_logout_redirect_uri", back)
                    .encode().build().toUri();
        }
        exchange.getExchange().getResponse().setStatusCode(HttpStatus.FOUND);
        exchange.getExchange().getResponse().getHeaders().setLocation(to);
        return exchange.getExchange().getResponse().setComplete();
    }
}
