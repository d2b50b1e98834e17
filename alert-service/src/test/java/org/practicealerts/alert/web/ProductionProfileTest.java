package org.practicealerts.alert.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.security.DevTokenController;
import org.practicealerts.support.SimulatedClock;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Outside the embedded profile there is no dev login, no simulated clock and no open API docs: tokens come from
 * the council's identity provider only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.oauth2.resourceserver.jwt.jwk-set-uri=http://127.0.0.1:9/jwks-never-called",
        "practice-alerts.security.audiences=api://practice-alerts",
        "practice-alerts.policy=seed-001-case-alert"})
@AutoConfigureWebTestClient
class ProductionProfileTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    WebTestClient web;
    @Autowired
    Clock clock;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "alert_production_profile_test");
    }

    @Test
    void hasNoDevTokenEndpointAndNoSimulatedClock() {
        assertThat(context.getBeansOfType(DevTokenController.class)).isEmpty();
        assertThat(context.getBeansOfType(SimulatedClock.class)).isEmpty();
        assertThat(clock).isNotInstanceOf(SimulatedClock.class);
        web.post().uri("/dev/token?personId=admin-1").exchange().expectStatus().isUnauthorized();
        web.post().uri("/api/v1/admin/clock").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void apiDocsNeedAnAdmin() {
        web.get().uri("/v3/api-docs").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void healthIsStillOpen() {
        web.get().uri("/actuator/health").exchange().expectStatus().isOk();
    }
}
