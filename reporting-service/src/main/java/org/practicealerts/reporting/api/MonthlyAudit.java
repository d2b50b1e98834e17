package org.practicealerts.reporting.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The monthly audit for a calendar month (Europe/London).
 *
 * @param notActioned alerts open at the month's end still waiting for a response, by the service manager of the
 *                    child's team they must be forwarded to ({@code null} manager: not derivable from the directory)
 * @param outcomes    alerts closed in the month: RESOLVED, RESOLVED_AFTER_REVIEW, WITHDRAWN
 */
public record MonthlyAudit(String month, LocalDate from, LocalDate to, List<NotActioned> notActioned,
                           Map<String, Integer> outcomes, List<TeamCounts> perTeam,
                           List<Timeliness> timelinessByStage, List<Timeliness> timelinessByResponder,
                           Map<String, Integer> commendationsByTeam) {

    public record NotActioned(String serviceManagerId, List<AlertLine> alerts) {
    }

    public record TeamCounts(String teamId, int raised, int escalated, int resolved, int withdrawn, int openAtEnd) {
    }

    /**
     * Responses recorded in the period and deadlines missed in it.
     *
     * @param key stage number or responder id
     */
    public record Timeliness(String key, int responses, int onTime, int late, int missed) {

        /**
         * The share of the period's outcomes (answered on time, answered late, deadline missed) that were on time,
         * as a percentage to one decimal place; null when there were none.
         */
        @JsonProperty
        public Double withinTimescalePercent() {
            int outcomes = onTime + late + missed;
            return outcomes == 0 ? null : Math.round(1000.0 * onTime / outcomes) / 10.0;
        }
    }
}
