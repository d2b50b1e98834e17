package org.practicealerts.alert.domain;

import java.util.ArrayList;
import java.util.List;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.Role;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.Urgency;

/**
 * Who may raise a practice alert, under which categories, and at which stage it enters the ladder: stage 1, a
 * bypass the procedure allows (with a reason), or the urgent entry stage.
 */
final class RaisingPolicy {

    private RaisingPolicy() {
    }

    /**
     * The role the alert is raised in. A concern about a chair is raised by the social work team (seed 003: "Child
     * Protection Chairs or Social Work teams"); every other alert by the independent officer.
     */
    static String raiserRole(Actor actor, ConcernAbout about) {
        if (about != null) {
            if (actor.has(Role.TEAM_MANAGER)) {
                return Role.TEAM_MANAGER.name();
            }
            if (actor.has(Role.SOCIAL_WORKER)) {
                return Role.SOCIAL_WORKER.name();
            }
            throw AlertRefused.notPermitted("only a social worker or team manager may raise a concern about a chair");
        }
        return raiserRole(actor);
    }

    /** The chair a concern is about must be a chair (CPC, IRO or CRO) in the directory. */
    static void requireChair(ConcernAbout about, ReportingLines lines) {
        if (about == null) {
            return;
        }
        if (about.subject() != ConcernAbout.Subject.CHAIR || about.personId() == null || lines.person(about.personId())
                .filter(p -> p.has(Role.CPC) || p.has(Role.IRO) || p.has(Role.CRO)).isEmpty()) {
            throw AlertRefused.invalid("concernAbout: " + (about.personId() == null ? "a chair's person id is required"
                    : about.personId() + " is not a chair (CPC, IRO or CRO) in the directory"));
        }
    }

    /** The independent officer's role the alert is raised in; refused for anyone else. */
    static String raiserRole(Actor actor) {
        if (actor.has(Role.CRO)) {
            return Role.CRO.name();
        }
        if (actor.has(Role.IRO)) {
            return Role.IRO.name();
        }
        if (actor.has(Role.CPC)) {
            return Role.CPC.name();
        }
        throw AlertRefused.notPermitted("only a CPC, IRO or CRO may raise a practice alert");
    }

    static void requireCategories(Policy p, RaiseAlert.Concern concern) {
        List<String> all = new ArrayList<>(List.of(concern.primaryCategory()));
        all.addAll(categories(concern));
        for (String c : all) {
            if (!p.hasCategory(c)) {
                throw AlertRefused.invalid("category " + c + " is not in policy " + p.id() + " v" + p.version());
            }
        }
    }

    static List<String> categories(RaiseAlert.Concern concern) {
        return concern.categories() == null ? List.of() : concern.categories();
    }

    static int entryStage(Policy p, RaiseAlert.Routing routing) {
        int requested = routing.startStage() == null ? 1 : routing.startStage();
        if (requested < 1 || requested > p.finalStage()) {
            throw AlertRefused.invalid("startStage must be between 1 and " + p.finalStage());
        }
        int start = urgency(routing) == Urgency.ROUTINE ? requested : Math.max(requested, p.urgentEntryStage());
        if (requested > 1) {
            if (!p.bypassStages().contains(requested)) {
                throw AlertRefused.invalid("policy " + p.id() + " does not allow raising directly at stage " + requested);
            }
            if (isBlank(routing.bypassReason())) {
                throw AlertRefused.invalid("bypassReason is required to raise at stage " + requested);
            }
        }
        return start;
    }

    static Urgency urgency(RaiseAlert.Routing routing) {
        return routing.urgency() == null ? Urgency.ROUTINE : routing.urgency();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
