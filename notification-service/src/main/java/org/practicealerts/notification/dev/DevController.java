package org.practicealerts.notification.dev;

import java.util.List;
import org.springframework.context.annotation.Profile;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** The embedded default's viewers: mail received by the in-JVM SMTP server, and cards posted to the local sink. */
@RestController
@Profile("embedded")
public class DevController {

    private final DevMail mail;
    private final TeamsSink sink;

    public DevController(DevMail mail, TeamsSink sink) {
        this.mail = mail;
        this.sink = sink;
    }

    @GetMapping("/dev/mail")
    public List<DevMail.Mail> mail(@RequestParam(defaultValue = "50") int limit) {
        return mail.last(Math.max(1, Math.min(limit, 10_000)));
    }

    @PostMapping("/dev/teams-sink/{name}")
    public ResponseEntity<Void> receive(@PathVariable String name, @RequestBody String body,
                                        @RequestHeader(value = "X-Practice-Alerts-Notification", required = false)
                                        String id) {
        return ResponseEntity.status(sink.receive(id, name, body)).build();
    }

    /** What the fault switch sets: the SMTP server down or up, and the status the Teams sink answers with. */
    public record Faults(Boolean smtpDown, @Min(0) @Max(599) Integer teamsStatus) {
    }

    /**
     * Embedded default only, for fault-injection tests and demonstrations: stops or restarts the in-JVM SMTP server
     * and makes the Teams sink fail, so retries and exactly-once delivery can be watched from outside.
     */
    @PostMapping("/dev/faults")
    public Faults faults(@Valid @RequestBody Faults f) {
        if (Boolean.TRUE.equals(f.smtpDown())) {
            mail.stop();
        } else if (Boolean.FALSE.equals(f.smtpDown()) && !mail.isRunning()) {
            mail.start();
        }
        if (f.teamsStatus() != null) {
            sink.failWith(f.teamsStatus() == 202 ? 0 : f.teamsStatus());
        }
        return new Faults(!mail.isRunning(), sink.status());
    }

    @GetMapping("/dev/teams-sink")
    public List<TeamsSink.Card> cards(@RequestParam(defaultValue = "50") int limit) {
        return sink.last(Math.max(1, Math.min(limit, 10_000)));
    }
}
