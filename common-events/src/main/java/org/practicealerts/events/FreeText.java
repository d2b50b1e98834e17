package org.practicealerts.events;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a component that holds what a person wrote about a child's case (a summary, a response, a reason, a note).
 * The alert-service seals every such value with the alert's own data key before it reaches the event store or the
 * topic, so destroying that key erases the text everywhere at once. Ids, dates, stages and categories are never free
 * text: the statistics keep them.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER})
public @interface FreeText {
}
