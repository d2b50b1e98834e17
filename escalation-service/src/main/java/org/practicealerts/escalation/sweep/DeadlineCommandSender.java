package org.practicealerts.escalation.sweep;

import java.util.concurrent.CompletableFuture;
import org.practicealerts.events.DeadlineCommand;

/**
 * Where the sweeper sends the commands of the deadlines it fires. The sweeper owns this port so that it needs no
 * adapter: the Kafka adapter implements it (and, in turn, wakes the sweeper when the schedule changes).
 */
public interface DeadlineCommandSender {

    /** Sends; the future completes when the command is safely handed over (the broker acknowledged it). */
    CompletableFuture<?> sendAsync(DeadlineCommand command);
}
