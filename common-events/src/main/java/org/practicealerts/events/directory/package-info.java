/**
 * The directory topic's contract: the council's staff, teams, covers and non-working days, as the alert-service
 * publishes them (compacted, key {@code KIND:id}, a deleted entry a tombstone) and every other service follows them.
 * Staff only: the directory never holds children.
 */
package org.practicealerts.events.directory;
