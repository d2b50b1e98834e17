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
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
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

    /**
     * Every service process of a stack calls this at start, often at the same moment: exactly one key wins and all
     * of them return it. The key is published with a hard link, which (unlike a rename) never replaces a file
     * another process published first.
     */
    static RSAKey createOrRead(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey key = new RSAKeyGenerator(2048).keyID("embedded-dev").generate();
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = Files.createTempFile(file.toAbsolutePath().getParent(), "dev-key", ".tmp");
            try {
                Files.writeString(tmp, key.toJSONString(), StandardCharsets.UTF_8);
                try {
                    Files.createLink(file, tmp);
                } catch (FileAlreadyExistsException raced) {
                    // another process published its key first: use theirs
                } catch (UnsupportedOperationException | IOException noHardLinks) {
                    try {
                        Files.move(tmp, file); // no REPLACE_EXISTING: fails rather than overwrite theirs
                    } catch (FileAlreadyExistsException raced) {
                        // theirs
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the dev signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("dev signing key " + file + " is not a valid RSA JWK", e);
        }
    }
}
