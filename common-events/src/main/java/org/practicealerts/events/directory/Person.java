package org.practicealerts.events.directory;

import java.util.Set;
import org.practicealerts.events.Role;

/**
 * A member of staff. Staff names and work contact details are the only personal data the directory holds.
 *
 * @param managerId    the person they report to (reporting line), or {@code null} at the top
 * @param teamsWebhook Power Automate Workflows URL for their Teams notifications, or {@code null}
 * @param preference   how they want to be told: EMAIL, TEAMS, BOTH, DIGEST
 */
public record Person(String id, String displayName, String email, String teamsWebhook, Set<Role> roles,
                     String teamId, String managerId, boolean active, String preference) implements DirectoryEntry {
    public Person {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    @Override
    public Kind kind() {
        return Kind.PERSON;
    }

    @Override
    public String entryId() {
        return id;
    }
}
