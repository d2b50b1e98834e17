package org.practicealerts.alert.kafka;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.alert.domain.AlertRefused;
import org.practicealerts.events.DeadlineCommand;
import org.practicealerts.events.EventJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.stereotype.Component;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Applies the escalation service's deadline commands. The topic holds them while this service is down, so an
 * escalation fired meanwhile is applied when it returns. A command the alert refuses (stale, repeated, early) is
 * done with: it changed nothing, by design. Any other failure (e.g. MongoDB unavailable) is retried with backoff,
 * without committing the offset, so nothing is skipped.
 */
@Component
public class DeadlineCommandListener {

    private static final Logger log = LoggerFactory.getLogger(DeadlineCommandListener.class);

    private final CommandGateway commands;

    public DeadlineCommandListener(CommandGateway commands) {
        this.commands = commands;
    }

    @KafkaListener(topics = "${practice-alerts.topics.commands}", groupId = "alert-service-deadline-commands")
    public void on(ConsumerRecord<String, byte[]> record) {
        DeadlineCommand command = EventJson.readCommand(record.value());
        Object axonCommand;
        if (command instanceof DeadlineCommand.EscalateMissedDeadline c) {
            axonCommand = new Commands.EscalateMissedDeadline(c.alertId(), c.expectedStage(), c.expectedDueAt());
        } else {
            DeadlineCommand.RecordDeadlineReached c = (DeadlineCommand.RecordDeadlineReached) command;
            axonCommand = new Commands.RecordDeadlineReached(c.alertId(), c.kind(), c.expectedStage(),
                    c.expectedDueAt(), c.actionId());
        }
        try {
            commands.sendAndWait(axonCommand);
            log.info("applied deadline command {} for alert {}", command.commandId(), command.alertId());
        } catch (CommandExecutionException e) {
            handleRefusal(command, e.getCause() == null ? e : e.getCause());
        } catch (AlertRefused | AggregateNotFoundException e) {
            handleRefusal(command, e);
        }
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

    /** Transient failures are retried (1 s doubling to 1 min), indefinitely: a deadline command is never dropped. */
    @Configuration(proxyBeanMethods = false)
    static class Retry {
        @Bean
        DefaultErrorHandler kafkaErrorHandler() {
            ExponentialBackOff backOff = new ExponentialBackOff(1000, 2.0);
            backOff.setMaxInterval(60_000);
            return new DefaultErrorHandler(backOff);
        }
    }
}
