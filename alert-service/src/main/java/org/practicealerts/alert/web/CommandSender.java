package org.practicealerts.alert.web;

import java.net.URI;
import java.util.Map;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ResponseEntity;
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

    /** Sends the command that creates {@code collection/id}, answering 201 with its location and {@code {id}}. */
    public Mono<ResponseEntity<Map<String, String>>> create(String collection, String id, Object command) {
        return send(command).then(Mono.just(ResponseEntity.created(URI.create(collection + "/" + id))
                .body(Map.of("id", id))));
    }
}
