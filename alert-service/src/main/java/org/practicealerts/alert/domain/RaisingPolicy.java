package org.practicealerts.alert.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.practicealerts.alert.api.Actor;
import org.practicealerts.alert.api.Commands.RaiseAlert;
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
    private static final String FIELD = "procedure";

    /** The procedure a raise falls under, and the officer's role it is raised in. */
    record Choice(ActiveProcedure procedure, Role raiserRole) {
        Policy policy() {
            return procedure.policy();
        }
    }

    /**
     * The procedure named, or else the one procedure in force that applies to this officer and plan type. None, or
     * more than one, is a refusal against {@code procedure} that names the choices; so is a named procedure that is
     * not in force or does not apply.
     */
    static Choice choose(PolicyCatalogue catalogue, Actor actor, String named, PlanType planType) {
        List<Role> roles = OFFICERS.stream().filter(actor::has).toList();
        if (roles.isEmpty()) {
            throw AlertRefused.notPermitted("only a CPC, IRO or CRO may raise a practice alert");
        }
        String who = roles.stream().map(Role::name).collect(Collectors.joining(" or ")) + " for " + planType;
        List<ActiveProcedure> all = catalogue.procedures();
        if (named != null) {
            ActiveProcedure p = catalogue.procedure(named).orElseThrow(() -> AlertRefused.invalid(FIELD,
                    "procedure " + named + " is not in force here; choose one of " + describe(all)));
            return applying(p, roles, planType).orElseThrow(() -> AlertRefused.invalid(FIELD,
                    "procedure " + p.describe() + " does not apply to an alert raised by " + who));
        }
        List<Choice> applying = all.stream().flatMap(p -> applying(p, roles, planType).stream()).toList();
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

    private static Optional<Choice> applying(ActiveProcedure p, List<Role> roles, PlanType planType) {
        if (!p.acceptsPlanType(planType)) {
            return Optional.empty();
        }
        return roles.stream().filter(p::acceptsRaiser).findFirst().map(role -> new Choice(p, role));
    }

    private static String describe(List<ActiveProcedure> procedures) {
        return procedures.stream().map(ActiveProcedure::describe).collect(Collectors.joining("; "));
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
