package org.practicealerts.alert.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import org.practicealerts.alert.query.ReadAudit;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Admin-only views: who read which alert, when. */
@RestController
@Validated
@RequestMapping("/api/v1/admin")
public class AdminController {

    private final ReadAudit audit;

    public AdminController(ReadAudit audit) {
        this.audit = audit;
    }

    @GetMapping("/reads")
    public Mono<List<ReadAudit.Read>> reads(@RequestParam(required = false) @Pattern(regexp = "[0-9a-fA-F-]{36}") String alertId,
                                            @RequestParam(required = false) @Pattern(regexp = Requests.ID) String personId,
                                            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        return DirectoryController.blocking(() -> audit.find(alertId, personId, limit));
    }
}
