package org.practicealerts.alert.domain;

import java.util.List;
import java.util.Optional;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.PolicyRef;

/**
 * The procedures new alerts are raised under (one or several, each with whom it applies to), and every version
 * an existing alert may still refer to.
 */
public interface PolicyCatalogue {

    /** The procedures in force, in the order the council listed them; never empty. */
    List<ActiveProcedure> procedures();

    /** The exact version an alert was raised under. */
    Policy get(PolicyRef ref);

    /** The first procedure listed: what a question about "the" procedure is answered with when none is named. */
    default Policy primary() {
        return procedures().get(0).policy();
    }

    default Optional<ActiveProcedure> procedure(String id) {
        return procedures().stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Whether any procedure in force has the category (a commendation is recorded under no single procedure). */
    default boolean anyHasCategory(String code) {
        return procedures().stream().anyMatch(p -> p.policy().hasCategory(code));
    }
}
