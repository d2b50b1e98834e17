package org.practicealerts.web.signin;

import org.practicealerts.web.WebAppProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.server.DefaultServerOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.RedirectServerAuthenticationEntryPoint;
import org.springframework.security.web.server.csrf.XorServerCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;

/**
 * Every page but sign-in, health and the design system's files needs a signed-in person. Someone not signed in is sent
 * to sign in and then straight back to the page they asked for (an email's "Open the alert" link). CSRF tokens guard
 * every form; the Content-Security-Policy allows no inline script or style; every answer is {@code no-store}.
 */
@Configuration
@EnableWebFluxSecurity
public class SecurityConfig {

    /** The registration id of the council's identity provider ({@code spring.security.oauth2.client.registration.council}). */
    public static final String OIDC_REGISTRATION = "council";

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'self'; "
            + "object-src 'none'";

    @Bean
    ServerSecurityContextRepository securityContextRepository() {
        return new WebSessionServerSecurityContextRepository();
    }

    @Bean
    ServerRequestCache requestCache() {
        return new WebSessionServerRequestCache();
    }

    /**
     * @param registrations the council's identity provider, when one is configured (profile {@code oidc}); without
     *                      it, the embedded default's demo sign-in
     */
    @Bean
    SecurityWebFilterChain pages(ServerHttpSecurity http, ServerSecurityContextRepository contexts,
                                 ServerRequestCache requests, WebAppProperties props,
                                 ObjectProvider<ReactiveClientRegistrationRepository> registrations,
                                 ObjectProvider<ServerOAuth2AuthorizedClientRepository> clients) {
        ReactiveClientRegistrationRepository idp = registrations.getIfAvailable();
        if (idp != null && props.demoSignIn()) {
            // The demo sign-in lets anyone be anyone: never beside a council's identity provider.
            throw new IllegalStateException("refusing to start: the demo sign-in (profile embedded) cannot run "
                    + "beside an identity provider (profile oidc); use one or the other");
        }
        RedirectServerAuthenticationEntryPoint toSignIn = new RedirectServerAuthenticationEntryPoint(
                idp == null ? "/sign-in" : "/oauth2/authorization/" + OIDC_REGISTRATION);
        toSignIn.setRequestCache(requests);
        if (idp != null) {
            DefaultServerOAuth2AuthorizationRequestResolver pkce = new DefaultServerOAuth2AuthorizationRequestResolver(idp);
            pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            http.oauth2Login(o -> o.authorizationRequestResolver(pkce).securityContextRepository(contexts)
                    .authenticationSuccessHandler(new OidcSignIn(clients.getObject(), contexts, requests, props)));
        }
        // The CSRF token is read from multipart forms too (the directory's CSV import is a file upload).
        XorServerCsrfTokenRequestAttributeHandler csrfTokens = new XorServerCsrfTokenRequestAttributeHandler();
        csrfTokens.setTokenFromMultipartDataEnabled(true);
        return http
                .csrf(c -> c.csrfTokenRequestHandler(csrfTokens))
                .securityContextRepository(contexts)
                .requestCache(c -> c.requestCache(requests))
                .authorizeExchange(a -> a
                        .pathMatchers("/sign-in", "/oauth2/**", "/login/oauth2/**", "/webjars/**", "/assets/**", "/favicon.ico",
                                "/actuator/health", "/actuator/health/**").permitAll()
                        .pathMatchers("/admin", "/admin/**").hasRole("ADMIN")
                        .anyExchange().authenticated())
                .exceptionHandling(e -> e.authenticationEntryPoint(toSignIn))
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .logout(l -> l.logoutUrl("/sign-out").logoutSuccessHandler(new SignOut()))
                .headers(h -> h
                        .contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                        .referrerPolicy(r -> r.policy(ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }
}
