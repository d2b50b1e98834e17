package org.practicealerts.alert.security;

import java.util.Set;
import java.util.stream.Collectors;
import org.practicealerts.alert.api.Actor;
import org.springframework.security.core.Authentication;

/** The domain's {@link Actor} for an authenticated caller: the token's subject is the directory person id. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(Authentication auth) {
        Set<String> roles = auth.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).collect(Collectors.toSet());
        return new Actor(auth.getName(), roles);
    }
}
