package org.practicealerts.alert.kafka;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
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
 *
 * <p>A command that arrives before its deadline by this service's clock waits for it (up to {@link #CLOCK_PATIENCE}):
 * the escalation-service sends each at the instant by its own clock, and this one may be a little behind (clock skew
 * between hosts; in the embedded default the simulated clock's offset, read from MongoDB at most every 100 ms, just
 * after a jump). Refused as early, the command would be done with and the deadline's escalation lost.
 */
@Component
public class DeadlineCommandListener {

    private static final Logger log = LoggerFactory.getLogger(DeadlineCommandListener.class);

    /** The longest a command waits for this service's clock to reach its deadline. */
    static final Duration CLOCK_PATIENCE = Duration.ofSeconds(10);

    private final CommandGateway commands;
    private final Clock clock;

    public DeadlineCommandListener(CommandGateway commands, Clock clock) {
        this.commands = commands;
        this.clock = clock;
    }

    static final String GROUP = "alert-service-deadline-commands";

    @KafkaListener(topics = "${practice-alerts.topics.commands}", groupId = GROUP)
    public void on(ConsumerRecord<String, byte[]> record) {
        DeadlineCommand command = UnreadableRecord.read(() -> EventJson.readCommand(record.value()));
        Object axonCommand = UnreadableRecord.read(() -> axonCommand(command));
        if (!awaitDue(clock, command.expectedDueAt(), CLOCK_PATIENCE)) {
            log.warn("deadline command {} for alert {} is for {}, still ahead of this service's clock after {}",
                    command.commandId(), command.alertId(), command.expectedDueAt(), CLOCK_PATIENCE);
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

    /**
     * Waits until {@code clock} reaches {@code due}, re-reading it at least every 50 ms, for at most {@code patience}
     * of real time. Returns whether it got there.
     */
    static boolean awaitDue(Clock clock, Instant due, Duration patience) {
        long giveUpAt = System.nanoTime() + patience.toNanos();
        Instant now = clock.instant();
        while (now.isBefore(due)) {
            long left = giveUpAt - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            LockSupport.parkNanos(Math.min(Math.min(left, Duration.between(now, due).toNanos()),
                    TimeUnit.MILLISECONDS.toNanos(50)));
            now = clock.instant();
        }
        return true;
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
