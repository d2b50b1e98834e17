package org.practicealerts.alert.directory;

/**
 * A team: a social work team (whose manager answers stage 1 for its children) or an independent officers' team.
 *
 * @param managerId the team manager
 */
public record Team(String id, String name, String managerId) {
}
