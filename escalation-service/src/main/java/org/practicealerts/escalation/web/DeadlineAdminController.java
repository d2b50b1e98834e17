package org.practicealerts.escalation.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.practicealerts.escalation.mongo.DeadlineStore;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** What is due next, across every alert, or for one alert. */
@RestController
@Validated
public class DeadlineAdminController {

    private final DeadlineStore store;

    public DeadlineAdminController(DeadlineStore store) {
        this.store = store;
    }

    @GetMapping("/api/v1/admin/deadlines")
    public Mono<List<DeadlineStore.Due>> dueNext(
            @RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit,
            @RequestParam(required = false) @Pattern(regexp = "[0-9a-fA-F-]{36}") String alertId) {
        return Mono.fromCallable(() -> alertId == null ? store.dueNext(limit) : store.forAlert(alertId))
                .subscribeOn(Schedulers.boundedElastic());
    }
}
