package org.practicealerts.access;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.practicealerts.events.Role;

/**
 * Which of this product's roles a token's role values grant, matched exactly. With no mapping a value grants the
 * role of exactly its name ({@code ADMIN}; never {@code Admin} or {@code admin}); with a mapping (the identity
 * provider's value to a role, e.g. Entra ID's {@code PracticeAlerts.Admin=ADMIN}) only mapped values count. Anything
 * else grants nothing, so another application's roles in the same tenant never become this product's. The services
 * (reading bearer tokens) and the web app (reading the token it signed someone in with) both map through this.
 */
public final class RoleMapping {

    private final Map<String, Role> mapping;

    private RoleMapping(Map<String, Role> mapping) {
        this.mapping = Map.copyOf(mapping);
    }

    /** Role values are the product's role names, exactly. */
    public static RoleMapping exact() {
        return new RoleMapping(Map.of());
    }

    /**
     * A mapping as configuration writes it: {@code idp-value=ROLE} pairs separated by commas; blank is
     * {@link #exact()}.
     *
     * @throws IllegalArgumentException naming the pair that is not {@code value=ROLE} or whose ROLE is no role
     */
    public static RoleMapping parse(String text) {
        Map<String, Role> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return exact();
        }
        for (String pair : text.split(",")) {
            int eq = pair.lastIndexOf('=');
            String value = eq < 0 ? "" : pair.substring(0, eq).trim();
            String role = eq < 0 ? "" : pair.substring(eq + 1).trim();
            Role granted = byName(role);
            if (value.isEmpty() || granted == null) {
                throw new IllegalArgumentException("role mapping '" + pair.trim()
                        + "' is not idp-value=ROLE with ROLE one of " + Arrays.toString(Role.values()));
            }
            out.put(value, granted);
        }
        return new RoleMapping(out);
    }

    public Set<Role> granted(Collection<?> values) {
        Set<Role> out = EnumSet.noneOf(Role.class);
        for (Object v : values) {
            String value = String.valueOf(v);
            Role r = mapping.isEmpty() ? byName(value) : mapping.get(value);
            if (r != null) {
                out.add(r);
            }
        }
        return out;
    }

    private static Role byName(String name) {
        return Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
    }
}
