package org.practicealerts.alert.domain;

/** The two ends of an alert that reporting lines are walked from: the child's team and the raiser. */
public record Parties(String teamId, String raiserId) {
}
