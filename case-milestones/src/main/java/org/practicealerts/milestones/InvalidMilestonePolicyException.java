package org.practicealerts.milestones;

import java.util.List;

/** A milestone policy that cannot be used, with every problem found in it. */
public class InvalidMilestonePolicyException extends IllegalArgumentException {

    private final List<String> problems;

    public InvalidMilestonePolicyException(String source, List<String> problems) {
        super("invalid milestone policy " + source + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
