package org.practicealerts.alert.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.practicealerts.alert.api.Commands.RecordCommendation;
import org.practicealerts.events.directory.Person;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Team;
import org.practicealerts.events.CommendationRecorded;
import org.practicealerts.events.Recipient;
import org.practicealerts.events.RecipientReason;

/** Good practice an independent officer recorded: no escalation, counted in monthly management information. */
public class Commendation {

    @AggregateIdentifier
    private String commendationId;

    protected Commendation() {
        // for Axon
    }

    @CommandHandler
    public Commendation(RecordCommendation cmd, AlertContext ctx) {
        if (!(cmd.actor().has(Role.CPC) || cmd.actor().has(Role.IRO) || cmd.actor().has(Role.CRO))) {
            throw AlertRefused.notPermitted("only a CPC, IRO or CRO may record a commendation");
        }
        Team team = ctx.planner().lines().team(cmd.teamId())
                .orElseThrow(() -> AlertRefused.invalid("team " + cmd.teamId() + " is not in the directory"));
        if (!ctx.planner().policies().anyHasCategory(cmd.category())) {
            throw AlertRefused.invalid("category " + cmd.category() + " is not in any procedure in force");
        }
        List<Recipient> recipients = new ArrayList<>();
        for (String id : cmd.commendedPersonIds()) {
            Person p = ctx.planner().lines().person(id)
                    .orElseThrow(() -> AlertRefused.invalid("commended person " + id + " is not in the directory"));
            recipients.add(new Recipient(p.id(), RecipientReason.COMMENDED));
        }
        if (team.managerId() != null) {
            recipients.add(new Recipient(team.managerId(), RecipientReason.TEAM_MANAGER));
        }
        apply(new CommendationRecorded(ctx.nextEventId(), cmd.commendationId(), ctx.now(),
                CommendationRecorded.SCHEMA_VERSION, cmd.childRef(), cmd.planType(), cmd.teamId(),
                cmd.actor().personId(), List.copyOf(cmd.commendedPersonIds()), cmd.category(), cmd.text(),
                Recipients.merged(recipients)));
    }

    @EventSourcingHandler
    void on(CommendationRecorded e) {
        commendationId = e.commendationId();
    }
}
