package org.practicealerts.alert.text;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.query.AlertListProjection;
import org.practicealerts.text.SealedText;
import org.practicealerts.text.TextKeys;

/** The nightly retention erases the text of alerts closed longer than the council's period, and nothing else. */
class TextRetentionTest {

    static final Instant NOW = Instant.parse("2033-01-10T02:15:00Z");

    private final MongoClient client = MongoClients.create(SharedInfrastructure.mongo().connectionString());
    private final MongoDatabase db = client.getDatabase("retention_" + UUID.randomUUID().toString().substring(0, 8));
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final TextKeys keys = TextKeys.in(db.getCollection("text_keys"), "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
            clock, Duration.ZERO);
    private final SealedText text = new SealedText(keys);
    private final Map<String, String> sealedTexts = new HashMap<>();

    @AfterEach
    void close() {
        db.drop();
        client.close();
    }

    @Test
    void erasesTheTextOfAlertsClosedLongerThanThePeriodAndKeepsOpenAndRecentOnes() {
        String old = view("RESOLVED", "2026-12-01T10:00:00Z");
        String oldWithdrawn = view("WITHDRAWN", "2026-06-01T10:00:00Z");
        String recent = view("RESOLVED", "2027-03-01T10:00:00Z");
        String open = view("AWAITING_RESPONSE", "2020-01-01T10:00:00Z");
        TextRetention retention = new TextRetention(db, keys, new TextRetentionProperties(Period.ofYears(6), true),
                clock);

        assertThat(retention.eraseExpired()).isEqualTo(2);

        assertThat(text.open(sealed(old))).isEqualTo(SealedText.ERASED);
        assertThat(text.open(sealed(oldWithdrawn))).isEqualTo(SealedText.ERASED);
        assertThat(keys.erasure(old).orElseThrow().erasedBy()).isEqualTo("retention");
        assertThat(text.open(sealed(recent))).isEqualTo("text of " + recent);
        assertThat(text.open(sealed(open))).isEqualTo("text of " + open);
        assertThat(retention.eraseExpired()).as("a second night finds nothing new").isZero();
    }

    private String view(String status, String updatedAt) {
        String id = UUID.randomUUID().toString();
        sealedTexts.put(id, text.seal(id, "text of " + id));
        db.getCollection(AlertListProjection.COLLECTION).insertOne(new Document("_id", id).append("status", status)
                .append("updatedAt", Date.from(Instant.parse(updatedAt))));
        return id;
    }

    private String sealed(String id) {
        return sealedTexts.get(id);
    }
}
