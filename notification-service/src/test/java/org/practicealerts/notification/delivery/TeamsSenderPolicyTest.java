package org.practicealerts.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.Urgency;
import org.practicealerts.notification.outbox.Channel;
import org.practicealerts.notification.outbox.OutboxEntry;
import org.practicealerts.notification.outbox.Told;
import org.practicealerts.support.WebhookPolicy;

/** Before every post the webhook is checked again: a URL saved before the rules, or re-pointed since, is refused. */
class TeamsSenderPolicyTest {

    private static final WebhookPolicy TEAMS = new WebhookPolicy(List.of("*.logic.azure.com", "localhost"), false);

    private static OutboxEntry cardTo(String url) {
        return new OutboxEntry("n-1", "e-1", "alert-1", "AlertRaised", "tm-north", Told.as("RESPONDER", Urgency.ROUTINE),
                Channel.TEAMS, url, null, null, null, "{}", OutboxEntry.State.PENDING, 0, Instant.EPOCH, Instant.EPOCH,
                null, null, null);
    }

    @Test
    void aWebhookThatResolvesToAnInternalAddressIsAPermanentFailureNamingOnlyItsHost() {
        TeamsSender sender = new TeamsSender(Duration.ofSeconds(1), Duration.ofSeconds(1), TEAMS, url -> false);

        DeliveryFailure f = catchThrowableOfType(DeliveryFailure.class,
                () -> sender.send(cardTo("https://localhost:1/workflows/x?sig=SECRET")));

        assertThat(f.permanent()).isTrue();
        assertThat(f.getMessage()).contains("webhook refused", "localhost", "loopback").doesNotContain("SECRET");
    }

    @Test
    void aWebhookOffTheAllowListIsAPermanentFailure() {
        TeamsSender sender = new TeamsSender(Duration.ofSeconds(1), Duration.ofSeconds(1), TEAMS, url -> false);

        DeliveryFailure f = catchThrowableOfType(DeliveryFailure.class,
                () -> sender.send(cardTo("https://collector.example/hook")));

        assertThat(f.permanent()).isTrue();
        assertThat(f.getMessage()).contains("not an allowed Teams Workflows host");
    }

    @Test
    void theOperatorsConfiguredFallbackIsTrustedAsConfiguration() {
        TeamsSender sender = new TeamsSender(Duration.ofSeconds(1), Duration.ofSeconds(1), TEAMS,
                url -> url.startsWith("http://127.0.0.1:1/dev/teams-sink/"));

        DeliveryFailure f = catchThrowableOfType(DeliveryFailure.class,
                () -> sender.send(cardTo("http://127.0.0.1:1/dev/teams-sink/tm-north")));

        assertThat(f.getMessage()).as("posted (nothing listens there), not refused").doesNotContain("refused:");
        assertThat(f.permanent()).isFalse();
    }
}
