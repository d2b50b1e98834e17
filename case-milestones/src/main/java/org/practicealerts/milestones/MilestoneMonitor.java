package org.practicealerts.milestones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.practicealerts.calendar.Timescale;
import org.practicealerts.calendar.WorkingDayCalendar;

/**
 * A child's milestones from the case system's facts: each rule of the policy started by the facts that open it, due
 * as its timescale says, and met, replaced or no longer required by the facts after it. Pure: the same facts and
 * instant give the same milestones, so a report, a reminder and a chair's prompt agree.
 *
 * <p>Facts are taken in the order they happened (then by record id). At each fact, in this order: a plan it starts
 * begins; the milestones it meets are met; a plan it ends ends, and the milestones that last only while on a plan are
 * no longer required; then it starts the milestones it opens. So a core group meeting meets the one awaited and starts
 * the next six weeks, and a visit that saw the child does the same for the next four.
 */
public final class MilestoneMonitor {

    private final MilestonePolicy policy;
    private final WorkingDayCalendar calendar;

    public MilestoneMonitor(MilestonePolicy policy, WorkingDayCalendar calendar) {
        this.policy = policy;
        this.calendar = calendar;
    }

    /** Every milestone of one child's facts, in the order they were started, each in its state at {@code now}. */
    public List<Milestone> milestones(Collection<CaseFact> facts, Instant now) {
        List<CaseFact> ordered = facts.stream().filter(f -> !f.at().isAfter(now))
                .sorted(Comparator.comparing(CaseFact::at).thenComparing(CaseFact::recordId)).toList();
        List<Running> all = new ArrayList<>();
        Map<String, Running> open = new LinkedHashMap<>();
        boolean onPlan = false;
        for (CaseFact f : ordered) {
            if (startsPlan(f)) {
                onPlan = true;
            }
            for (Running r : List.copyOf(open.values())) {
                if (r.rule.metBy().matches(f)) {
                    r.close(f, null);
                    open.remove(r.rule.id());
                }
            }
            if (endsPlan(f)) {
                onPlan = false;
                for (Running r : List.copyOf(open.values())) {
                    if (r.rule.whileOnPlan()) {
                        r.close(f, Milestone.State.NO_LONGER_REQUIRED);
                        open.remove(r.rule.id());
                    }
                }
            }
            for (MilestoneRule rule : policy.rules()) {
                if (!rule.opensOn(f) || (rule.whileOnPlan() && !onPlan)) {
                    continue;
                }
                Running running = open.get(rule.id());
                if (running != null && !rule.datedByConference()) {
                    continue; // already running: the clock runs from the fact that started it
                }
                if (running != null) {
                    running.close(f, Milestone.State.SUPERSEDED);
                }
                Running started = start(rule, f);
                open.put(rule.id(), started);
                all.add(started);
            }
        }
        return all.stream().map(r -> r.at(now)).toList();
    }

    private static boolean startsPlan(CaseFact f) {
        return f.kind() == FactKind.PLAN_STARTED
                || (f.kind() == FactKind.CONFERENCE_HELD && Boolean.TRUE.equals(f.planMade()));
    }

    private static boolean endsPlan(CaseFact f) {
        return f.kind() == FactKind.PLAN_ENDED
                || (f.kind() == FactKind.CONFERENCE_HELD && Boolean.FALSE.equals(f.planMade()));
    }

    private Running start(MilestoneRule rule, CaseFact f) {
        Instant anchor = rule.datedByConference() ? f.conferenceAt() : f.at();
        Timescale t = rule.datedByConference() ? rule.beforeConference() : rule.within();
        int sign = rule.datedByConference() ? -1 : 1;
        if (t.unit() == Timescale.Unit.HOURS) {
            Instant dueAt = anchor.plusSeconds(sign * 3600L * t.amount());
            return new Running(rule, f, dateOf(dueAt), dueAt);
        }
        LocalDate day = dateOf(anchor);
        int n = t.amount();
        LocalDate dueOn;
        if (t.unit() == Timescale.Unit.CALENDAR_DAYS) {
            dueOn = sign > 0 ? day.plusDays(rule.startDayIsDayOne() ? n - 1 : n) : day.minusDays(n);
        } else if (sign < 0) {
            dueOn = calendar.subtractWorkingDays(day, n);
        } else if (rule.startDayIsDayOne() && calendar.isWorkingDay(day)) {
            dueOn = calendar.addWorkingDays(day, n - 1); // the start day is day 1
        } else {
            dueOn = calendar.addWorkingDays(day, n); // day 1 is the next working day
        }
        return new Running(rule, f, dueOn, dueOn.plusDays(1).atStartOfDay(policy.zone()).toInstant());
    }

    private LocalDate dateOf(Instant at) {
        return ZonedDateTime.ofInstant(at, policy.zone()).toLocalDate();
    }

    /** A milestone being worked out. */
    private final class Running {
        final MilestoneRule rule;
        final CaseFact opened;
        final LocalDate dueOn;
        final Instant dueAt;
        CaseFact closedBy;
        Milestone.State closedAs;

        Running(MilestoneRule rule, CaseFact opened, LocalDate dueOn, Instant dueAt) {
            this.rule = rule;
            this.opened = opened;
            this.dueOn = dueOn;
            this.dueAt = dueAt;
        }

        /** Closed by {@code f}: met (state null: on time or late by the fact's instant), or as {@code state}. */
        void close(CaseFact f, Milestone.State state) {
            closedBy = f;
            closedAs = state != null ? state : inTime(f.at()) ? Milestone.State.MET : Milestone.State.MET_LATE;
        }

        /**
         * Whether {@code at} is in time: before the end of the due day, or for an hours' timescale ("at least 24 hours
         * prior"), at the hour at the latest.
         */
        boolean inTime(Instant at) {
            return hours() ? !at.isAfter(dueAt) : at.isBefore(dueAt);
        }

        boolean hours() {
            Timescale t = rule.datedByConference() ? rule.beforeConference() : rule.within();
            return t.unit() == Timescale.Unit.HOURS;
        }

        Milestone at(Instant now) {
            Milestone.State state = closedAs;
            if (state == null) {
                LocalDate today = dateOf(now);
                state = !inTime(now) ? Milestone.State.MISSED
                        : calendar.workingDaysBetween(today, dueOn) <= policy.remindBefore().amount()
                        ? Milestone.State.DUE_SOON : Milestone.State.OPEN;
            }
            return new Milestone(rule.id(), rule.name(), opened.childRef(), opened.recordId(), opened.at(), dueOn,
                    dueAt, state, closedBy == null ? null : closedBy.recordId(),
                    closedBy == null ? null : closedBy.at());
        }
    }
}
