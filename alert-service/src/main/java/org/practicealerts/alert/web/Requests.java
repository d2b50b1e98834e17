package org.practicealerts.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;

/** Request bodies. Every text has a size limit; ids are restricted to safe characters. */
public final class Requests {

    static final String ID = org.practicealerts.events.Identifiers.PATTERN;
    static final String TIMESCALE = "\\d{1,3} (working days?|calendar days?|hours?)";

    private Requests() {
    }

    public record RaiseAlert(
            @NotBlank @Pattern(regexp = ID, message = "must be the case system's id (letters, digits, . _ : / -)")
            String childRef,
            @Size(max = 20) List<@NotBlank @Pattern(regexp = ID) String> siblingRefs,
            @NotNull PlanType planType,
            @NotBlank @Pattern(regexp = ID) String teamId,
            @Pattern(regexp = ID) @Size(max = 100) String socialWorkerId,
            @NotBlank @Size(max = 64) String primaryCategory,
            @Size(max = 13) List<@NotBlank @Size(max = 64) String> categories,
            @NotBlank @Size(max = 4000) String summary,
            @NotBlank @Size(max = 4000) String impactOnChild,
            @NotBlank @Size(max = 4000) String childsVoice,
            @Size(max = 20) List<@Valid @NotNull RecommendedAction> recommendedActions,
            @Pattern(regexp = ID) @Size(max = 100) String procedure,
            @Min(1) @Max(10) Integer startStage,
            @Size(max = 2000) String bypassReason,
            Urgency urgency,
            Boolean competenceConcern,
            @Size(max = 200) String externalAgency,
            @Valid InformalResolution informalResolution,
            @Valid ConcernAboutChair concernAbout) {
    }

    /** A social work team's concern about the child's chair (seed 003), rather than about practice on the case. */
    public record ConcernAboutChair(@NotNull ConcernAbout.Subject subject,
                                    @NotBlank @Pattern(regexp = ID) String personId) {
    }

    public record RecommendedAction(@NotNull @Min(1) @Max(20) Integer priority,
                                    @NotBlank @Size(max = 1000) String description,
                                    @NotBlank @Pattern(regexp = TIMESCALE,
                                            message = "must be like '5 working days', '7 calendar days' or '24 hours'")
                                    String timescale) {
    }

    /** The informal discussion before a formal alert; {@code recordId} links a recorded informal resolution. */
    public record InformalResolution(@NotNull LocalDate discussedOn,
                                     @Pattern(regexp = ID) String withPersonId,
                                     @NotBlank @Size(max = 2000) String outcome,
                                     @Pattern(regexp = ID) @Size(max = 100) String recordId) {
    }

    /** An informal resolution recorded on its own (seed 003's "CP informal resolution" form). */
    public record InformalResolutionRecord(@NotBlank @Pattern(regexp = ID) String childRef, @NotNull PlanType planType,
                                           @NotBlank @Pattern(regexp = ID) String teamId,
                                           @Pattern(regexp = ID) String withPersonId,
                                           @NotNull LocalDate discussedOn,
                                           @NotBlank @Size(max = 2000) String outcome,
                                           @NotNull Boolean resolved) {
    }

    /**
     * An answer; {@code contact} and {@code meeting} only for a stage that asks for them (a meeting's outcome is the
     * response).
     */
    public record Response(@NotBlank @Size(max = 8000) String response,
                           @Size(max = 20) List<@Valid @NotNull Action> actions,
                           @Valid Contact contact, @Valid Meeting meeting) {
    }

    /** The contact a stage asks for: with whom (default: whom the stage names) and when. */
    public record Contact(@Pattern(regexp = ID) String withPersonId, @NotNull Instant madeAt) {
    }

    /** The meeting a stage asks for: when, who chaired it (default: the responder) and who attended. */
    public record Meeting(@NotNull Instant heldAt, @Pattern(regexp = ID) String chairId,
                          @NotEmpty @Size(max = 30) List<@NotBlank @Pattern(regexp = ID) String> attendeeIds) {
    }

    public record Action(@NotBlank @Size(max = 1000) String description,
                         @NotBlank @Pattern(regexp = ID) String ownerId,
                         @NotNull LocalDate dueDate) {
    }

    public record FurtherActions(@NotBlank @Size(max = 4000) String request) {
    }

    public record Escalation(@NotNull EscalationReason reason, @Min(2) @Max(10) Integer toStage,
                             @Size(max = 4000) String note) {
    }

    public record Resolution(@NotBlank @Size(max = 4000) String outcome) {
    }

    /** Set an action review ({@code reviewDate}) or, once under review, re-open at a higher stage. */
    public record Review(LocalDate reviewDate, @Size(max = 4000) String note, Boolean reopen,
                         @Min(2) @Max(10) Integer toStage) {
    }

    public record Withdrawal(@NotBlank @Size(max = 2000) String reason) {
    }

    public record CafcassReferral(LocalDate referredOn, @Size(max = 4000) String note) {
    }

    public record PartnershipReferral(@Size(max = 4000) String note) {
    }

    public record Reassignment(@NotBlank @Pattern(regexp = ID) String toPersonId,
                               @NotBlank @Size(max = 500) String reason) {
    }

    public record Note(@NotBlank @Size(max = 8000) String text) {
    }

    public record ActionCompletion(LocalDate completedOn, @Size(max = 2000) String note) {
    }

    public record Commendation(@NotBlank @Pattern(regexp = ID) String childRef, @NotNull PlanType planType,
                               @NotBlank @Pattern(regexp = ID) String teamId,
                               @NotNull @Size(min = 1, max = 10) List<@NotBlank @Pattern(regexp = ID) String> commendedPersonIds,
                               @NotBlank @Size(max = 64) String category,
                               @NotBlank @Size(max = 4000) String text) {
    }

    /**
     * A fact of a child's case from the case system: ids and dates only. Which of the last four fields a kind needs
     * is checked by the controller, field by field.
     */
    public record CaseFact(@NotBlank @Pattern(regexp = ID) String recordId,
                           @NotBlank @Pattern(regexp = ID) String childRef,
                           @NotBlank @Pattern(regexp = ID) String teamId,
                           @NotNull org.practicealerts.milestones.FactKind kind,
                           @NotNull Instant at,
                           org.practicealerts.milestones.ConferenceType conference,
                           Instant conferenceAt,
                           Boolean planMade,
                           Boolean childSeen) {
    }

    /** A chair dismisses the prompt of a missed milestone. */
    public record MilestoneDismissal(@NotBlank @Pattern(regexp = "[A-Z_]{1,64}") String ruleId,
                                     @NotBlank @Pattern(regexp = ID) String openedBy,
                                     @NotBlank @Size(max = 2000) String reason) {
    }

    /** The alert a chair raised from a missed milestone's prompt. */
    public record MilestoneRaised(@NotBlank @Pattern(regexp = "[A-Z_]{1,64}") String ruleId,
                                  @NotBlank @Pattern(regexp = ID) String openedBy,
                                  @NotBlank @Pattern(regexp = "[0-9a-fA-F-]{36}") String alertId) {
    }
}
