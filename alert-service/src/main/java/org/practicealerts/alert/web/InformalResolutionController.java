package org.practicealerts.alert.web;

import jakarta.validation.Valid;
import java.util.Map;
import java.util.UUID;
import org.practicealerts.alert.api.Commands;
import org.practicealerts.alert.security.Actors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Informal resolution as its own record: resolved informally, or followed by a formal alert that names it
 * ({@code informalResolution.recordId} on the raise). Counted against formal alerts in the quarterly report.
 */
@RestController
@RequestMapping("/api/v1/informal-resolutions")
public class InformalResolutionController {

    private final CommandSender commands;

    public InformalResolutionController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    public Mono<ResponseEntity<Map<String, String>>> record(@Valid @RequestBody Requests.InformalResolutionRecord r,
                                                            Authentication auth) {
        String id = UUID.randomUUID().toString();
        return commands.create("/api/v1/informal-resolutions", id, new Commands.RecordInformalResolution(id,
                Actors.of(auth), r.childRef(), r.planType(), r.teamId(), r.withPersonId(), r.discussedOn(),
                r.outcome(), r.resolved()));
    }
}
