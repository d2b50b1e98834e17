package org.practicealerts.alert.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import org.practicealerts.alert.query.ReadAudit;
import org.practicealerts.support.LogSafe;
import org.practicealerts.text.TextKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admin-only: who read which alert, when; and erasing a record's free text. */
@RestController
@Validated
@RequestMapping("/api/v1/admin")
public class AdminController {

    private static final Logger log = LoggerFactory.getLogger(AdminController.class);

    private final ReadAudit audit;
    private final TextKeys keys;

    public AdminController(ReadAudit audit, TextKeys keys) {
        this.audit = audit;
        this.keys = keys;
    }

    /**
     * A request to erase a record's free text (an alert's, a commendation's or an informal record's).
     *
     * @param reason why, as the council's records say it (e.g. the request's reference); no names, no case detail
     */
    public record Erasure(@NotBlank @Pattern(regexp = Requests.ID) String recordId,
                          @NotBlank @Size(min = 10, max = 500) String reason) {
    }

    /**
     * Destroys the record's text key: every summary, response, note and reason it holds becomes unreadable wherever
     * it is stored, while its ids, dates and stages stay for the statistics. 201 the first time, 200 with the first
     * erasure after that, 404 when no text was ever sealed for the id.
     */
    @PostMapping("/erasures")
    public Mono<ResponseEntity<TextKeys.Erasure>> erase(@Valid @RequestBody Erasure request, Authentication auth) {
        return DirectoryController.blocking(() -> {
            var earlier = keys.erasure(request.recordId());
            if (earlier.isPresent()) {
                return ResponseEntity.ok(earlier.get());
            }
            if (!keys.holds(request.recordId())) {
                throw new AlertController.NotFound("no free text is held for " + request.recordId());
            }
            TextKeys.Erasure erased = keys.erase(request.recordId(), auth.getName(), request.reason());
            log.info("free text of {} erased by {}", LogSafe.id(erased.keyId()), LogSafe.id(erased.erasedBy()));
            return ResponseEntity.created(URI.create("/api/v1/admin/erasures/" + erased.keyId())).body(erased);
        });
    }

    @GetMapping("/erasures/{recordId}")
    public Mono<TextKeys.Erasure> erasure(@PathVariable @Pattern(regexp = Requests.ID) String recordId) {
        return DirectoryController.blocking(() -> keys.erasure(recordId)
                .orElseThrow(() -> new AlertController.NotFound("the text of " + recordId + " was not erased")));
    }

    @GetMapping("/reads")
    public Mono<List<ReadAudit.Read>> reads(@RequestParam(required = false) @Pattern(regexp = "[0-9a-fA-F-]{36}") String alertId,
                                            @RequestParam(required = false) @Pattern(regexp = Requests.ID) String personId,
                                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return DirectoryController.blocking(() -> audit.find(alertId, personId, limit));
    }
}
