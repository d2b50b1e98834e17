package org.practicealerts.notification.dev;

import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The embedded default's viewers: mail received by the in-JVM SMTP server, and cards posted to the local sink. */
@RestController
@Profile("embedded")
public class DevController {

    private final DevMail mail;
    private final TeamsSink sink;
    private final Clock clock;

    public DevController(DevMail mail, TeamsSink sink, Clock clock) {
        this.mail = mail;
        this.sink = sink;
        this.clock = clock;
    }

    @GetMapping("/dev/mail")
    public List<DevMail.Mail> mail(@RequestParam(defaultValue = "50") int limit) {
        return mail.last(Math.max(1, Math.min(limit, 500)));
    }

    @PostMapping("/dev/teams-sink/{name}")
    @ResponseStatus(HttpStatus.ACCEPTED)
    public void receive(@PathVariable String name, @RequestBody String body) {
        sink.add(new TeamsSink.Card(name, clock.instant(), body));
    }

    @GetMapping("/dev/teams-sink")
    public List<TeamsSink.Card> cards(@RequestParam(defaultValue = "50") int limit) {
        return sink.last(Math.max(1, Math.min(limit, 500)));
    }
}
