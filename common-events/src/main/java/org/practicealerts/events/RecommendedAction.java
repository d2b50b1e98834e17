package org.practicealerts.events;

/**
 * An action the raiser recommends, in priority order (1 = first).
 *
 * @param priority    1-based priority
 * @param description what should happen
 * @param timescale   by when, as a timescale such as "5 working days"
 */
public record RecommendedAction(int priority, @FreeText String description, @FreeText String timescale) {
}
