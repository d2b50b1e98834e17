package org.practicealerts.alert.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.Relation;
import org.practicealerts.events.AgreedAction;
import org.practicealerts.events.Assignment;
import org.practicealerts.events.NextRoute;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Urgency;

/**
 * Who is told of each fact of an alert, and why. Lists keep one entry per person, in the order the procedure first
 * names them, with every reason they are named for, most urgent first ({@link RecipientReason#MOST_URGENT_FIRST}):
 * a service manager who answers the stage and is also told of an immediate risk hears of both, the risk first.
 */
final class Recipients {

    private Recipients() {
    }

    /** Raised: the stage's people, whoever the procedure tells on raise, and on immediate risk the senior managers. */
    static List<Recipient> ofRaise(StagePlanner planner, Policy p, StageEntry entry, Parties parties,
                                   Urgency urgency) {
        List<Recipient> out = new ArrayList<>(entry.recipients());
        out.addAll(planner.recipients(p.raiseNotify(), parties));
        if (urgency == Urgency.IMMEDIATE_RISK) {
            out.addAll(planner.immediateRiskRecipients(p.immediateRiskNotify(), parties));
        }
        return merged(out);
    }

    /** Escalated: the new stage's people, the raiser, and the previous responder if someone else answers now. */
    static List<Recipient> ofEscalation(StageEntry entry, Parties parties, Assignment previous) {
        List<Recipient> out = new ArrayList<>(entry.recipients());
        out.add(raiser(parties));
        if (!previous.personId().equals(entry.responder().personId())) {
            out.add(new Recipient(previous.personId(), RecipientReason.PREVIOUS_RESPONDER));
        }
        return merged(out);
    }

    static List<Recipient> ofActionOverdue(AgreedAction action, Parties parties, Assignment responder) {
        List<Recipient> out = new ArrayList<>();
        out.add(new Recipient(action.ownerId(), RecipientReason.ACTION_OWNER));
        out.addAll(responderAndCovered(responder));
        out.add(raiser(parties));
        return merged(out);
    }

    static List<Recipient> ofStatutoryTotal(StagePlanner planner, Parties parties, Assignment responder) {
        List<Recipient> out = new ArrayList<>();
        out.add(raiser(parties));
        out.addAll(planner.recipients(List.of(Relation.RAISERS_TEAM_MANAGER), parties));
        out.addAll(responderAndCovered(responder));
        return merged(out);
    }

    /**
     * The final stage's deadline passed: the raiser and their managers, the responder, whoever heads the responder's
     * reporting line, and the Director when the procedure's next route is theirs.
     */
    static List<Recipient> ofLadderExhausted(StagePlanner planner, Policy p, Parties parties, Assignment responder) {
        List<Recipient> out = new ArrayList<>();
        out.add(raiser(parties));
        out.addAll(planner.recipients(List.of(Relation.RAISERS_TEAM_MANAGER, Relation.RAISERS_SERVICE_MANAGER,
                Relation.RAISERS_HEAD_OF_SERVICE), parties));
        out.addAll(responderAndCovered(responder));
        planner.topOfLine(responder.personId())
                .ifPresent(top -> out.add(new Recipient(top.id(), RecipientReason.TOP_OF_RESPONDERS_LINE)));
        if (p.afterFinalStage() == NextRoute.DIRECTOR) {
            out.addAll(planner.recipients(List.of(Relation.DIRECTOR), parties));
        }
        return merged(out);
    }

    /** A referral outside the ladder (Cafcass, the partnership): both sides' service managers and the responder. */
    static List<Recipient> ofReferral(StagePlanner planner, Parties parties, Assignment responder) {
        List<Recipient> out = new ArrayList<>(planner.recipients(
                List.of(Relation.RAISERS_SERVICE_MANAGER, Relation.CHILDS_SERVICE_MANAGER), parties));
        out.add(new Recipient(responder.personId(), RecipientReason.RESPONDER));
        return merged(out);
    }

    static List<Recipient> ofReassignment(String to, Assignment from) {
        return List.of(new Recipient(to, RecipientReason.RESPONDER),
                new Recipient(from.personId(), RecipientReason.PREVIOUS_RESPONDER));
    }

    /** The responder, then the person they cover for. */
    static List<Recipient> responderAndCovered(Assignment responder) {
        List<Recipient> out = new ArrayList<>();
        out.add(new Recipient(responder.personId(), RecipientReason.RESPONDER));
        if (responder.coverFor() != null) {
            out.add(new Recipient(responder.coverFor(), RecipientReason.COVERED_RESPONDER));
        }
        return out;
    }

    static List<Recipient> responderOnly(Assignment responder) {
        return List.of(new Recipient(responder.personId(), RecipientReason.RESPONDER));
    }

    static List<Recipient> raiserOnly(Parties parties) {
        return List.of(raiser(parties));
    }

    private static Recipient raiser(Parties parties) {
        return new Recipient(parties.raiserId(), RecipientReason.RAISER);
    }

    /** One entry per person, in the order first named, with all their reasons (each once), most urgent first. */
    static List<Recipient> merged(List<Recipient> recipients) {
        Map<String, Set<RecipientReason>> byPerson = new LinkedHashMap<>();
        recipients.forEach(r -> byPerson.computeIfAbsent(r.personId(), id -> new LinkedHashSet<>())
                .addAll(r.reasons()));
        List<Recipient> out = new ArrayList<>(byPerson.size());
        byPerson.forEach((person, reasons) -> out.add(Recipient.of(person,
                reasons.stream().sorted(RecipientReason.MOST_URGENT_FIRST).toList())));
        return List.copyOf(out);
    }
}
