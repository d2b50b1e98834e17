package org.practicealerts.alert.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.RaiseAlert;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.events.ConcernAbout;
import org.practicealerts.events.Role;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.Urgency;

/**
 * Who may raise a practice alert, under which categories, and at which stage it enters the ladder: stage 1, a
 * bypass the procedure allows (with a reason), or the urgent entry stage.
 */
final class RaisingPolicy {

    private RaisingPolicy() {
    }

    /** The roles an alert may be raised in, in the order one is chosen when a person holds several. */
    private static final List<Role> OFFICERS = List.of(Role.CRO, Role.IRO, Role.CPC);
    /** Who raises a concern about a chair: the social work team (seed 003: "Child Protection Chairs or Social Work teams"). */
    private static final List<Role> SOCIAL_WORK_TEAM = List.of(Role.TEAM_MANAGER, Role.SOCIAL_WORKER);
    private static final String FIELD = "procedure";

    /** The procedure a raise falls under, and the role it is raised in. */
    record Choice(ActiveProcedure procedure, Role raiserRole) {
        Policy policy() {
            return procedure.policy();
        }
    }

    /**
     * The procedure named, or else the one procedure in force that applies to this raiser and plan type: for a
     * concern about a chair, one that routes such concerns ({@code chairConcernResponder}). None, or more than one, is
     * a refusal against {@code procedure} that names the choices; so is a named procedure that is not in force or does
     * not apply.
     */
    static Choice choose(PolicyCatalogue catalogue, Actor actor, String named, PlanType planType, ConcernAbout about) {
        List<Role> roles = raiserRoles(actor, about);
        String who = roles.stream().map(Role::name).collect(Collectors.joining(" or ")) + " for " + planType
                + (about == null ? "" : " about a chair");
        List<ActiveProcedure> all = catalogue.procedures();
        if (named != null) {
            ActiveProcedure p = catalogue.procedure(named).orElseThrow(() -> AlertRefused.invalid(FIELD,
                    "procedure " + named + " is not in force here; choose one of " + describe(all)));
            return applying(p, roles, planType, about).orElseThrow(() -> AlertRefused.invalid(FIELD,
                    "procedure " + p.describe() + " does not apply to an alert raised by " + who));
        }
        List<Choice> applying = all.stream().flatMap(p -> applying(p, roles, planType, about).stream()).toList();
        if (applying.size() == 1) {
            return applying.get(0);
        }
        if (applying.isEmpty()) {
            throw AlertRefused.invalid(FIELD, "no procedure in force applies to an alert raised by " + who
                    + "; in force: " + describe(all));
        }
        throw AlertRefused.invalid(FIELD, "more than one procedure applies to an alert raised by " + who
                + ": name one of " + describe(applying.stream().map(Choice::procedure).toList()));
    }

    /**
     * The roles {@code actor} may raise this alert in, best first: an officer's for an alert about practice on the
     * case, the social work team's for a concern about a chair. None is a refusal (403).
     */
    static List<Role> raiserRoles(Actor actor, ConcernAbout about) {
        List<Role> roles = (about == null ? OFFICERS : SOCIAL_WORK_TEAM).stream().filter(actor::has).toList();
        if (roles.isEmpty()) {
            throw AlertRefused.notPermitted(about == null ? "only a CPC, IRO or CRO may raise a practice alert"
                    : "only a social worker or team manager may raise a concern about a chair");
        }
        return roles;
    }

    private static Optional<Choice> applying(ActiveProcedure p, List<Role> roles, PlanType planType,
                                             ConcernAbout about) {
        if (!p.acceptsPlanType(planType)) {
            return Optional.empty();
        }
        if (about != null) {
            return p.policy().chairConcernResponder() == null ? Optional.empty()
                    : Optional.of(new Choice(p, roles.get(0)));
        }
        return roles.stream().filter(p::acceptsRaiser).findFirst().map(role -> new Choice(p, role));
    }

    private static String describe(List<ActiveProcedure> procedures) {
        return procedures.stream().map(ActiveProcedure::describe).collect(Collectors.joining("; "));
    }

    /** The child's allocated social worker, when named, must be an active person in the directory. */
    static void requireSocialWorker(String socialWorkerId, ReportingLines lines) {
        if (socialWorkerId != null && lines.person(socialWorkerId).filter(p -> p.active()).isEmpty()) {
            throw AlertRefused.invalid("socialWorkerId", socialWorkerId + " is not an active person in the directory");
        }
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
