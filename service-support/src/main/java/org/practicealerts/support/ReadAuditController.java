package org.practicealerts.support;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Instant;
import java.util.List;
import org.practicealerts.events.Identifiers;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Admins query every service's read audit the same way: who read what, when (itself a read, so audited too). */
@RestController
@Validated
public class ReadAuditController {

    private final ReadAudit audit;

    public ReadAuditController(ReadAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/api/v1/admin/read-audit")
    public Mono<List<ReadAudit.Read>> reads(
            @RequestParam(required = false) @Pattern(regexp = Identifiers.PATTERN) String personId,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-fA-F-]{36}") String alertId,
            @RequestParam(required = false) @Pattern(regexp = Identifiers.PATTERN) String childRef,
            @RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return Mono.fromCallable(() -> audit.find(personId, alertId, childRef, from, to, limit))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
