package org.practicealerts.alert.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.practicealerts.alert.api.Commands.NewAction;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.events.ActionCompleted;
import org.practicealerts.events.AgreedAction;
import org.practicealerts.events.ResponseRecorded;

/**
 * The actions responders agreed on an alert, numbered across its whole life (a1, a2, … over every response), and
 * which of them are done. Owned by {@link PracticeAlert} as an aggregate member: it changes only from the alert's
 * events.
 */
final class AgreedActions {

    private final Map<String, AgreedAction> agreed = new LinkedHashMap<>();
    private final Set<String> done = new HashSet<>();

    /**
     * The actions a response commits to, numbered after those already agreed and due at the end of their due date.
     * Refused if an owner is not in the directory.
     */
    List<AgreedAction> commit(String alertId, List<NewAction> asked, ReportingLines lines,
                              Function<LocalDate, Instant> endOfDay) {
        List<AgreedAction> out = new ArrayList<>();
        int n = agreed.size();
        for (NewAction a : asked) {
            if (lines.person(a.ownerId()).isEmpty()) {
                throw AlertRefused.invalid("action owner " + a.ownerId() + " is not in the directory");
            }
            out.add(new AgreedAction(alertId + "-a" + (++n), a.description(), a.ownerId(), a.dueDate(),
                    endOfDay.apply(a.dueDate())));
        }
        return out;
    }

    Optional<AgreedAction> find(String actionId) {
        return Optional.ofNullable(agreed.get(actionId));
    }

    /**
     * Refuses completing {@code actionId} unless the alert has it, it is still open, and {@code by} owns it or took
     * part in the alert (its raiser or a responder).
     */
    void requireCompletable(String alertId, String actionId, String by, boolean tookPart) {
        AgreedAction action = agreed.get(actionId);
        if (action == null) {
            throw AlertRefused.invalid("alert " + alertId + " has no action " + actionId);
        }
        if (!by.equals(action.ownerId()) && !tookPart) {
            throw AlertRefused.notPermitted("only the action's owner, a responder or the raiser may complete it");
        }
        if (done.contains(actionId)) {
            throw AlertRefused.illegal("action " + actionId + " is already complete");
        }
    }

    /** Whether {@code actionId} is agreed, not done, and due at {@code dueAt}: a scheduler's trigger still applies. */
    boolean isOpenAndDueAt(String actionId, Instant dueAt) {
        AgreedAction action = agreed.get(actionId);
        return action != null && !done.contains(actionId) && dueAt.equals(action.dueAt());
    }

    @EventSourcingHandler
    void on(ResponseRecorded e) {
        e.actions().forEach(a -> agreed.put(a.actionId(), a));
    }

    @EventSourcingHandler
    void on(ActionCompleted e) {
        done.add(e.actionId());
    }
}
