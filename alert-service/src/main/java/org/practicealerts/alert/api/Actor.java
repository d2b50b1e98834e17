package org.practicealerts.alert.api;

import java.util.Set;
import org.practicealerts.events.Role;

/** The authenticated person asking, with their directory roles. {@link #SYSTEM} acts for the scheduler. */
public record Actor(String personId, Set<String> roles) {

    public static final Actor SYSTEM = new Actor("system", Set.of("SYSTEM"));

    public Actor {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean has(Role role) {
        return has(role.name());
    }

    public boolean isAdmin() {
        return has(Role.ADMIN);
    }
}
