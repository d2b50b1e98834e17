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
 * @param raised      alerts raised in the month by team, primary category and plan type
 * @param escalations moves up a stage in the month by team, the stage reached and the reason
 * @param timelinessByTeamAndStage the month's timeliness by team and stage, with the working days the answers took
 * @param closures    alerts closed in the month by team, plan type and outcome, with the working days from raising
 */
public record MonthlyAudit(String month, LocalDate from, LocalDate to, List<NotActioned> notActioned,
                           Map<String, Integer> outcomes, List<TeamCounts> perTeam,
                           List<Timeliness> timelinessByStage, List<Timeliness> timelinessByResponder,
                           Map<String, Integer> commendationsByTeam, List<Raised> raised,
                           List<Escalations> escalations, List<TeamStageTimeliness> timelinessByTeamAndStage,
                           List<Closures> closures) {

    /** The working days within which a resolution counts as timely in {@link Closures#withinTwentyWorkingDays}. */
    public static final int RESOLUTION_WORKING_DAYS = 20;

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

    public record Raised(String teamId, String category, String planType, int count) {
    }

    /** @param reason DEADLINE_MISSED, RESPONSE_INADEQUATE, BYPASS, REOPENED ... */
    public record Escalations(String teamId, int stage, String reason, int count) {
    }

    /**
     * @param responseWorkingDays the working days the month's responses took, summed (from each turn's start to its
     *                            answer; divide by {@code responses} for the mean)
     */
    public record TeamStageTimeliness(String teamId, int stage, int responses, int onTime, int late, int missed,
                                      int responseWorkingDays) {
    }

    /**
     * @param outcome                 RESOLVED, RESOLVED_AFTER_REVIEW or WITHDRAWN
     * @param workingDays             working days from raising to closing, summed over {@code count}
     * @param withinTwentyWorkingDays how many closed within {@value MonthlyAudit#RESOLUTION_WORKING_DAYS} working days of raising
     */
    public record Closures(String teamId, String planType, String outcome, int count, int workingDays,
                           int withinTwentyWorkingDays) {
    }
}
