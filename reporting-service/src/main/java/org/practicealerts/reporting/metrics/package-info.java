/** Prometheus metrics from the projection: bounded labels only (stage, status, team, category, plan_type). */
package org.practicealerts.reporting.metrics;
