package org.practicealerts.alert.policy;

/** A category heading the procedure captures alerts under. */
public record Category(String code, String label) {
}
