package org.practicealerts.alert.config;

import jakarta.validation.Valid;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.practicealerts.support.SimulatedClock;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The embedded default only: the admin endpoint that moves the shared simulated clock (the platform's). */
@Configuration(proxyBeanMethods = false)
@Profile("embedded")
public class EmbeddedConfig {

    /** Move simulated time: {@code {"advanceBy":"P5D"}} or {@code {"setTo":"2026-12-01T09:00:00Z"}}. */
    public record ClockChange(Duration advanceBy, Instant setTo) {
    }

    @RestController
    @Profile("embedded")
    static class SimulatedClockController {

        private final SimulatedClock clock;

        SimulatedClockController(SimulatedClock clock) {
            this.clock = clock;
        }

        @GetMapping("/api/v1/admin/clock")
        Mono<Map<String, Object>> now() {
            return Mono.fromCallable(() -> Map.<String, Object>of("now", clock.instant(),
                    "offset", Duration.ofMillis(clock.offsetMillis()).toString())).subscribeOn(Schedulers.boundedElastic());
        }

        @PostMapping("/api/v1/admin/clock")
        Mono<Map<String, Object>> change(@Valid @RequestBody ClockChange change) {
            return Mono.fromCallable(() -> {
                if ((change.advanceBy() == null) == (change.setTo() == null)) {
                    throw org.practicealerts.alert.domain.AlertRefused.invalid(
                            "advanceBy or setTo: give exactly one");
                }
                try {
                    Instant now = change.advanceBy() != null ? clock.advance(change.advanceBy())
                            : clock.setTo(change.setTo());
                    return Map.<String, Object>of("now", now, "offset", Duration.ofMillis(clock.offsetMillis()).toString());
                } catch (IllegalArgumentException e) {
                    throw org.practicealerts.alert.domain.AlertRefused.invalid(e.getMessage());
                }
            }).subscribeOn(Schedulers.boundedElastic());
        }
    }
}
