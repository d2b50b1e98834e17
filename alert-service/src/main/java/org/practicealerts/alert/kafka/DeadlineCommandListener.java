package org.practicealerts.alert.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.EventJson;
import org.practicealerts.support.ConsumerGroup;
import org.practicealerts.support.UnreadableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Applies the escalation service's deadline commands. The topic holds them while this service is down, so an
 * escalation fired meanwhile is applied when it returns. A command the alert refuses (stale, repeated, early) is
 * done with: it changed nothing, by design. A MongoDB outage is retried with back-off for as long as it lasts,
 * without committing the offset, so nothing is skipped; a record that is not a deadline command goes to the dead
 * letters ({@link org.practicealerts.support.ConsumerFaults}).
 */
@Component
public class DeadlineCommandListener {

    private static final Logger log = LoggerFactory.getLogger(DeadlineCommandListener.class);

    private final CommandGateway commands;

    public DeadlineCommandListener(CommandGateway commands) {
        this.commands = commands;
    }

    static final String GROUP = "alert-service-deadline-commands";

    @KafkaListener(topics = "${practice-alerts.topics.commands}", groupId = GROUP)
    public void on(ConsumerRecord<String, byte[]> record) {
        DeadlineCommand command = UnreadableRecord.read(() -> EventJson.readCommand(record.value()));
        Object axonCommand = UnreadableRecord.read(() -> axonCommand(command));
        try {
            commands.sendAndWait(axonCommand);
            log.info("applied deadline command {} for alert {}", command.commandId(), command.alertId());
        } catch (CommandExecutionException e) {
            handleRefusal(command, e.getCause() == null ? e : e.getCause());
        } catch (AlertRefused | AggregateNotFoundException e) {
            handleRefusal(command, e);
        }
    }

    private static Object axonCommand(DeadlineCommand command) {
        if (command instanceof DeadlineCommand.EscalateMissedDeadline c) {
            return new Commands.EscalateMissedDeadline(c.alertId(), c.expectedStage(), c.expectedDueAt());
        }
        DeadlineCommand.RecordDeadlineReached c = (DeadlineCommand.RecordDeadlineReached) command;
        return new Commands.RecordDeadlineReached(c.alertId(), c.kind(), c.expectedStage(), c.expectedDueAt(),
                c.actionId());
    }

    private static void handleRefusal(DeadlineCommand command, Throwable e) {
        if (e instanceof AlertRefused) {
            log.info("deadline command {} for alert {} changed nothing: {}", command.commandId(), command.alertId(),
                    e.getMessage());
        } else if (e instanceof AggregateNotFoundException) {
            log.warn("deadline command {} names unknown alert {}", command.commandId(), command.alertId());
        } else if (e instanceof RuntimeException re) {
            throw re;
        } else {
            throw new IllegalStateException(e);
        }
    }

    @Bean
    static ConsumerGroup deadlineCommandsConsumerGroup() {
        return new ConsumerGroup(GROUP);
    }
}
