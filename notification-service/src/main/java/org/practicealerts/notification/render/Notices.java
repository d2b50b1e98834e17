package org.practicealerts.notification.render;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.practicealerts.events.ActionOverdue;
import org.practicealerts.events.AlertRaised;
import org.practicealerts.events.AlertReassigned;
import org.practicealerts.events.AlertReopened;
import org.practicealerts.events.AlertResolved;
import org.practicealerts.events.AlertWithdrawn;
import org.practicealerts.events.CafcassReferralRecorded;
import org.practicealerts.events.CommendationRecorded;
import org.practicealerts.events.DeadlineMissed;
import org.practicealerts.events.EscalationReason;
import org.practicealerts.events.InformalResolutionRecorded;
import org.practicealerts.events.FurtherActionsRequested;
import org.practicealerts.events.PartnershipReferralRecorded;
import org.practicealerts.events.PracticeEvent;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.ReminderDue;
import org.practicealerts.events.ResponseRecorded;
import org.practicealerts.events.ReviewDue;
import org.practicealerts.events.StageEscalated;
import org.practicealerts.events.StatutoryTotalExceeded;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.outbox.AlertProjection;

/**
 * Turns an event into a {@link Notice} for one recipient. Reads only ids, stages, enums and instants from the event:
 * never childRef, summary, impact, the child's voice, response, note, outcome or reason text, nor competence detail.
 * Every notice carries the alert's urgency; one about an immediate risk of harm (the alert's urgency, or any
 * {@code IMMEDIATE_RISK_*} reason the person is told for) says so first in its title.
 */
public final class Notices {

    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.UK);
    private static final String TEAM_CHANNEL_WHY = "Posted to your team's channel.";
    /** How the title of a notice about an immediate risk of harm starts (and so the email subject). */
    public static final String IMMEDIATE_RISK_PREFIX = "URGENT \u2013 immediate risk: ";

    private Notices() {
    }

    /** The recipients an event names (empty when it names nobody). */
    public static List<Recipient> recipients(PracticeEvent e) {
        List<Recipient> r = null;
        if (e instanceof AlertRaised x) {
            r = x.recipients();
        } else if (e instanceof StageEscalated x) {
            r = x.recipients();
        } else if (e instanceof ResponseRecorded x) {
            r = x.recipients();
        } else if (e instanceof ReminderDue x) {
            r = x.recipients();
        } else if (e instanceof ActionOverdue x) {
            r = x.recipients();
        } else if (e instanceof ReviewDue x) {
            r = x.recipients();
        } else if (e instanceof StatutoryTotalExceeded x) {
            r = x.recipients();
        } else if (e instanceof DeadlineMissed x) {
            r = x.recipients();
        } else if (e instanceof AlertResolved x) {
            r = x.recipients();
        } else if (e instanceof AlertReopened x) {
            r = x.recipients();
        } else if (e instanceof AlertReassigned x) {
            r = x.recipients();
        } else if (e instanceof CafcassReferralRecorded x) {
            r = x.recipients();
        } else if (e instanceof PartnershipReferralRecorded x) {
            r = x.recipients();
        } else if (e instanceof FurtherActionsRequested x) {
            r = x.recipients();
        } else if (e instanceof AlertWithdrawn x) {
            r = x.recipients();
        } else if (e instanceof CommendationRecorded x) {
            r = x.recipients();
        } else if (e instanceof InformalResolutionRecorded x) {
            r = x.recipients();
        }
        return r == null ? List.of() : r;
    }

    /** Events that also post one card to the alert's team channel, when the team has one. */
    public static boolean postsToTeamChannel(PracticeEvent e) {
        return e instanceof AlertRaised || e instanceof StageEscalated || e instanceof StatutoryTotalExceeded
                || e instanceof DeadlineMissed;
    }

    public static String link(String publicBaseUrl, PracticeEvent e) {
        String base = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
                : publicBaseUrl;
        if (e instanceof CommendationRecorded c) {
            return base + "/commendations/" + c.commendationId();
        }
        if (e instanceof InformalResolutionRecorded i) {
            return base + "/informal-resolutions/" + i.recordId();
        }
        return base + "/alerts/" + e.aggregateId();
    }

    /**
     * The notice for one person named on the event.
     *
     * @param view    the alert's projection after the event (reference, stage, response due, urgency), or null
     * @param reasons every reason the recipient is told for, most urgent first (empty when the event gave none)
     */
    public static Notice of(PracticeEvent e, AlertProjection.View view, List<RecipientReason> reasons, String link) {
        List<String> why = reasons.isEmpty() ? List.of(why(null)) : reasons.stream().map(Notices::why).toList();
        return notice(e, view, reasons, why, link);
    }

    /** The card posted to the alert's team channel: nobody in particular is asked to act. */
    public static Notice forTeamChannel(PracticeEvent e, AlertProjection.View view, String link) {
        return notice(e, view, List.of(), List.of(TEAM_CHANNEL_WHY), link);
    }

    /**
     * The urgency a notice tells: an immediate risk when the person is told of one, else the alert's (from its raise,
     * or as the projection kept it), routine for what is not about an alert or an alert never seen raised.
     */
    static Urgency urgency(PracticeEvent e, AlertProjection.View view, List<RecipientReason> reasons) {
        if (reasons.stream().anyMatch(RecipientReason::immediateRisk)) {
            return Urgency.IMMEDIATE_RISK;
        }
        if (e instanceof AlertRaised r && r.urgency() != null) {
            return r.urgency();
        }
        return view == null ? Urgency.ROUTINE : view.urgency();
    }

    private static Notice notice(PracticeEvent e, AlertProjection.View view, List<RecipientReason> reasons,
                                 List<String> why, String link) {
        Notice n = content(e, view, reasons, why, link, urgency(e, view, reasons));
        return n.immediateRisk() ? new Notice(n.eventType(), IMMEDIATE_RISK_PREFIX + n.title(), n.reference(),
                n.stage(), n.ask(), n.dueBy(), n.why(), n.link(), n.urgency()) : n;
    }

    private static Notice content(PracticeEvent e, AlertProjection.View view, List<RecipientReason> reasons,
                                  List<String> why, String link, Urgency urgency) {
        String ref = view != null ? view.referenceOrId() : e.aggregateId();
        Integer stage = view != null && view.stage() > 0 ? view.stage() : null;
        Instant viewDue = view == null ? null : view.responseDueAt();
        boolean responder = reasons.contains(RecipientReason.RESPONDER);
        String type = e.getClass().getSimpleName();
        if (e instanceof AlertRaised r) {
            Integer s = r.stage();
            Instant due = r.deadlines() == null ? null : r.deadlines().responseDueAt();
            return new Notice(type, "New practice alert " + ref + " at stage " + s, ref, s,
                    responder ? "Please read the alert and record your response." : "For your information: a practice alert was raised.",
                    when(due), why, link, urgency);
        }
        if (e instanceof StageEscalated s) {
            Instant due = s.deadlines() == null ? null : s.deadlines().responseDueAt();
            String how = s.reason() == EscalationReason.DEADLINE_MISSED ? "no response arrived by the deadline"
                    : s.reason() == EscalationReason.BYPASS ? "the raiser bypassed a stage"
                    : s.reason() == EscalationReason.COMMUNICATION_NOT_FORTHCOMING
                            ? "communication from the stage's responder was not forthcoming"
                    : "the raiser judged the response inadequate";
            return new Notice(type, "Practice alert " + ref + " escalated to stage " + s.toStage(), ref, s.toStage(),
                    (responder ? "Please read the alert and record your response" : "For your information")
                            + " (escalated from stage " + s.fromStage() + " because " + how + ").",
                    when(due), why, link, urgency);
        }
        if (e instanceof ResponseRecorded r) {
            return new Notice(type, "Response recorded on practice alert " + ref, ref, r.stage(),
                    reasons.contains(RecipientReason.RAISER) ? "Please read the response and judge it: resolve, set an action review or escalate."
                            : "For your information: a response was recorded" + (r.onTime() ? "." : " after its deadline."),
                    null, why, link, urgency);
        }
        if (e instanceof ReminderDue r) {
            return new Notice(type, "Reminder: response due on practice alert " + ref, ref, r.stage(),
                    "Please record your response before it is due; it escalates automatically if none arrives.",
                    when(r.responseDueAt()), why, link, urgency);
        }
        if (e instanceof ActionOverdue a) {
            return new Notice(type, "Agreed action overdue on practice alert " + ref, ref, stage,
                    "An agreed action (" + a.actionId() + ") passed its due date: please complete it or update the alert.",
                    day(a.dueDate()), why, link, urgency);
        }
        if (e instanceof ReviewDue r) {
            return new Notice(type, "Action review due on practice alert " + ref, ref, r.stage(),
                    "Please check the agreed actions happened, then close the alert or re-open it at a higher stage.",
                    day(r.reviewDate()), why, link, urgency);
        }
        if (e instanceof StatutoryTotalExceeded s) {
            return new Notice(type, "Practice alert " + ref + " passed its statutory timescale", ref, s.stage(),
                    s.considerCafcass() ? "The formal process ran past its statutory total: please consider a Cafcass referral."
                            : "The formal process ran past its statutory total: please bring it to a close.",
                    when(s.statutoryDueAt()), why, link, urgency);
        }
        if (e instanceof DeadlineMissed m) {
            boolean exhausted = m.outcome() == DeadlineMissed.Outcome.LADDER_EXHAUSTED;
            String subject = exhausted ? "Practice alert " + ref + " reached the end of its ladder unanswered"
                    : "Practice alert " + ref + " missed its stage " + m.stage() + " deadline";
            String action;
            if (!exhausted) {
                action = reasons.contains(RecipientReason.RAISER)
                        ? "No response arrived by the deadline: please progress the alert to the next stage, or record why not."
                        : "For your information: no response arrived by the deadline.";
            } else {
                action = "The final stage's deadline passed with no response. " + switch (m.nextRoute()) {
                    case SAFEGUARDING_PARTNERSHIP -> "The procedure's next route is a referral to the Safeguarding Children Partnership.";
                    case DIRECTOR -> "The procedure's next route is the Director of Children's Services.";
                    case NONE -> "Please agree the next step.";
                };
            }
            return new Notice(type, subject, ref, m.stage(), action, when(m.dueAt()), why, link, urgency);
        }
        if (e instanceof AlertResolved r) {
            return new Notice(type, "Practice alert " + ref + " closed as resolved", ref, r.stage(),
                    "No action needed: the raiser closed the alert as resolved" + (r.afterReview() ? " after an action review." : "."),
                    null, why, link, urgency);
        }
        if (e instanceof AlertReopened r) {
            Instant due = r.deadlines() == null ? null : r.deadlines().responseDueAt();
            return new Notice(type, "Practice alert " + ref + " re-opened at stage " + r.toStage(), ref, r.toStage(),
                    responder ? "Please read the alert and record your response." : "For your information: the alert was re-opened after an action review.",
                    when(due), why, link, urgency);
        }
        if (e instanceof AlertReassigned r) {
            return new Notice(type, "Practice alert " + ref + " reassigned at stage " + r.stage(), ref, r.stage(),
                    responder ? "The response at this stage is now yours: please record it." : "For your information: the response at this stage was reassigned.",
                    when(viewDue), why, link, urgency);
        }
        if (e instanceof CafcassReferralRecorded c) {
            return new Notice(type, "Cafcass referral recorded on practice alert " + ref, ref, c.stage(),
                    "For your information: the case was referred to Cafcass. The alert stays open.", null, why, link, urgency);
        }
        if (e instanceof PartnershipReferralRecorded p) {
            return new Notice(type, "Practice alert " + ref + " referred to the Safeguarding Children Partnership", ref,
                    p.stage(), "For your information: the matter was referred to the partnership.", null, why, link, urgency);
        }
        if (e instanceof FurtherActionsRequested f) {
            Instant due = f.deadlines() == null ? null : f.deadlines().responseDueAt();
            return new Notice(type, "Further actions requested on practice alert " + ref, ref, f.stage(),
                    responder ? "The raiser asked for further actions: please add them to your response." : "For your information: further actions were requested.",
                    when(due), why, link, urgency);
        }
        if (e instanceof AlertWithdrawn w) {
            return new Notice(type, "Practice alert " + ref + " withdrawn", ref, w.stage(),
                    "No action needed: the raiser withdrew the alert.", null, why, link, urgency);
        }
        if (e instanceof CommendationRecorded c) {
            return new Notice(type, "Good practice recorded", c.commendationId(), null,
                    reasons.contains(RecipientReason.COMMENDED) ? "Your practice was commended. Thank you." : "For your information: good practice was recorded in your team.",
                    null, why, link, urgency);
        }
        if (e instanceof InformalResolutionRecorded i) {
            return new Notice(type, "Informal resolution recorded", i.recordId(), null,
                    i.resolved() ? "For your information: a concern was resolved informally with your team."
                            : "A concern was discussed informally and not resolved: a formal practice alert may follow.",
                    null, why, link, urgency);
        }
        return new Notice(type, "Update on practice alert " + ref, ref, stage, "For your information.", null, why,
                link, urgency);
    }

    static String when(Instant at) {
        return at == null ? null : WHEN.format(at.atZone(UK)) + " (UK time)";
    }

    static String day(LocalDate d) {
        return d == null ? null : DAY.format(d);
    }

    /** Why a person is told, in words: one sentence per reason (a person told for several hears each). */
    static String why(RecipientReason reason) {
        if (reason == null) {
            return "You are named on this alert.";
        }
        return switch (reason) {
            case RESPONDER -> "You are the responder at this stage.";
            case COVERED_RESPONDER -> "You are the assigned responder; your cover may answer for you.";
            case PREVIOUS_RESPONDER -> "You were the responder before.";
            case RAISER -> "You raised this alert.";
            case ACTION_OWNER -> "You own an agreed action.";
            case COMMENDED -> "You are named in this commendation.";
            case TEAM_MANAGER -> "You manage the team involved.";
            case CHILDS_TEAM_MANAGER -> "You are the team manager for the team involved.";
            case CHILDS_SERVICE_MANAGER -> "You are the service manager for the team involved.";
            case CHILDS_HEAD_OF_SERVICE -> "You are the head of service for the team involved.";
            case CHILDS_ASSISTANT_DIRECTOR -> "You are the assistant director for the team involved.";
            case CHILDS_SERVICE_DIRECTOR -> "You are the service director for the team involved.";
            case RAISERS_TEAM_MANAGER -> "You are the raiser's team manager.";
            case RAISERS_SERVICE_MANAGER -> "You are the raiser's service manager.";
            case RAISERS_HEAD_OF_SERVICE -> "You are the raiser's head of service.";
            case RAISERS_ASSISTANT_DIRECTOR -> "You are the raiser's assistant director.";
            case DIRECTOR -> "You are told as director.";
            case TOP_OF_RESPONDERS_LINE -> "You head the responder's reporting line.";
            case ALLOCATED_SOCIAL_WORKER -> "You are the child's allocated social worker.";
            case CHAIRS_LINE_MANAGER -> "You manage the chair the concern is about.";
            case CHAIRS_SERVICE_MANAGER -> "You are the service manager above the chair the concern is about.";
            case CHAIRS_HEAD_OF_SERVICE -> "You are the head of service above the chair the concern is about.";
            case IMMEDIATE_RISK_RAISER -> atOnce("as the raiser");
            case IMMEDIATE_RISK_CHILDS_TEAM_MANAGER -> atOnce("as the team manager for the team involved");
            case IMMEDIATE_RISK_CHILDS_SERVICE_MANAGER -> atOnce("as the service manager for the team involved");
            case IMMEDIATE_RISK_CHILDS_HEAD_OF_SERVICE -> atOnce("as the head of service for the team involved");
            case IMMEDIATE_RISK_CHILDS_ASSISTANT_DIRECTOR -> atOnce("as the assistant director for the team involved");
            case IMMEDIATE_RISK_CHILDS_SERVICE_DIRECTOR -> atOnce("as the service director for the team involved");
            case IMMEDIATE_RISK_RAISERS_TEAM_MANAGER -> atOnce("as the raiser's team manager");
            case IMMEDIATE_RISK_RAISERS_SERVICE_MANAGER -> atOnce("as the raiser's service manager");
            case IMMEDIATE_RISK_RAISERS_HEAD_OF_SERVICE -> atOnce("as the raiser's head of service");
            case IMMEDIATE_RISK_RAISERS_ASSISTANT_DIRECTOR -> atOnce("as the raiser's assistant director");
            case IMMEDIATE_RISK_DIRECTOR -> atOnce("as director");
            case IMMEDIATE_RISK_ALLOCATED_SOCIAL_WORKER -> atOnce("as the child's allocated social worker");
            case IMMEDIATE_RISK_CHAIRS_LINE_MANAGER -> atOnce("as the line manager of the chair the concern is about");
            case IMMEDIATE_RISK_CHAIRS_SERVICE_MANAGER ->
                    atOnce("as the service manager above the chair the concern is about");
            case IMMEDIATE_RISK_CHAIRS_HEAD_OF_SERVICE ->
                    atOnce("as the head of service above the chair the concern is about");
        };
    }

    private static String atOnce(String as) {
        return "You are told at once of an immediate risk of harm reported by the raiser, " + as + ".";
    }
}
