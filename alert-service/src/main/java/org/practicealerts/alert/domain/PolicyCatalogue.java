package org.practicealerts.alert.domain;

import org.practicealerts.alert.policy.Policy;
import org.practicealerts.events.PolicyRef;

/** The policy new alerts are raised under, and every version an existing alert may still refer to. */
public interface PolicyCatalogue {

    Policy active();

    /** The exact version an alert was raised under. */
    Policy get(PolicyRef ref);
}
