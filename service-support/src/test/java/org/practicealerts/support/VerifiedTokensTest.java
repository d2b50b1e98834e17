package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import reactor.core.publisher.Mono;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-04T09:00:00Z");

    private final AtomicReference<Instant> now = new AtomicReference<>(NOW);
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };

    /** Counts the checks the wrapped decoder makes; a token "bad…" is refused, any other expires at its given time. */
    private final Map<String, Integer> checks = new HashMap<>();
    private final Map<String, Instant> expiries = new HashMap<>();
    private final ReactiveJwtDecoder verifier = token -> {
        checks.merge(token, 1, Integer::sum);
        if (token.startsWith("bad")) {
            return Mono.error(new BadJwtException("signature does not verify"));
        }
        return Mono.just(Jwt.withTokenValue(token).header("alg", "RS256").subject("tm-north")
                .issuedAt(NOW.minusSeconds(60)).expiresAt(expiries.getOrDefault(token, NOW.plus(Duration.ofHours(1))))
                .build());
    };
    private final ReactiveJwtDecoder decoder = VerifiedTokens.wrap(verifier, clock);

    @Test
    void aTokenAlreadyVerifiedIsNotCheckedAgainOnTheNextRequest() {
        assertThat(decoder.decode("token-a").block().getSubject()).isEqualTo("tm-north");
        assertThat(decoder.decode("token-a").block().getSubject()).isEqualTo("tm-north");
        decoder.decode("token-b").block();

        assertThat(checks).containsEntry("token-a", 1).containsEntry("token-b", 1);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndCheckedEveryTime() {
        for (int i = 0; i < 2; i++) {
            assertThatThrownBy(() -> decoder.decode("bad-token").block()).isInstanceOf(BadJwtException.class);
        }
        assertThat(checks).containsEntry("bad-token", 2);
    }

    @Test
    void aRememberedTokenGoesBackToTheVerifierOnceItHasExpired() {
        expiries.put("short", NOW.plusSeconds(30));
        decoder.decode("short").block();
        now.set(NOW.plusSeconds(30));

        decoder.decode("short").block();

        assertThat(checks).containsEntry("short", 2);
    }

    @Test
    void aTokenIsVerifiedAgainAfterFiveMinutesThoughItIsStillValid() {
        decoder.decode("token-a").block();
        now.set(NOW.plus(Duration.ofMinutes(4)));
        decoder.decode("token-a").block();
        assertThat(checks).containsEntry("token-a", 1);

        now.set(NOW.plus(Duration.ofMinutes(5)).plusSeconds(1));
        decoder.decode("token-a").block();

        assertThat(checks).containsEntry("token-a", 2);
    }

    @Test
    void wrappingTwiceKeepsOneLayer() {
        assertThat(VerifiedTokens.wrap(decoder, clock)).isSameAs(decoder);
    }
}
