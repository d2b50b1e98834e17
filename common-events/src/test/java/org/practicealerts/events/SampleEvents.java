package org.practicealerts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** One realistic sample per event type, with fixed values so their JSON is stable. */
final class SampleEvents {

    private static final Instant AT = Instant.parse("2026-01-05T09:30:00Z");
    private static final String ALERT = "7f1c2a9e-0000-4000-8000-000000000001";
    private static final Assignment TM = new Assignment("tm-north-1", "TEAM_MANAGER", null);
    private static final Assignment SM = new Assignment("sm-north", "SERVICE_MANAGER", null);
    private static final StageDeadlines DUE = new StageDeadlines(Instant.parse("2026-01-12T17:00:00Z"),
            Instant.parse("2026-01-09T17:00:00Z"));
    private static final List<Recipient> RAISER = List.of(new Recipient("iro-1", RecipientReason.RAISER));

    private SampleEvents() {
    }

    static List<PracticeEvent> all() {
        return List.of(
                new AlertRaised("e-01", ALERT, AT, 1, "PA-2026-000001", new PolicyRef("seed-002-cro", 1),
                        "MOSAIC-123456", List.of("MOSAIC-123457"), PlanType.CHILD_WE_CARE_FOR, "team-north",
                        "iro-1", "IRO", "STATUTORY_VISIT", List.of("STATUTORY_VISIT", "CHILDS_VOICE"),
                        "Statutory visits overdue by three weeks.", "Placement concerns not seen.",
                        "Says nobody has asked how school is going.",
                        List.of(new RecommendedAction(1, "Visit within 5 working days", "5 working days")),
                        Urgency.IMMEDIATE_RISK, false, null,
                        new InformalResolution(LocalDate.parse("2025-12-18"), "sw-1", "Agreed visit did not happen"),
                        1, null, TM, DUE, Instant.parse("2026-02-02T17:00:00Z"),
                        List.of(new Recipient("tm-north-1", RecipientReason.RESPONDER),
                                new Recipient("iro-tm", RecipientReason.RAISERS_TEAM_MANAGER),
                                Recipient.of("iro-sm", List.of(RecipientReason.IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER,
                                        RecipientReason.RAISERS_SERVICE_MANAGER))),
                                        AlertStatus.AWAITING_RESPONSE),
                new AlertAcknowledged("e-02", ALERT, AT, 1, 1, "tm-north-1"),
                new ResponseRecorded("e-03", ALERT, AT, 1, 1, "tm-north-1", null, "Visit booked for Thursday.",
                        List.of(new AgreedAction("act-1", "Statutory visit", "sw-1", LocalDate.parse("2026-01-08"),
                                Instant.parse("2026-01-08T17:00:00Z"))),
                        DUE.responseDueAt(), true, RAISER, AlertStatus.AWAITING_JUDGEMENT,
                        new StageRecord(new StageRecord.Contact("sm-north", AT),
                                new StageRecord.Meeting(AT, "sm-iro", List.of("tm-north-1", "iro-1")),
                                LocalDate.parse("2026-01-08"))),
                new FurtherActionsRequested("e-04", ALERT, AT, 1, 1, "iro-1", "Please add a date for the PEP.", TM,
                        DUE, List.of(new Recipient("tm-north-1", RecipientReason.RESPONDER)),
                        AlertStatus.AWAITING_RESPONSE),
                new StageEscalated("e-05", ALERT, AT, 1, 1, 2, EscalationReason.DEADLINE_MISSED, StageEscalated.SYSTEM,
                        null, SM, DUE, List.of(new Recipient("sm-north", RecipientReason.RESPONDER),
                        new Recipient("iro-sm", RecipientReason.RAISERS_SERVICE_MANAGER)),
                                AlertStatus.AWAITING_RESPONSE),
                new AlertResolved("e-06", ALERT, AT, 1, 2, "iro-1", "Visits now on schedule.", false, RAISER,
                        AlertStatus.RESOLVED),
                new ActionReviewScheduled("e-07", ALERT, AT, 1, 2, "iro-1", LocalDate.parse("2026-02-02"),
                        Instant.parse("2026-02-02T17:00:00Z"), "Check the visits happened.", AlertStatus.ACTION_REVIEW),
                new AlertReopened("e-08", ALERT, AT, 1, 2, 3, "iro-1", "Visits lapsed again.",
                        new Assignment("hos-children", "HEAD_OF_SERVICE", null), DUE, RAISER,
                                AlertStatus.AWAITING_RESPONSE),
                new AlertWithdrawn("e-09", ALERT, AT, 1, 1, "iro-1", "Raised on the wrong child record.", RAISER,
                        AlertStatus.WITHDRAWN),
                new CafcassReferralRecorded("e-10", ALERT, AT, 1, 2, "iro-1", LocalDate.parse("2026-01-05"),
                        "Concurrent referral.", RAISER),
                new PartnershipReferralRecorded("e-11", ALERT, AT, 1, 4, "iro-1", "Multi-agency disagreement.",
                        RAISER),
                new AlertReassigned("e-12", ALERT, AT, 1, 1, "admin-1", TM,
                        new Assignment("tm-duty", "TEAM_MANAGER", "tm-north-1"), "Annual leave",
                        List.of(new Recipient("tm-duty", RecipientReason.RESPONDER))),
                new ActionCompleted("e-13", ALERT, AT, 1, "act-1", "sw-1", LocalDate.parse("2026-01-08"), "Seen alone."),
                new NoteAdded("e-14", ALERT, AT, 1, "note-1", "iro-1", "Spoke to the team manager by phone."),
                new ReminderDue("e-16", ALERT, AT, 1, 1, DUE.reminderAt(), DUE.responseDueAt(),
                        List.of(new Recipient("tm-north-1", RecipientReason.RESPONDER))),
                new ActionOverdue("e-17", ALERT, AT, 1, "act-1", "sw-1", LocalDate.parse("2026-01-08"),
                        List.of(new Recipient("sw-1", RecipientReason.ACTION_OWNER),
                                new Recipient("tm-north-1", RecipientReason.RESPONDER))),
                new ReviewDue("e-18", ALERT, AT, 1, 2, LocalDate.parse("2026-02-02"), RAISER),
                new StatutoryTotalExceeded("e-19", ALERT, AT, 1, 3, Instant.parse("2026-02-02T17:00:00Z"), true,
                        RAISER),
                new DeadlineRescheduled("e-20", ALERT, AT, 1, 1, DeadlineKind.RESPONSE,
                        Instant.parse("2026-01-12T17:00:00Z"), Instant.parse("2026-01-13T17:00:00Z"),
                        "Council closure day 2026-01-09 added"),
                new DeadlineMissed("e-21", ALERT, AT, 1, 4, Instant.parse("2026-02-02T17:00:00Z"),
                        DeadlineMissed.Outcome.LADDER_EXHAUSTED, NextRoute.SAFEGUARDING_PARTNERSHIP,
                        List.of(new Recipient("iro-1", RecipientReason.RAISER),
                                new Recipient("dcs", RecipientReason.TOP_OF_RESPONDERS_LINE))),
                new InformalResolutionRecorded("e-22", "1f0a0000-0000-4000-8000-000000000001", AT, 1, "MOSAIC-123456",
                        PlanType.CHILD_PROTECTION, "team-north", "cpc-1", "sw-1", LocalDate.parse("2026-01-02"),
                        "Agreed the visit would happen this week.", false,
                        List.of(new Recipient("tm-north-1", RecipientReason.CHILDS_TEAM_MANAGER))),
                new CommendationRecorded("e-15", "c0mm-0000-4000-8000-000000000001", AT, 1, "MOSAIC-123456",
                        PlanType.CHILD_PROTECTION, "team-north", "cpc-1", List.of("sw-1"), "CHILDS_VOICE",
                        "Excellent direct work.",
                        List.of(new Recipient("tm-north-1", RecipientReason.TEAM_MANAGER))));
    }
}
