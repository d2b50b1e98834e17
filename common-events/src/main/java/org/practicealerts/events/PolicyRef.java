package org.practicealerts.events;

/** The procedure (policy) an alert was raised under, and its version: an alert keeps it for life. */
public record PolicyRef(String id, int version) {
}
