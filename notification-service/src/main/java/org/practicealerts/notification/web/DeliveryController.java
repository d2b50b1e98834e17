package org.practicealerts.notification.web;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.practicealerts.notification.delivery.Dispatcher;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.OutboxStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.validation.annotation.Validated;
import jakarta.validation.constraints.Pattern;
import org.practicealerts.events.Identifiers;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Delivery as managers and admins see it: an alert's delivery log (who was told, how, in what state) for those who
 * may see the alert ({@link AlertReaders}), and the failures an admin may retry. Destinations are never shown: a
 * webhook URL is a secret.
 */
@RestController
@Validated
public class DeliveryController {

    /**
     * One delivery, without its content or destination: {@code reason} is the most urgent of {@code reasons};
     * {@code urgent} marks a notice of an immediate risk of harm.
     */
    public record Delivery(String id, String eventId, String alertId, String eventType, String recipient,
                           String reason, List<String> reasons, String urgency, boolean urgent, String channel,
                           String state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt,
                           String lastError) {

        static Delivery of(OutboxEntry e) {
            return new Delivery(e.id(), e.eventId(), e.alertId(), e.eventType(), e.recipient(), e.reason(),
                    e.told().reasons(), e.told().urgency().name(), e.told().urgent(), e.channel().name(),
                    e.state().name(), e.attempts(), e.createdAt(), e.nextAttemptAt(), e.sentAt(), e.lastError());
        }

        /** The same delivery without who was told and why (a competence concern's people are its detail). */
        static Delivery withoutPeople(OutboxEntry e) {
            return new Delivery(e.id(), e.eventId(), e.alertId(), e.eventType(), null, null, null,
                    e.told().urgency().name(), e.told().urgent(), e.channel().name(), e.state().name(), e.attempts(),
                    e.createdAt(), e.nextAttemptAt(), e.sentAt(), e.lastError());
        }
    }

    private final OutboxStore outbox;
    private final Dispatcher dispatcher;
    private final AlertReaders readers;
    private final Clock clock;

    public DeliveryController(OutboxStore outbox, Dispatcher dispatcher, AlertReaders readers, Clock clock) {
        this.outbox = outbox;
        this.dispatcher = dispatcher;
        this.readers = readers;
        this.clock = clock;
    }

    /** The alert's delivery log, for those who may see the alert; 404 for anyone else, as for a missing alert. */
    @GetMapping("/api/v1/alerts/{alertId}/notifications")
    public Mono<List<Delivery>> forAlert(@PathVariable @Pattern(regexp = Identifiers.PATTERN) String alertId,
                                         Authentication caller) {
        return Mono.fromCallable(() -> {
            AlertReaders.Sight sight = readers.of(caller, alertId);
            if (sight == AlertReaders.Sight.NOTHING) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "alert " + alertId + " does not exist");
            }
            return outbox.forAlert(alertId).stream()
                    .map(sight == AlertReaders.Sight.EVERYTHING ? Delivery::of : Delivery::withoutPeople).toList();
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/api/v1/admin/notifications/failed")
    public Mono<List<Delivery>> failed(@RequestParam(defaultValue = "200") int limit) {
        int max = Math.max(1, Math.min(limit, 1000));
        return Mono.fromCallable(() -> outbox.failed(max).stream().map(Delivery::of).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/api/v1/admin/notifications/{id}/retry")
    public Mono<Delivery> retry(@PathVariable String id) {
        return Mono.fromCallable(() -> {
            if (!outbox.retryFailed(id, clock.instant())) {
                throw new ResponseStatusException(outbox.get(id).isPresent() ? HttpStatus.CONFLICT
                        : HttpStatus.NOT_FOUND, outbox.get(id).isPresent() ? "not FAILED" : "no such notification");
            }
            dispatcher.wakeUp();
            return Delivery.of(outbox.get(id).orElseThrow());
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
