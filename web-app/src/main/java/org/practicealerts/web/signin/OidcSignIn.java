package org.practicealerts.web.signin;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.practicealerts.web.WebAppProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * After the council's identity provider signs a person in (authorization code with PKCE), they become a
 * {@link SignedIn} like everyone else: the access token the services accept, with the person id and roles read from
 * it by the same claims the services read, so the pages and the services agree on who this is. Then straight back to
 * the page first asked for.
 */
final class OidcSignIn implements ServerAuthenticationSuccessHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ServerOAuth2AuthorizedClientRepository clients;
    private final ServerSecurityContextRepository contexts;
    private final RedirectServerAuthenticationSuccessHandler back = new RedirectServerAuthenticationSuccessHandler();
    private final WebAppProperties props;

    OidcSignIn(ServerOAuth2AuthorizedClientRepository clients, ServerSecurityContextRepository contexts,
               ServerRequestCache requests, WebAppProperties props) {
        this.clients = clients;
        this.contexts = contexts;
        this.props = props;
        back.setRequestCache(requests);
    }

    @Override
    public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
        OAuth2AuthenticationToken oauth = (OAuth2AuthenticationToken) authentication;
        return clients.loadAuthorizedClient(oauth.getAuthorizedClientRegistrationId(), oauth, exchange.getExchange())
                .map(client -> signedIn(client.getAccessToken(), oauth, providerSession(client.getClientRegistration(),
                        oauth)))
                .flatMap(who -> contexts.save(exchange.getExchange(), new SecurityContextImpl(who)))
                .then(back.onAuthenticationSuccess(exchange, authentication));
    }

    /**
     * The provider's session to end on sign-out: its end-session endpoint (configured, or from its discovery
     * document) with the ID token it issued. Null when it has none.
     */
    private SignedIn.IdentityProviderSession providerSession(ClientRegistration registration,
                                                             OAuth2AuthenticationToken oauth) {
        Object discovered = registration.getProviderDetails().getConfigurationMetadata().get("end_session_endpoint");
        URI endpoint = props.endSessionUri() != null ? props.endSessionUri()
                : discovered == null ? null : URI.create(discovered.toString());
        if (endpoint == null || !(oauth.getPrincipal() instanceof OidcUser user)) {
            return null;
        }
        return new SignedIn.IdentityProviderSession(endpoint, user.getIdToken().getTokenValue(),
                registration.getClientId());
    }

    private SignedIn signedIn(OAuth2AccessToken token, OAuth2AuthenticationToken oauth,
                              SignedIn.IdentityProviderSession session) {
        JsonNode claims = claims(token.getTokenValue());
        String personId = text(claims, props.personIdClaim());
        if (personId == null) {
            throw new IllegalStateException("the access token has no " + props.personIdClaim() + " claim");
        }
        Set<String> roles = new HashSet<>();
        JsonNode granted = at(claims, props.rolesClaim());
        if (granted != null && granted.isArray()) {
            // as the services read them (service-support's RolesConverter): exactly, through the same mapping
            List<String> values = new ArrayList<>();
            granted.forEach(r -> values.add(r.asString()));
            props.roles().granted(values).forEach(r -> roles.add(r.name()));
        }
        String name = oauth.getPrincipal() instanceof OidcUser user && user.getFullName() != null ? user.getFullName()
                : personId;
        Instant expires = token.getExpiresAt() == null ? Instant.now().plusSeconds(300) : token.getExpiresAt();
        return new SignedIn(personId, name, roles, token.getTokenValue(), expires, session);
    }

    /**
     * The claims of a JWT access token, read without checking its signature: the web app got it from the identity
     * provider itself, and every service checks it on every call.
     */
    static JsonNode claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalStateException("the access token is not a JWT; the services need one");
        }
        return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    }

    /** The node at a dotted path ({@code realm_access.roles}), or null. */
    static JsonNode at(JsonNode claims, String path) {
        JsonNode node = claims;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static String text(JsonNode claims, String path) {
        JsonNode n = at(claims, path);
        return n == null || n.isNull() ? null : n.asString();
    }
}
