package org.practicealerts.events;

import java.time.Instant;
import java.util.List;

/**
 * A practice alert was raised. Carries no child's name: {@code childRef} is the case system's id.
 *
 * @param reference          the human reference, e.g. PA-2026-000042
 * @param childRef           the child's id in the case system (Mosaic, Liquidlogic, Eclipse)
 * @param siblingRefs        linked siblings' case-system ids
 * @param raisedBy           the raiser (CPC / IRO / CRO)
 * @param raiserRole         the raiser's role
 * @param stage              the stage the alert entered (1, or higher on a bypass or urgent entry)
 * @param bypassReason       why stages were skipped, or {@code null}
 * @param responder          who must respond at {@code stage}
 * @param deadlines          the stage's deadlines
 * @param statutoryDueAt     end of the statutory total (e.g. 20 working days for looked-after children), or null
 * @param recipients           who must be told now, and why
 * @param status             the alert's status after this event
 * @param concernAbout       whom the concern is about when not the practice on the child's case (a chair), or null
 * @param socialWorkerId     the child's allocated social worker (directory person id), when the raiser named them
 */
public record AlertRaised(
        String eventId,
        String alertId,
        Instant occurredAt,
        int schemaVersion,
        String reference,
        PolicyRef policy,
        String childRef,
        List<String> siblingRefs,
        PlanType planType,
        String teamId,
        String raisedBy,
        String raiserRole,
        String primaryCategory,
        List<String> categories,
        String summary,
        String impactOnChild,
        String childsVoice,
        List<RecommendedAction> recommendedActions,
        Urgency urgency,
        boolean competenceConcern,
        String externalAgency,
        InformalResolution informalResolution,
        int stage,
        String bypassReason,
        Assignment responder,
        StageDeadlines deadlines,
        Instant statutoryDueAt,
        List<Recipient> recipients,
        AlertStatus status,
        ConcernAbout concernAbout,
        String socialWorkerId) implements AlertEvent, StatusChange {
    public static final int SCHEMA_VERSION = 1;

    /**
     * Read from an event stored before events carried a status: {@link AlertStatus#AWAITING_RESPONSE}, the status this
     * event has always left the alert in.
     */
    public AlertRaised {
        status = status == null ? AlertStatus.AWAITING_RESPONSE : status;
    }

    /** An alert about the practice on the child's case, as every alert was before {@link ConcernAbout}. */
    public AlertRaised(String eventId, String alertId, Instant occurredAt, int schemaVersion, String reference,
                       PolicyRef policy, String childRef, List<String> siblingRefs, PlanType planType, String teamId,
                       String raisedBy, String raiserRole, String primaryCategory, List<String> categories,
                       String summary, String impactOnChild, String childsVoice,
                       List<RecommendedAction> recommendedActions, Urgency urgency, boolean competenceConcern,
                       String externalAgency, InformalResolution informalResolution, int stage, String bypassReason,
                       Assignment responder, StageDeadlines deadlines, Instant statutoryDueAt,
                       List<Recipient> recipients, AlertStatus status) {
        this(eventId, alertId, occurredAt, schemaVersion, reference, policy, childRef, siblingRefs, planType, teamId,
                raisedBy, raiserRole, primaryCategory, categories, summary, impactOnChild, childsVoice,
                recommendedActions, urgency, competenceConcern, externalAgency, informalResolution, stage, bypassReason,
                responder, deadlines, statutoryDueAt, recipients, status, null, null);
    }

    /** As raised before the allocated social worker was recorded. */
    public AlertRaised(String eventId, String alertId, Instant occurredAt, int schemaVersion, String reference,
                       PolicyRef policy, String childRef, List<String> siblingRefs, PlanType planType, String teamId,
                       String raisedBy, String raiserRole, String primaryCategory, List<String> categories,
                       String summary, String impactOnChild, String childsVoice,
                       List<RecommendedAction> recommendedActions, Urgency urgency, boolean competenceConcern,
                       String externalAgency, InformalResolution informalResolution, int stage, String bypassReason,
                       Assignment responder, StageDeadlines deadlines, Instant statutoryDueAt,
                       List<Recipient> recipients, AlertStatus status, ConcernAbout concernAbout) {
        this(eventId, alertId, occurredAt, schemaVersion, reference, policy, childRef, siblingRefs, planType, teamId,
                raisedBy, raiserRole, primaryCategory, categories, summary, impactOnChild, childsVoice,
                recommendedActions, urgency, competenceConcern, externalAgency, informalResolution, stage, bypassReason,
                responder, deadlines, statutoryDueAt, recipients, status, concernAbout, null);
    }

    @Override
    public <R> R accept(AlertEventVisitor<R> visitor) {
        return visitor.visit(this);
    }
}
