package org.practicealerts.events;

/**
 * Who must answer at a stage.
 *
 * @param personId the person assigned
 * @param role     the directory role they answer in (e.g. TEAM_MANAGER)
 * @param coverFor the person they cover for (duty or acting manager), or {@code null}
 */
public record Assignment(String personId, String role, String coverFor) {
}
