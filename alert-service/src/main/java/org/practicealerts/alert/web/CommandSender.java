package org.practicealerts.alert.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends commands to the aggregate. Axon's local command bus runs the handler (and its MongoDB I/O) on the calling
 * thread, so every send runs on a bounded elastic thread, never on an event-loop thread.
 */
@Component
public class CommandSender {

    private final CommandGateway gateway;

    public CommandSender(CommandGateway gateway) {
        this.gateway = gateway;
    }

    public <R> Mono<R> send(Object command) {
        return Mono.<R>fromCallable(() -> gateway.sendAndWait(command))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(CommandExecutionException.class, e -> e.getCause() != null ? e.getCause() : e);
    }
}
