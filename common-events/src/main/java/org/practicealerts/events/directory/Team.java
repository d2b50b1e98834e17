package org.practicealerts.events.directory;

/**
 * A team: a social work team (whose manager answers stage 1 for its children) or an independent officers' team.
 *
 * @param managerId    the team manager
 * @param teamsWebhook Power Automate Workflows URL posting to the team's Teams channel, or {@code null}
 */
public record Team(String id, String name, String managerId, String teamsWebhook) implements DirectoryEntry {

    public Team(String id, String name, String managerId) {
        this(id, name, managerId, null);
    }

    @Override
    public Kind kind() {
        return Kind.TEAM;
    }

    @Override
    public String entryId() {
        return id;
    }
}
