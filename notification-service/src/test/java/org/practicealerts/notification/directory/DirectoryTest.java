package org.practicealerts.notification.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.directory.DirectoryJson;
import org.practicealerts.notification.directory.Directory.Preference;

/** The directory copy reads the alert-service's published records as they are, tombstones included. */
class DirectoryTest {

    final Directory directory = new Directory("http://127.0.0.1:8083/dev/teams-sink/");

    static byte[] json(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private void apply(String key, byte[] value) {
        directory.apply(DirectoryJson.read(key, value));
    }

    @Test
    void readsAPersonAsTheAlertServicePublishesThem() {
        apply("PERSON:tm-north", json("{\"displayName\": \"Team Manager North\", \"email\": "
                + "\"tm-north@demo-council.example\", \"teamsWebhook\": null, \"roles\": [\"TEAM_MANAGER\"], "
                + "\"teamId\": \"team-north\", \"managerId\": \"sm-north\", \"active\": true, \"preference\": "
                + "\"DIGEST\", \"deleted\": false, \"id\": \"tm-north\"}"));

        Directory.Person p = directory.person("tm-north").orElseThrow();
        assertThat(p.email()).isEqualTo("tm-north@demo-council.example");
        assertThat(p.preference()).isEqualTo(Preference.DIGEST);
        assertThat(p.teamId()).isEqualTo("team-north");
        assertThat(directory.webhookFor(p)).as("embedded sink").isEqualTo("http://127.0.0.1:8083/dev/teams-sink/tm-north");
    }

    @Test
    void aPersonsOwnWebhookWinsAndAnUnknownPreferenceMeansEmail() {
        apply("PERSON:iro-1", json("{\"email\":\"iro-1@x\",\"teamsWebhook\":\"https://hooks.example/iro\","
                + "\"preference\":\"CARRIER_PIGEON\",\"active\":true}"));

        Directory.Person p = directory.person("iro-1").orElseThrow();
        assertThat(directory.webhookFor(p)).isEqualTo("https://hooks.example/iro");
        assertThat(p.preference()).isEqualTo(Preference.EMAIL);
    }

    @Test
    void aTeamMayCarryAChannelWebhookAndATombstoneRemovesAnEntry() {
        apply("TEAM:team-north", json("{\"name\":\"North\",\"managerId\":\"tm-north\","
                + "\"teamsWebhook\":\"https://hooks.example/north\",\"id\":\"team-north\"}"));
        apply("TEAM:team-south", json("{\"name\":\"South\",\"managerId\":\"tm-south\",\"id\":\"team-south\"}"));
        apply("PERSON:sw-north", json("{\"email\":\"sw@x\",\"active\":true}"));
        apply("PERSON:sw-north", null);
        apply("COVER:cover-1", json("{\"absentPersonId\":\"tm-south\"}"));

        assertThat(directory.team("team-north").orElseThrow().teamsWebhook()).isEqualTo("https://hooks.example/north");
        assertThat(directory.team("team-south").orElseThrow().teamsWebhook()).isNull();
        assertThat(directory.person("sw-north")).isEmpty();
    }
}
