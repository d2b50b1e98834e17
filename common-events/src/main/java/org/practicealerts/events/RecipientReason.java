package org.practicealerts.events;

import java.util.Comparator;

/**
 * Why a person is told about an event. The alert-service decides; the notification service says it in words.
 * Written on the wire as the constant's name. The {@code CHILDS_*}, {@code RAISERS_*} and {@link #DIRECTOR} reasons
 * are the policy's relations (whom a procedure names to be told at a stage or on raise); each has an
 * {@code IMMEDIATE_RISK_*} twin for the people a procedure tells at once when the raiser reports an immediate risk
 * of harm.
 *
 * <p>A person named for several reasons is told once with all of them, ordered by {@link #MOST_URGENT_FIRST}.
 */
public enum RecipientReason {
    /** They must answer the alert at its current stage. */
    RESPONDER,
    /** The responder is covering for them (duty or acting manager): the alert is theirs, the cover may answer. */
    COVERED_RESPONDER,
    /** They answered at the stage before; someone else answers now. */
    PREVIOUS_RESPONDER,
    /** They raised the alert. */
    RAISER,
    /** They own an agreed action. */
    ACTION_OWNER,
    /** Their practice is named in a commendation. */
    COMMENDED,
    /** They manage the team a commendation names. */
    TEAM_MANAGER,

    /** They manage the team of the child's social worker. */
    CHILDS_TEAM_MANAGER,
    /** They are the first service manager above the child's team manager. */
    CHILDS_SERVICE_MANAGER,
    /** They are the first head of service above the child's team manager. */
    CHILDS_HEAD_OF_SERVICE,
    /** They are the first assistant director above the child's team manager. */
    CHILDS_ASSISTANT_DIRECTOR,
    /** They are the first service director above the child's team manager. */
    CHILDS_SERVICE_DIRECTOR,
    /** They are the raiser's team manager. */
    RAISERS_TEAM_MANAGER,
    /** They are the first service manager above the raiser. */
    RAISERS_SERVICE_MANAGER,
    /** They are the first head of service above the raiser. */
    RAISERS_HEAD_OF_SERVICE,
    /** They are the first assistant director above the raiser. */
    RAISERS_ASSISTANT_DIRECTOR,
    /** They are the Director of Children's Services. */
    DIRECTOR,
    /** They are the child's allocated social worker. */
    ALLOCATED_SOCIAL_WORKER,
    /** They head the responder's reporting line: the ladder ended below them with no response. */
    TOP_OF_RESPONDERS_LINE,
    /** They are the line manager of the chair a concern is about. */
    CHAIRS_LINE_MANAGER,
    /** They are the service manager above the chair a concern is about. */
    CHAIRS_SERVICE_MANAGER,
    /** They are the head of service above the chair a concern is about. */
    CHAIRS_HEAD_OF_SERVICE,

    /** They raised the alert, and the procedure tells them at once of an immediate risk. */
    IMMEDIATE_RISK_RAISER,
    /** Immediate risk of harm: told at once as the child's team manager. */
    IMMEDIATE_RISK_CHILDS_TEAM_MANAGER,
    /** Immediate risk of harm: told at once as the service manager above the child's team. */
    IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER,
    /** Immediate risk of harm: told at once as the head of service above the child's team. */
    IMMEDIATE_RISK_CHILDS_HEAD_OF_SERVICE,
    /** Immediate risk of harm: told at once as the assistant director above the child's team. */
    IMMEDIATE_RISK_CHILDS_ASSISTANT_DIRECTOR,
    /** Immediate risk of harm: told at once as the service director above the child's team. */
    IMMEDIATE_RISK_CHILDS_SERVICE_DIRECTOR,
    /** Immediate risk of harm: told at once as the raiser's team manager. */
    IMMEDIATE_RISK_RAISERS_TEAM_MANAGER,
    /** Immediate risk of harm: told at once as the raiser's service manager. */
    IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER,
    /** Immediate risk of harm: told at once as the raiser's head of service. */
    IMMEDIATE_RISK_RAISERS_HEAD_OF_SERVICE,
    /** Immediate risk of harm: told at once as the raiser's assistant director. */
    IMMEDIATE_RISK_RAISERS_ASSISTANT_DIRECTOR,
    /** Immediate risk of harm: told at once as the Director of Children's Services. */
    IMMEDIATE_RISK_DIRECTOR,
    /** Immediate risk of harm: told at once as the child's allocated social worker. */
    IMMEDIATE_RISK_ALLOCATED_SOCIAL_WORKER,
    /** Immediate risk of harm: told at once as the line manager of the chair the concern is about. */
    IMMEDIATE_RISK_CHAIRS_LINE_MANAGER,
    /** Immediate risk of harm: told at once as the service manager above the chair the concern is about. */
    IMMEDIATE_RISK_CHAIRS_SERVICE_MANAGER,
    /** Immediate risk of harm: told at once as the head of service above the chair the concern is about. */
    IMMEDIATE_RISK_CHAIRS_HEAD_OF_SERVICE;

    /**
     * The order a person's reasons are listed in: those of an immediate risk of harm first, the rest in the order the
     * procedure names them (the sort is stable, so it keeps that order within each group).
     */
    public static final Comparator<RecipientReason> MOST_URGENT_FIRST =
            Comparator.comparing(reason -> !reason.immediateRisk());

    /** Whether this is an {@code IMMEDIATE_RISK_*} reason: the person is told at once of an immediate risk of harm. */
    public boolean immediateRisk() {
        return name().startsWith("IMMEDIATE_RISK_");
    }
}
