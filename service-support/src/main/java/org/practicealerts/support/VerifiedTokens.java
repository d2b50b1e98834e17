package org.practicealerts.support;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

/**
 * A decoder that remembers the tokens it has already verified, so that a person's every request does not repeat
 * the signature check. The web app sends one person's token with each of the several API calls a page makes, and
 * the RSA check was a fifth to a third of each service's CPU under page load (JFR, {@code docs/performance.md}).
 *
 * <p>What is remembered: a token the wrapped decoder accepted (signature, issuer, audience, times), keyed by its
 * SHA-256 so no bearer token is kept, for at most {@link #REMEMBERED_FOR} and never past its own expiry or before
 * its not-before time (those are checked again, without clock skew, on every use). A token refused is never
 * remembered: it goes to the wrapped decoder each time. Deactivated people are refused after decoding
 * ({@code DeactivatedPeopleFilter}), so remembering a token does not extend anyone's access. A signing key the
 * identity provider withdraws stops being honoured for tokens already seen within {@link #REMEMBERED_FOR}.
 */
public final class VerifiedTokens implements ReactiveJwtDecoder {

    static final Duration REMEMBERED_FOR = Duration.ofMinutes(5);
    private static final long MAX_REMEMBERED = 20_000;

    private final ReactiveJwtDecoder verifier;
    private final Clock clock;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(ReactiveJwtDecoder verifier, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        this.verified = Caffeine.newBuilder().maximumSize(MAX_REMEMBERED).expireAfterWrite(REMEMBERED_FOR)
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis())).build();
    }

    /** {@code decoder} wrapped, unless it already is. */
    public static ReactiveJwtDecoder wrap(ReactiveJwtDecoder decoder, Clock clock) {
        return decoder instanceof VerifiedTokens ? decoder : new VerifiedTokens(decoder, clock);
    }

    @Override
    public Mono<Jwt> decode(String token) {
        String key = digest(token);
        Jwt known = verified.getIfPresent(key);
        if (known != null) {
            if (inItsLifetime(known)) {
                return Mono.just(known);
            }
            verified.invalidate(key);
        }
        return verifier.decode(token).doOnNext(jwt -> {
            if (inItsLifetime(jwt)) {
                verified.put(key, jwt);
            }
        });
    }

    private boolean inItsLifetime(Jwt jwt) {
        Instant now = clock.instant();
        Instant expires = jwt.getExpiresAt();
        Instant notBefore = jwt.getNotBefore();
        return expires != null && now.isBefore(expires) && (notBefore == null || !now.isBefore(notBefore));
    }

    private static String digest(String token) {
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
