package org.practicealerts.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.practicealerts.access.RoleMapping;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Reads roles from a configurable claim: {@code roles} (Entra ID app roles) or a dotted path such as
 * {@code realm_access.roles} (Keycloak), mapped exactly ({@link RoleMapping}): each role granted becomes
 * {@code ROLE_<NAME>}; any other value grants nothing. The caller's name, which must be their
 * directory person id, comes from another configurable claim: {@code sub} by default, {@code preferred_username}
 * for Keycloak users named by person id, or an Entra ID claim mapped to the id.
 */
public class RolesConverter implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    /** The claim that names the caller unless configured otherwise. */
    public static final String SUBJECT = "sub";

    private final String[] path;
    private final String personIdClaim;
    private final RoleMapping mapping;

    public RolesConverter(String claimPath) {
        this(claimPath, SUBJECT, RoleMapping.exact());
    }

    public RolesConverter(String claimPath, String personIdClaim, RoleMapping mapping) {
        this.path = claimPath.split("\\.");
        this.personIdClaim = personIdClaim == null || personIdClaim.isBlank() ? SUBJECT : personIdClaim;
        this.mapping = mapping;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
        String personId = jwt.getClaimAsString(personIdClaim);
        if (personId == null || personId.isBlank()) {
            // A token without the configured id claim names nobody: it gets no roles and is refused everywhere.
            return Mono.just(new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject()));
        }
        return Mono.just(new JwtAuthenticationToken(jwt, authorities(jwt), personId));
    }

    public Collection<GrantedAuthority> authorities(Jwt jwt) {
        Object node = jwt.getClaims();
        for (String part : path) {
            node = node instanceof Map<?, ?> map ? map.get(part) : null;
        }
        List<GrantedAuthority> out = new ArrayList<>();
        if (node instanceof Collection<?> values) {
            mapping.granted(values).forEach(r -> out.add(new SimpleGrantedAuthority("ROLE_" + r.name())));
        }
        return out;
    }
}
