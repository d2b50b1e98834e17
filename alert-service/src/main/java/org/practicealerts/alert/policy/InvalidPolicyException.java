package org.practicealerts.alert.policy;

import java.util.List;

/** A policy that cannot be used, with every problem found (so a council fixes them in one pass). */
public class InvalidPolicyException extends RuntimeException {

    private final transient List<String> problems;

    public InvalidPolicyException(String source, List<String> problems) {
        super("policy " + source + " is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
