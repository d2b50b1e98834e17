package org.practicealerts.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

    private static StandardEnvironment environment(Map<String, Object> serviceSettings, String... profiles) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(new MapPropertySource("service application.yml", serviceSettings));
        env.setActiveProfiles(profiles);
        new PlatformDefaults().postProcessEnvironment(env, new SpringApplication());
        return env;
    }

    @Test
    void everyServiceGetsTheSharedTopicsDatabaseAndKafkaSettings() {
        StandardEnvironment env = environment(Map.of());

        assertThat(env.getProperty("practice-alerts.topics.events")).isEqualTo("practice-alerts.alert-events");
        assertThat(env.getProperty("practice-alerts.topics.commands")).isEqualTo("practice-alerts.deadline-commands");
        assertThat(env.getProperty("practice-alerts.mongo-database")).isEqualTo("practice_alerts");
        assertThat(env.getProperty("spring.kafka.producer.acks")).isEqualTo("all");
        assertThat(env.getProperty("spring.kafka.listener.ack-mode")).isEqualTo("record");
        assertThat(env.getProperty("management.endpoint.health.probes.enabled")).isEqualTo("true");
    }

    @Test
    void aServicesOwnSettingOverridesThePlatformDefault() {
        StandardEnvironment env = environment(Map.of("practice-alerts.topics.partitions", "2",
                "spring.application.name", "some-service"));

        assertThat(env.getProperty("practice-alerts.topics.partitions")).isEqualTo("2");
        assertThat(env.getProperty("management.metrics.tags.service")).isEqualTo("some-service");
    }

    @Test
    void devTokensExistOnlyInTheEmbeddedProfile() {
        assertThat(environment(Map.of()).getProperty("practice-alerts.security.dev-tokens")).isEqualTo("false");
        assertThat(environment(Map.of(), "oidc").getProperty("practice-alerts.security.dev-tokens"))
                .isEqualTo("false");
        StandardEnvironment embedded = environment(Map.of("EMBEDDED_DATA_DIR", "/tmp/pa"), "embedded");
        assertThat(embedded.getProperty("practice-alerts.security.dev-tokens")).isEqualTo("true");
        assertThat(embedded.getProperty("practice-alerts.security.dev-key-file")).isEqualTo("/tmp/pa/dev-jwt-key.json");
    }

    @Test
    void theOidcProfileReadsIssuerAndClaimsFromTheEnvironment() {
        StandardEnvironment env = environment(Map.of("OIDC_ISSUER_URI", "https://login.example/realms/council",
                "OIDC_ROLES_CLAIM", "realm_access.roles"), "oidc");

        assertThat(env.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                .isEqualTo("https://login.example/realms/council");
        assertThat(env.getProperty("practice-alerts.security.roles-claim")).isEqualTo("realm_access.roles");
        assertThat(env.getProperty("practice-alerts.security.person-id-claim")).isEqualTo("sub");
    }
}
