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

/** Good practice, recorded: counted in monthly management information; nothing escalates. */
@RestController
@RequestMapping("/api/v1/commendations")
public class CommendationController {

    private final CommandSender commands;

    public CommendationController(CommandSender commands) {
        this.commands = commands;
    }

    @PostMapping
    public Mono<ResponseEntity<Map<String, String>>> record(@Valid @RequestBody Requests.Commendation r,
                                                            Authentication auth) {
        String id = UUID.randomUUID().toString();
        return commands.create("/api/v1/commendations", id, new Commands.RecordCommendation(id, Actors.of(auth),
                r.childRef(), r.planType(), r.teamId(), r.commendedPersonIds(), r.category(), r.text()));
    }
}
