package org.practicealerts.support;

import java.util.Arrays;
import java.util.stream.Stream;
import org.practicealerts.events.Role;

/** Role names as Spring Security's {@code hasRole} / {@code hasAnyRole} take them. */
public final class Roles {

    private Roles() {
    }

    public static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Enum::name).toArray(String[]::new);
    }

    /** Every role a person may hold: anyone signed in with a role of ours (not the metrics scraper). */
    public static String[] people() {
        return Arrays.stream(Role.values()).filter(Role::person).map(Enum::name).toArray(String[]::new);
    }

    /** The line managers, from team manager to director, and any {@code others} named. */
    public static String[] managersAnd(Role... others) {
        return Stream.concat(Arrays.stream(Role.values()).filter(Role::manages), Arrays.stream(others))
                .map(Enum::name).distinct().toArray(String[]::new);
    }
}
