package org.practicealerts.reporting.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekly performance pack as of the end of {@code asOf} (Europe/London). The week runs Monday to Sunday;
 * "since last week" is the seven days ending at the end of {@code asOf}.
 */
public record WeeklyPack(LocalDate asOf, LocalDate weekStart, LocalDate weekEnd, int openTotal,
                         List<TeamStageCount> openByTeamAndStage, List<AlertLine> dueThisWeek,
                         List<AlertLine> overdueNow, int escalatedSinceLastWeek, int resolvedSinceLastWeek,
                         AlertLine oldestOpen) {

    public record TeamStageCount(String teamId, int stage, int count) {
    }
}
