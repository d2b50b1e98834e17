/**
 * The reporting model, free of Spring, Kafka and MongoDB: the projection of alert events (one {@link
 * org.practicealerts.reporting.domain.AlertRecord} per alert, de-duplicated on event id) and the reports computed
 * from it with the shared working-day calendar.
 */
package org.practicealerts.reporting.domain;
