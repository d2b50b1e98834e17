package org.practicealerts.reporting.api;

import java.time.LocalDate;
import java.util.List;

/**
 * The weekly performance pack as of the end of {@code asOf} (Europe/London). The week runs Monday to Sunday;
 * "since last week" is the seven days ending at the end of {@code asOf}.
 *
 * @param awaitingRaiser  alerts whose deadline passed under a procedure that has the raiser progress it, and
 *                        which the raiser has not yet progressed (nor the responder answered)
 * @param ladderExhausted alerts whose final stage's deadline passed unanswered
 * @param sinceLastWeekByTeam      raised, escalated and resolved in the seven days, by team (teams with any)
 * @param escalationsSinceLastWeek the seven days' moves up a stage by team, the stage reached and the reason
 */
public record WeeklyPack(LocalDate asOf, LocalDate weekStart, LocalDate weekEnd, int openTotal,
                         List<TeamStageCount> openByTeamAndStage, List<AlertLine> dueThisWeek,
                         List<AlertLine> overdueNow, int escalatedSinceLastWeek, int resolvedSinceLastWeek,
                         AlertLine oldestOpen, List<AlertLine> awaitingRaiser, List<AlertLine> ladderExhausted,
                         List<TeamWeek> sinceLastWeekByTeam, List<MonthlyAudit.Escalations> escalationsSinceLastWeek) {

    /** @param inActionReview how many of {@code count} are under action review */
    public record TeamStageCount(String teamId, int stage, int count, int inActionReview) {
    }

    public record TeamWeek(String teamId, int raised, int escalated, int resolved) {
    }
}
