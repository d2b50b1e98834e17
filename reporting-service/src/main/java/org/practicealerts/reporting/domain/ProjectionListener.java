package org.practicealerts.reporting.domain;

/** Told of the facts metrics count, once per event applied (never for duplicates). */
public interface ProjectionListener {

    ProjectionListener NONE = new ProjectionListener() { };

    default void raised(AlertRecord alert) {
    }

    default void escalated(AlertRecord alert, int toStage) {
    }

    default void responded(AlertRecord alert, StageRound round) {
    }

    default void closed(AlertRecord alert) {
    }
}
