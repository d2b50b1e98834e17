package org.practicealerts.alert.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.practicealerts.alert.api.Commands.RecordInformalResolution;
import org.practicealerts.events.InformalResolutionRecorded;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Person;
import org.practicealerts.events.directory.Team;

/**
 * An informal attempt at resolution, as its own record: the child, with whom, when, what was agreed, and whether it
 * resolved the concern. A formal alert raised afterwards links to it; reports count the two against each other. The
 * child's team manager is told (seed 003: the informal resolution "will send an alert to the Social Worker and Team
 * Manager"), and the person it was discussed with.
 */
public class InformalResolutionRecord {

    @AggregateIdentifier
    private String recordId;

    protected InformalResolutionRecord() {
        // for Axon
    }

    @CommandHandler
    public InformalResolutionRecord(RecordInformalResolution cmd, AlertContext ctx) {
        if (!(cmd.actor().has(Role.CPC) || cmd.actor().has(Role.IRO) || cmd.actor().has(Role.CRO))) {
            throw AlertRefused.notPermitted("only a CPC, IRO or CRO may record an informal resolution");
        }
        Team team = ctx.planner().lines().team(cmd.teamId())
                .orElseThrow(() -> AlertRefused.invalid("teamId", "team " + cmd.teamId() + " is not in the directory"));
        LocalDate today = LocalDate.ofInstant(ctx.now(), ctx.planner().policies().primary().zone());
        if (cmd.discussedOn().isAfter(today)) {
            throw AlertRefused.invalid("discussedOn", "discussedOn cannot be in the future");
        }
        List<Recipient> recipients = new ArrayList<>();
        if (team.managerId() != null) {
            recipients.add(new Recipient(team.managerId(), RecipientReason.CHILDS_TEAM_MANAGER));
        }
        if (cmd.withPersonId() != null) {
            Person with = ctx.planner().lines().person(cmd.withPersonId()).filter(Person::active).orElseThrow(() ->
                    AlertRefused.invalid("withPersonId", cmd.withPersonId() + " is not an active person in the directory"));
            if (!with.id().equals(team.managerId()) && with.has(Role.SOCIAL_WORKER)) {
                recipients.add(new Recipient(with.id(), RecipientReason.ALLOCATED_SOCIAL_WORKER));
            }
        }
        apply(new InformalResolutionRecorded(ctx.nextEventId(), cmd.recordId(), ctx.now(),
                InformalResolutionRecorded.SCHEMA_VERSION, cmd.childRef(), cmd.planType(), cmd.teamId(),
                cmd.actor().personId(), cmd.withPersonId(), cmd.discussedOn(), cmd.outcome(), cmd.resolved(),
                recipients));
    }

    @EventSourcingHandler
    void on(InformalResolutionRecorded e) {
        recordId = e.recordId();
    }
}
