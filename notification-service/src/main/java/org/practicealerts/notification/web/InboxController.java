package org.practicealerts.notification.web;

import java.time.Clock;
import java.util.List;
import org.practicealerts.notification.outbox.InboxStore;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The in-app inbox: a person reads and acknowledges their own notifications (the caller is the person the token's configured person-id claim names). */
@RestController
@RequestMapping("/api/v1/notifications")
public class InboxController {

    private final InboxStore inbox;
    private final AlertReaders readers;
    private final Clock clock;

    public InboxController(InboxStore inbox, AlertReaders readers, Clock clock) {
        this.inbox = inbox;
        this.readers = readers;
        this.clock = clock;
    }

    @GetMapping
    public Mono<List<InboxStore.Item>> mine(@RequestParam(defaultValue = "me") String recipient,
                                            @RequestParam(defaultValue = "false") boolean includeAcknowledged,
                                            @RequestParam(defaultValue = "100") int limit,
                                            Authentication auth) {
        String me = auth.getName();
        if (!"me".equals(recipient) && !recipient.equals(me)) {
            return Mono.error(new ResponseStatusException(HttpStatus.FORBIDDEN, "only your own notifications"));
        }
        int max = Math.max(1, Math.min(limit, 500));
        // Only notices about alerts the person may (still) see, by the same rule as everywhere else.
        return Mono.fromCallable(() -> inbox.forRecipient(me, includeAcknowledged, max).stream()
                        .filter(item -> readers.maySee(auth, item.alertId())).toList())
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{id}/acknowledge")
    public Mono<InboxStore.Item> acknowledge(@PathVariable String id, Authentication auth) {
        return Mono.fromCallable(() -> inbox.acknowledge(id, auth.getName(), clock.instant()))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> found.map(Mono::just).orElseGet(() -> Mono.error(
                        new ResponseStatusException(HttpStatus.NOT_FOUND, "no such notification of yours"))));
    }
}
