package org.practicealerts.web.signin;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A signed-in person: their directory id, their roles, and the bearer token the services accept for them until it
 * expires. Held in the server-side session only; the browser has an HttpOnly session cookie.
 */
public final class SignedIn extends AbstractAuthenticationToken {

    private static final List<String> MANAGERS = List.of("TEAM_MANAGER", "SERVICE_MANAGER", "HEAD_OF_SERVICE",
            "ASSISTANT_DIRECTOR", "SERVICE_DIRECTOR", "DIRECTOR");
    private static final List<String> OFFICERS = List.of("CPC", "IRO", "CRO");

    private final String personId;
    private final String displayName;
    private final Set<String> roles;
    private final transient String token;
    private final Instant expiresAt;
    private final transient IdentityProviderSession session;

    /**
     * The identity provider's session behind a sign-in, so that signing out here ends it there too.
     *
     * @param endSession the provider's end-session endpoint
     * @param idToken    the ID token it issued, the hint it asks for
     * @param clientId   the web app's client id there
     */
    public record IdentityProviderSession(java.net.URI endSession, String idToken, String clientId) {
    }

    public SignedIn(String personId, String displayName, Set<String> roles, String token, Instant expiresAt) {
        this(personId, displayName, roles, token, expiresAt, null);
    }

    public SignedIn(String personId, String displayName, Set<String> roles, String token, Instant expiresAt,
                    IdentityProviderSession session) {
        super(authorities(roles));
        this.personId = personId;
        this.displayName = displayName;
        this.roles = Set.copyOf(roles);
        this.token = token;
        this.expiresAt = expiresAt;
        this.session = session;
        setAuthenticated(true);
    }

    private static Collection<GrantedAuthority> authorities(Set<String> roles) {
        return roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public Object getPrincipal() {
        return personId;
    }

    public String personId() {
        return personId;
    }

    public String displayName() {
        return displayName;
    }

    public Set<String> roles() {
        return roles;
    }

    public String token() {
        return token;
    }

    /** The identity provider's session to end on sign-out, or null (the demo sign-in, or a provider without one). */
    public IdentityProviderSession identityProviderSession() {
        return session;
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /** Whether they raise alerts (a CPC, IRO or CRO). */
    public boolean officer() {
        return roles.stream().anyMatch(OFFICERS::contains);
    }

    /** Whether they manage people, and so oversee their line's alerts. */
    public boolean manager() {
        return roles.stream().anyMatch(MANAGERS::contains);
    }

    public boolean admin() {
        return roles.contains("ADMIN");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedIn s && s.personId.equals(personId) && s.expiresAt.equals(expiresAt);
    }

    @Override
    public int hashCode() {
        return personId.hashCode();
    }
}
