package org.practicealerts.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * The embedded default's signing key: generated on first start and kept in the data directory, so tokens survive
 * restarts and every service process of the embedded stack verifies them with the same key. Never used outside the
 * embedded profile.
 */
public final class DevSigningKey {

    public static final String ISSUER = "practice-alerts-embedded";

    private DevSigningKey() {
    }

    /**
     * A signed token for a directory person. Real time, not the simulated clock: expiry is about security, not the
     * demo's calendar.
     */
    public static String issue(RSAKey key, String subject, List<String> roles, Duration lifetime) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject(subject)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(lifetime))).claim("roles", roles).build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a dev token", e);
        }
    }

    public static synchronized RSAKey loadOrCreate(Path file) {
        return createOrRead(file);
    }

    /** The stack's key: whichever process of the stack published it first (see {@link SharedFiles}). */
    static RSAKey createOrRead(Path file) {
        try {
            return RSAKey.parse(SharedFiles.readOrPublish(file, DevSigningKey::newKey));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev signing key " + file, e);
        } catch (ParseException e) {
            throw new IllegalStateException("dev signing key " + file + " is not a valid RSA JWK", e);
        }
    }

    private static String newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("embedded-dev").generate().toJSONString();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot generate a dev signing key", e);
        }
    }
}
