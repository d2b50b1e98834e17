package org.practicealerts.alert.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.DeadlineKind;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.FreeText;
import org.practicealerts.events.InformalResolution;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.RecommendedAction;
import org.practicealerts.events.StageRecord;
import org.practicealerts.events.Urgency;

/** Everything a council does with an alert. Each command names its actor; the aggregate decides if it may. */
public final class Commands {

    private Commands() {
    }

    /**
     * Raise an alert at stage 1, or directly at a higher stage with a bypass reason. Grouped as the officer fills it
     * in: whose case, what the concern is, where it enters the ladder, and what else the procedure asks about.
     */
    public record RaiseAlert(String alertId, String reference, Actor actor, Child child, Concern concern,
                             Routing routing, Circumstances circumstances, ConcernAbout concernAbout) {

        /** An alert about the practice on the child's case (no {@code concernAbout}). */
        public RaiseAlert(String alertId, String reference, Actor actor, Child child, Concern concern, Routing routing,
                          Circumstances circumstances) {
            this(alertId, reference, actor, child, concern, routing, circumstances, null);
        }

        /** The child (the case system's id, never a name), their siblings, their plan and their worker's team. */
        public record Child(String childRef, List<String> siblingRefs, PlanType planType, String teamId,
                            String socialWorkerId) {
            /** No allocated social worker named. */
            public Child(String childRef, List<String> siblingRefs, PlanType planType, String teamId) {
                this(childRef, siblingRefs, planType, teamId, null);
            }
        }

        /** What harms the child's plan: categories, the concern, its impact, the child's voice, what should happen. */
        public record Concern(String primaryCategory, List<String> categories, @FreeText String summary,
                              @FreeText String impactOnChild, @FreeText String childsVoice,
                              List<RecommendedAction> recommendedActions) {
        }

        /**
         * Which procedure, and where the alert enters its ladder: stage 1 unless the officer bypasses (with a reason)
         * or the urgency sends it higher. A null procedure means the one in force that applies to the raiser and plan
         * type; null stage and urgency mean stage 1 and routine.
         */
        public record Routing(String procedure, Integer startStage, @FreeText String bypassReason, Urgency urgency) {
            public Routing(Integer startStage, String bypassReason, Urgency urgency) {
                this(null, startStage, bypassReason, urgency);
            }
        }

        /** What else the procedure records: a worker's competence, another agency's practice, the informal attempt. */
        public record Circumstances(boolean competenceConcern, String externalAgency,
                                    InformalResolution informalResolution) {
        }
    }

    public record AcknowledgeAlert(@TargetAggregateIdentifier String alertId, Actor actor) {
    }

    /** An action the responder commits to. */
    public record NewAction(@FreeText String description, String ownerId, LocalDate dueDate) {
    }

    /**
     * The responder answers. A stage that asks for a contact or a meeting needs it here (else null); a meeting's
     * outcome is the response. A null contact's {@code withPersonId} means whom the stage names; a null chair, the
     * responder.
     */
    public record RecordResponse(@TargetAggregateIdentifier String alertId, Actor actor, @FreeText String response,
                                 List<NewAction> actions, StageRecord.Contact contact, StageRecord.Meeting meeting) {

        /** An answer with no contact or meeting to record. */
        public RecordResponse(String alertId, Actor actor, String response, List<NewAction> actions) {
            this(alertId, actor, response, actions, null, null);
        }
    }

    public record RequestFurtherActions(@TargetAggregateIdentifier String alertId, Actor actor, @FreeText String request) {
    }

    /**
     * The raiser escalates: RESPONSE_INADEQUATE to the next stage (or a named higher one), COMMUNICATION_NOT_FORTHCOMING
     * to the next stage with a note of the contact attempted, or BYPASS to a named higher stage.
     */
    public record EscalateAlert(@TargetAggregateIdentifier String alertId, Actor actor, EscalationReason reason,
                                Integer toStage, @FreeText String note) {
    }

    /**
     * The scheduler reports a missed response deadline. Fenced by the stage and due instant it saw, so a stale or
     * repeated trigger changes nothing.
     */
    public record EscalateMissedDeadline(@TargetAggregateIdentifier String alertId, int expectedStage,
                                         Instant expectedDueAt) {
    }

    /**
     * The scheduler reports that a deadline other than the response deadline arrived (reminder, action due,
     * review date, statutory total). Fenced like {@link EscalateMissedDeadline}: a stale or repeated trigger
     * records nothing.
     *
     * @param actionId the action, for {@code ACTION}; otherwise null
     */
    public record RecordDeadlineReached(@TargetAggregateIdentifier String alertId, DeadlineKind kind,
                                        int expectedStage, Instant expectedDueAt, String actionId) {
    }

    /** Re-plan open deadlines after the working-day calendar changed. Deadlines already passed never move. */
    public record ReplanDeadlines(@TargetAggregateIdentifier String alertId, String reason) {
    }

    /**
     * Make the stage's answer follow the directory's covers today: an absence that began during the stage hands it to
     * the cover, one that ended hands it back. Sent by the system; changes nothing when nothing changed, or when a
     * person reassigned the alert by hand.
     */
    public record FollowCover(@TargetAggregateIdentifier String alertId) {
    }

    public record ResolveAlert(@TargetAggregateIdentifier String alertId, Actor actor, @FreeText String outcome) {
    }

    public record ScheduleActionReview(@TargetAggregateIdentifier String alertId, Actor actor, LocalDate reviewDate,
                                       @FreeText String note) {
    }

    public record ReopenAlert(@TargetAggregateIdentifier String alertId, Actor actor, Integer toStage,
                              @FreeText String reason) {
    }

    public record WithdrawAlert(@TargetAggregateIdentifier String alertId, Actor actor, @FreeText String reason) {
    }

    public record ReferToCafcass(@TargetAggregateIdentifier String alertId, Actor actor, LocalDate referredOn,
                                 @FreeText String note) {
    }

    public record ReferToPartnership(@TargetAggregateIdentifier String alertId, Actor actor, @FreeText String note) {
    }

    public record ReassignAlert(@TargetAggregateIdentifier String alertId, Actor actor, String toPersonId,
                                @FreeText String reason) {
    }

    public record CompleteAction(@TargetAggregateIdentifier String alertId, Actor actor, String actionId,
                                 LocalDate completedOn, @FreeText String note) {
    }

    public record AddNote(@TargetAggregateIdentifier String alertId, Actor actor, @FreeText String text) {
    }

    public record RecordCommendation(String commendationId, Actor actor, String childRef, PlanType planType,
                                     String teamId, List<String> commendedPersonIds, String category, @FreeText String text) {
    }

    /** An informal attempt at resolution, recorded on its own whether or not a formal alert follows. */
    public record RecordInformalResolution(String recordId, Actor actor, String childRef, PlanType planType,
                                           String teamId, String withPersonId, LocalDate discussedOn, @FreeText String outcome,
                                           boolean resolved) {
    }
}
