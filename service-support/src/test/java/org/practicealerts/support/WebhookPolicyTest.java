package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookPolicyTest {

    private static final WebhookPolicy TEAMS = new WebhookPolicy(List.of("*.logic.azure.com",
            "*.api.powerplatform.com"), false);

    @Test
    void acceptsAWorkflowsUrlOnAnAllowedHost() {
        assertThat(TEAMS.refusal("https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual"
                + "/paths/invoke?sig=secret")).isEmpty();
        assertThat(TEAMS.refusal(null)).isEmpty();
    }

    @Test
    void refusesAHostOffTheAllowList() {
        assertThat(TEAMS.refusal("https://attacker.example/hook")).get().asString()
                .contains("attacker.example is not an allowed Teams Workflows host");
        assertThat(TEAMS.refusal("https://logic.azure.com.attacker.example/hook")).isPresent();
    }

    @Test
    void refusesPlainHttpAndUserInfo() {
        assertThat(TEAMS.refusal("http://prod-1.uksouth.logic.azure.com/x")).contains("must be an https URL");
        assertThat(TEAMS.refusal("https://me@prod-1.uksouth.logic.azure.com/x")).isPresent();
    }

    @Test
    void refusesLoopbackPrivateAndLinkLocalAddressesEvenWhenAnyHostIsAllowed() {
        WebhookPolicy any = new WebhookPolicy(List.of("*"), false);
        for (String url : List.of("https://127.0.0.1/hook", "https://localhost/hook", "https://10.1.2.3/hook",
                "https://192.168.0.10/hook", "https://172.16.5.5/hook", "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook", "https://[fd00::1]/hook", "https://[fe80::1]/hook", "https://0.0.0.0/hook",
                "https://100.64.0.1/hook")) {
            assertThat(any.refusal(url)).as(url).get().asString().contains("loopback, private or link-local");
        }
        assertThat(any.refusal("https://8.8.8.8/hook")).isEmpty();
    }

    @Test
    void aTestsLocalWebhookNeedsInternalAddressesAllowedExplicitly() {
        assertThat(new WebhookPolicy(List.of("127.0.0.1"), true).refusal("https://127.0.0.1:8443/hook")).isEmpty();
    }
}
