package org.practicealerts.reporting.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Quarterly themes for the departmental leadership team (quarters of the calendar year, Europe/London).
 *
 * @param current  the quarter's headline numbers
 * @param previous the previous quarter's, for comparison
 * @param change   current minus previous for each headline number
 */
public record QuarterlyThemes(String quarter, LocalDate from, LocalDate to, Headline current, Headline previous,
                              Map<String, Double> change, List<CategoryCount> byCategoryTeamPlan,
                              Map<String, Integer> stageReached, List<MonthlyAudit.Timeliness> timelinessByStage) {

    public record CategoryCount(String category, String teamId, String planType, int count) {
    }

    /**
     * @param medianWorkingDaysToResolve median (mean of the middle two for an even count) of alerts resolved in the
     *                                   quarter, working days from raising; null when none
     * @param p90WorkingDaysToResolve    nearest-rank 90th percentile
     * @param repeatAlerts               alerts raised in the quarter about a child with another alert raised in the 12
     *                                   months before
     * @param overStatutoryTotal         alerts whose statutory total ran out in the quarter
     * @param informal                   formal alerts raised in the quarter after an informal attempt
     * @param formal                     formal alerts raised in the quarter with no informal attempt recorded
     * @param informalRecords            informal resolutions recorded on their own in the quarter
     * @param resolvedInformally         of those, the ones that resolved the concern without a formal alert
     */
    public record Headline(int raised, int resolved, Double medianWorkingDaysToResolve,
                           Integer p90WorkingDaysToResolve, int responses, int responsesOnTime, int missedDeadlines,
                           int repeatAlerts, int overStatutoryTotal, int bypasses, int cafcassReferrals,
                           int partnershipReferrals, int informal, int formal, int raisedByCpc, int raisedByIro,
                           int raisedByCro, int informalRecords, int resolvedInformally) {
    }
}
