package org.practicealerts.alert;

import com.nimbusds.jose.jwk.RSAKey;
import java.time.Duration;
import org.practicealerts.alert.directory.DemoDirectory;
import org.practicealerts.events.directory.Person;
import org.practicealerts.support.DevSigningKey;

/** Bearer tokens for the seeded demo people, signed with the test JVM's dev key. */
public final class TestTokens {

    private TestTokens() {
    }

    public static RSAKey key() {
        return DevSigningKey.loadOrCreate(SharedInfrastructure.dir().resolve("dev-jwt-key.json"));
    }

    public static String token(String personId) {
        Person p = DemoDirectory.people().stream().filter(x -> x.id().equals(personId)).findFirst().orElseThrow();
        return DevSigningKey.issue(key(), p.id(), p.roles().stream().map(Enum::name).toList(), Duration.ofMinutes(30));
    }
}
