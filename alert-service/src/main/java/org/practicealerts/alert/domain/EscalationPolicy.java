package org.practicealerts.alert.domain;

import org.practicealerts.alert.api.Commands.EscalateAlert;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.AlertStatus;
import org.practicealerts.events.EscalationReason;

/**
 * Where an escalation goes: the raiser escalates an inadequate response or a deadline missed under a procedure that
 * has them progress it (to the next stage, or one they name), moves on because communication is not forthcoming
 * (the next stage), or bypasses to a stage the procedure allows; a missed deadline under a procedure that escalates
 * by itself goes one stage up. There must be a higher stage.
 */
final class EscalationPolicy {

    private EscalationPolicy() {
    }

    /** The stage the raiser's escalation goes to from {@code stage}. */
    static int targetOf(EscalateAlert cmd, Policy p, int stage, AlertStatus status, boolean deadlineMissed) {
        if (status == AlertStatus.ACTION_REVIEW) {
            throw AlertRefused.illegal("an alert under action review is re-opened at a higher stage, not escalated");
        }
        int to;
        if (cmd.reason() == EscalationReason.RESPONSE_INADEQUATE) {
            if (status != AlertStatus.AWAITING_JUDGEMENT) {
                throw AlertRefused.illegal("a response must be recorded before it can be judged inadequate");
            }
            to = cmd.toStage() == null ? stage + 1 : cmd.toStage();
        } else if (cmd.reason() == EscalationReason.DEADLINE_MISSED) {
            if (status != AlertStatus.AWAITING_RESPONSE || !deadlineMissed) {
                throw AlertRefused.illegal("the stage's response deadline has not been missed");
            }
            to = cmd.toStage() == null ? stage + 1 : cmd.toStage();
        } else if (cmd.reason() == EscalationReason.BYPASS) {
            if (cmd.toStage() == null || cmd.note() == null || cmd.note().isBlank()) {
                throw AlertRefused.invalid("a bypass names the stage to go to (toStage) and why (note)");
            }
            to = cmd.toStage();
            if (!p.bypassStages().contains(to)) {
                throw AlertRefused.invalid("policy " + p.id() + " does not allow bypassing to stage " + to);
            }
        } else if (cmd.reason() == EscalationReason.COMMUNICATION_NOT_FORTHCOMING) {
            // Seed 003: "communication is not forthcoming" progresses to the next stage, answered or not.
            if (cmd.note() == null || cmd.note().isBlank()) {
                throw AlertRefused.invalid("communication not forthcoming needs a note of the contact attempted");
            }
            to = cmd.toStage() == null ? stage + 1 : cmd.toStage();
            if (to > stage + 1 && stage < p.finalStage()) {
                throw AlertRefused.invalid("communication not forthcoming moves to the next stage (" + (stage + 1)
                        + "); going further is a BYPASS");
            }
        } else {
            throw AlertRefused.invalid("the raiser escalates for RESPONSE_INADEQUATE, DEADLINE_MISSED, "
                    + "COMMUNICATION_NOT_FORTHCOMING or BYPASS");
        }
        requireHigherStage(p, stage, to);
        return to;
    }

    /** An escalation or re-opening from {@code stage} to {@code to}: a stage above this one, within the ladder. */
    static void requireHigherStage(Policy p, int stage, int to) {
        if (stage >= p.finalStage()) {
            throw AlertRefused.illegal("stage " + stage + " is the final stage of " + p.id()
                    + (p.finalStageReferral() ? ": refer to the Safeguarding Children Partnership instead" : ""));
        }
        if (to <= stage || to > p.finalStage()) {
            throw AlertRefused.invalid("toStage must be between " + (stage + 1) + " and " + p.finalStage());
        }
    }

    /**
     * Where an alert under action review is re-opened: the stage the raiser names, or the next one. At the final
     * stage there is nowhere higher, so the final rung answers again with a fresh timescale.
     */
    static int reopenTarget(Policy p, int stage, Integer requested) {
        if (stage >= p.finalStage()) {
            if (requested != null && requested != stage) {
                throw AlertRefused.invalid("at the final stage an alert is re-opened at stage " + stage);
            }
            return stage;
        }
        int to = requested == null ? stage + 1 : requested;
        requireHigherStage(p, stage, to);
        return to;
    }
}
