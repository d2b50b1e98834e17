package org.practicealerts.alert.policy;

/**
 * A person defined by their relation to an alert, resolved through the directory's reporting lines.
 * {@code CHILDS_*} walk up from the child's team manager; {@code RAISERS_*} walk up from the raiser.
 */
public enum Relation {
    RAISER,
    CHILDS_TEAM_MANAGER,
    CHILDS_SERVICE_MANAGER,
    CHILDS_HEAD_OF_SERVICE,
    CHILDS_ASSISTANT_DIRECTOR,
    CHILDS_SERVICE_DIRECTOR,
    RAISERS_TEAM_MANAGER,
    RAISERS_SERVICE_MANAGER,
    RAISERS_HEAD_OF_SERVICE,
    RAISERS_ASSISTANT_DIRECTOR,
    /** The Director of Children's Services. */
    DIRECTOR
}
