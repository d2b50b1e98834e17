package org.practicealerts.support;

/**
 * Whether the directory has switched a person off. A service that knows its directory declares one; the platform's
 * security then refuses that person's next request, whatever their token still says, rather than waiting for the
 * identity provider to act.
 */
@FunctionalInterface
public interface PeopleStatus {

    /** True only for a person the directory holds and marks inactive (blocking calls are allowed). */
    boolean deactivated(String personId);
}
