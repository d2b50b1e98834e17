package org.practicealerts.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.practicealerts.events.FreeText;

class SealedTextTest {

    static MongoServer server;
    static MongoClient client;
    static final String MASTER = MasterKey.generate();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T10:00:00Z"), ZoneOffset.UTC);

    record Action(@FreeText String description, String ownerId) {
    }

    record Command(String alertId, @FreeText String summary, String category, List<Action> actions) {
    }

    @BeforeAll
    static void start() {
        server = new MongoServer(new MemoryBackend());
        client = MongoClients.create("mongodb://" + server.bindAndGetConnectionString().replace("mongodb://", ""));
    }

    @AfterAll
    static void stop() {
        client.close();
        server.shutdown();
    }

    private final MongoCollection<Document> collection = client.getDatabase("keys")
            .getCollection("text_keys_" + UUID.randomUUID());

    private SealedText text(String master, Duration cacheFor) {
        return new SealedText(new TextKeys(collection, MasterKey.parse(master), CLOCK, cacheFor));
    }

    @Test
    void sealedTextHoldsNoPlaintextAndOpensWithItsRecordsKey() {
        SealedText text = text(MASTER, Duration.ofSeconds(5));
        String sealed = text.seal("alert-1", "No visits since the conference");

        assertThat(sealed).startsWith("sealed:v1:alert-1:").doesNotContain("visits");
        assertThat(text.open(sealed)).isEqualTo("No visits since the conference");
        assertThat(text.open("Withdrawn: " + sealed)).isEqualTo("Withdrawn: No visits since the conference");
        assertThat(text.open("plain words")).isEqualTo("plain words");
    }

    @Test
    void sealsOnlyTheFreeTextOfACommandThroughNestedRecordsAndLists() {
        SealedText text = text(MASTER, Duration.ofSeconds(5));
        Command command = new Command("a-2", "Plan not shared", "PLANNING",
                List.of(new Action("Share the plan", "tm-1")));

        Command sealed = text.sealFreeText("a-2", command);

        assertThat(sealed.alertId()).isEqualTo("a-2");
        assertThat(sealed.category()).isEqualTo("PLANNING");
        assertThat(sealed.actions().get(0).ownerId()).isEqualTo("tm-1");
        assertThat(sealed.summary()).startsWith("sealed:v1:a-2:");
        assertThat(sealed.actions().get(0).description()).startsWith("sealed:v1:a-2:");
        assertThat(text.openAll(sealed)).isEqualTo(command);
    }

    @Test
    void blankTextStaysBlankSoTheProceduresRulesStillSeeIt() {
        SealedText text = text(MASTER, Duration.ofSeconds(5));
        assertThat(text.seal("a-3", null)).isNull();
        assertThat(text.seal("a-3", "  ")).isEqualTo("  ");
    }

    @Test
    void erasingTheKeyMakesEveryCopyOfTheTextUnreadableAndRefusesNewText() {
        SealedText text = text(MASTER, Duration.ZERO);
        TextKeys keys = new TextKeys(collection, MasterKey.parse(MASTER), CLOCK, Duration.ZERO);
        String sealed = text.seal("a-4", "The child said she is scared at home");

        TextKeys.Erasure erasure = keys.erase("a-4", "admin-1", "entered on the wrong child's alert");

        assertThat(erasure.erasedAt()).isEqualTo(CLOCK.instant());
        assertThat(text.open(sealed)).isEqualTo(SealedText.ERASED);
        assertThat(collection.find().first().toJson()).doesNotContain("keyset");
        assertThatThrownBy(() -> text.seal("a-4", "more")).isInstanceOf(TextErasedException.class);
        assertThat(keys.erase("a-4", "admin-2", "again")).isEqualTo(erasure);
    }

    @Test
    void sealedTextCopiedIntoAnotherAlertNeverOpensUnderTheOriginalKeyEvenWhenOpenedTwice() {
        SealedText text = text(MASTER, Duration.ofSeconds(5));
        String other = text.seal("a-5", "another child's concern");

        String copied = text.seal("a-6", "see " + other);

        assertThat(text.open(text.open(copied))).startsWith("see sealed: v1:a-5:").doesNotContain("concern");
    }

    @Test
    void tamperedTextAndAnotherMasterKeyNeverOpen() {
        SealedText text = text(MASTER, Duration.ZERO);
        String sealed = text.seal("a-7", "response text");
        String tampered = sealed.substring(0, sealed.length() - 2) + (sealed.endsWith("AA") ? "BB" : "AA");

        assertThat(text.open(tampered)).isEqualTo(SealedText.UNREADABLE);
        assertThatThrownBy(() -> text(MasterKey.generate(), Duration.ZERO).open(sealed))
                .hasMessageContaining("does not open with this master key");
    }
}
