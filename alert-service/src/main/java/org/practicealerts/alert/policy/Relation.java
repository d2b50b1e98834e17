package org.practicealerts.alert.policy;

import org.practicealerts.events.RecipientReason;

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
    DIRECTOR,
    /** The line manager ({@code managerId}) of the chair a concern is about; nobody for other alerts. */
    CHAIRS_LINE_MANAGER,
    /** For a concern about a chair: the first service manager above the chair; nobody for other alerts. */
    CHAIRS_SERVICE_MANAGER,
    /** For a concern about a chair: the first head of service above the chair; nobody for other alerts. */
    CHAIRS_HEAD_OF_SERVICE,
    /** The child's allocated social worker, when the raiser named them; nobody otherwise. */
    ALLOCATED_SOCIAL_WORKER;

    /** Why a person the procedure names by this relation is told. */
    public RecipientReason reason() {
        return switch (this) {
            case RAISER -> RecipientReason.RAISER;
            case CHILDS_TEAM_MANAGER -> RecipientReason.CHILDS_TEAM_MANAGER;
            case CHILDS_SERVICE_MANAGER -> RecipientReason.CHILDS_SERVICE_MANAGER;
            case CHILDS_HEAD_OF_SERVICE -> RecipientReason.CHILDS_HEAD_OF_SERVICE;
            case CHILDS_ASSISTANT_DIRECTOR -> RecipientReason.CHILDS_ASSISTANT_DIRECTOR;
            case CHILDS_SERVICE_DIRECTOR -> RecipientReason.CHILDS_SERVICE_DIRECTOR;
            case RAISERS_TEAM_MANAGER -> RecipientReason.RAISERS_TEAM_MANAGER;
            case RAISERS_SERVICE_MANAGER -> RecipientReason.RAISERS_SERVICE_MANAGER;
            case RAISERS_HEAD_OF_SERVICE -> RecipientReason.RAISERS_HEAD_OF_SERVICE;
            case RAISERS_ASSISTANT_DIRECTOR -> RecipientReason.RAISERS_ASSISTANT_DIRECTOR;
            case DIRECTOR -> RecipientReason.DIRECTOR;
            case CHAIRS_LINE_MANAGER -> RecipientReason.CHAIRS_LINE_MANAGER;
            case CHAIRS_SERVICE_MANAGER -> RecipientReason.CHAIRS_SERVICE_MANAGER;
            case CHAIRS_HEAD_OF_SERVICE -> RecipientReason.CHAIRS_HEAD_OF_SERVICE;
            case ALLOCATED_SOCIAL_WORKER -> RecipientReason.ALLOCATED_SOCIAL_WORKER;
        };
    }

    /** Why a person the procedure names by this relation is told at once of an immediate risk of harm. */
    public RecipientReason immediateRiskReason() {
        return switch (this) {
            case RAISER -> RecipientReason.IMMEDIATE_RISK_RAISER;
            case CHILDS_TEAM_MANAGER -> RecipientReason.IMMEDIATE_RISK_CHILDS_TEAM_MANAGER;
            case CHILDS_SERVICE_MANAGER -> RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER;
            case CHILDS_HEAD_OF_SERVICE -> RecipientReason.IMMEDIATE_RISK_CHILDS_HEAD_OF_SERVICE;
            case CHILDS_ASSISTANT_DIRECTOR -> RecipientReason.IMMEDIATE_RISK_CHILDS_ASSISTANT_DIRECTOR;
            case CHILDS_SERVICE_DIRECTOR -> RecipientReason.IMMEDIATE_RISK_CHILDS_SERVICE_DIRECTOR;
            case RAISERS_TEAM_MANAGER -> RecipientReason.IMMEDIATE_RISK_RAISERS_TEAM_MANAGER;
            case RAISERS_SERVICE_MANAGER -> RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER;
            case RAISERS_HEAD_OF_SERVICE -> RecipientReason.IMMEDIATE_RISK_RAISERS_HEAD_OF_SERVICE;
            case RAISERS_ASSISTANT_DIRECTOR -> RecipientReason.IMMEDIATE_RISK_RAISERS_ASSISTANT_DIRECTOR;
            case DIRECTOR -> RecipientReason.IMMEDIATE_RISK_DIRECTOR;
            case CHAIRS_LINE_MANAGER -> RecipientReason.IMMEDIATE_RISK_CHAIRS_LINE_MANAGER;
            case CHAIRS_SERVICE_MANAGER -> RecipientReason.IMMEDIATE_RISK_CHAIRS_SERVICE_MANAGER;
            case CHAIRS_HEAD_OF_SERVICE -> RecipientReason.IMMEDIATE_RISK_CHAIRS_HEAD_OF_SERVICE;
            case ALLOCATED_SOCIAL_WORKER -> RecipientReason.IMMEDIATE_RISK_ALLOCATED_SOCIAL_WORKER;
        };
    }
}
