package org.practicealerts.alert.domain;

/**
 * The ends of an alert that reporting lines are walked from: the child's team, the raiser and, for a concern about
 * a chair, that chair ({@code chairId}, otherwise null); and the child's allocated social worker when named.
 */
public record Parties(String teamId, String raiserId, String chairId, String socialWorkerId) {

    /** An alert about the practice on the child's case, no social worker named. */
    public Parties(String teamId, String raiserId) {
        this(teamId, raiserId, null, null);
    }
}
