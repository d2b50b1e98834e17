package org.practicealerts.alert.domain;

/**
 * The ends of an alert that reporting lines are walked from: the child's team, the raiser and, for a concern about
 * a chair, that chair ({@code chairId}, otherwise null).
 */
public record Parties(String teamId, String raiserId, String chairId) {

    /** An alert about the practice on the child's case. */
    public Parties(String teamId, String raiserId) {
        this(teamId, raiserId, null);
    }
}
