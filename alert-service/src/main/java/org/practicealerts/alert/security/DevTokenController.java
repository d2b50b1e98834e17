package org.practicealerts.alert.security;

import com.nimbusds.jose.jwk.RSAKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.practicealerts.support.PlatformProperties;
import org.practicealerts.events.directory.Person;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.support.DevSigningKey;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The embedded default's dev login: a signed token for a seeded demo person, carrying their directory roles.
 * Exists only in the {@code embedded} profile with dev tokens switched on; never in production.
 */
@RestController
@Profile("embedded")
@ConditionalOnProperty(name = "practice-alerts.security.dev-tokens", havingValue = "true")
public class DevTokenController {

    private static final Duration LIFETIME = Duration.ofHours(8);

    private final MongoDirectory directory;
    private final RSAKey key;

    public DevTokenController(MongoDirectory directory, PlatformProperties props) {
        this.directory = directory;
        this.key = DevSigningKey.loadOrCreate(Path.of(props.security().devKeyFile()));
    }

    @PostMapping("/dev/token")
    public Mono<Map<String, Object>> token(@RequestParam String personId) {
        return Mono.fromCallable(() -> directory.person(personId).filter(Person::active)
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                                "no active person " + personId + " in the directory")))
                .subscribeOn(Schedulers.boundedElastic())
                .map(this::sign);
    }

    private Map<String, Object> sign(Person person) {
        List<String> roles = person.roles().stream().map(Enum::name).sorted().toList();
        return Map.of("access_token", DevSigningKey.issue(key, person.id(), roles, LIFETIME), "token_type", "Bearer",
                "expires_in", LIFETIME.toSeconds(), "personId", person.id(), "roles", roles);
    }
}
