package org.practicealerts.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedMongoServerTest {

    /** Shared in-memory server for the behaviour tests (each test uses its own collection). */
    static EmbeddedMongoServer shared;
    static MongoClient sharedClient;

    @BeforeAll
    static void startSharedServer() {
        shared = EmbeddedMongoServer.inMemory().start(0);
        sharedClient = MongoClients.create(shared.connectionString());
    }

    @AfterAll
    static void stopSharedServer() {
        sharedClient.close();
        shared.close();
    }

    @Test
    void documentsInTheH2FileSurviveARestartOnTheSameFile(@TempDir Path dir) {
        Path file = dir.resolve("mongo").resolve("data.mv");
        EmbeddedMongoServer server = EmbeddedMongoServer.onFile(file).start(0);
        int port = server.port();
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            client.getDatabase("alerts").getCollection("cases")
                    .insertOne(new Document("_id", "case-1").append("status", "RAISED"));
        }
        server.close();
        assertThat(server.isRunning()).isFalse();

        server.start(port);
        try (MongoClient client = MongoClients.create(server.connectionString())) {
            Document found = client.getDatabase("alerts").getCollection("cases")
                    .find(Filters.eq("_id", "case-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("status")).isEqualTo("RAISED");
            assertThat(server.connectionString()).isEqualTo("mongodb://localhost:" + port);
        } finally {
            server.close();
        }
    }

    @Test
    void findOneAndUpdateWithUpsertCreatesThenUpdatesTheDocument() {
        MongoCollection<Document> counters = sharedClient.getDatabase("alerts").getCollection("counters");
        FindOneAndUpdateOptions upsertReturningAfter =
                new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);

        Document first = counters.findOneAndUpdate(Filters.eq("_id", "alert-number"),
                Updates.inc("value", 1L), upsertReturningAfter);
        Document second = counters.findOneAndUpdate(Filters.eq("_id", "alert-number"),
                Updates.inc("value", 1L), upsertReturningAfter);

        assertThat(first.getLong("value")).isEqualTo(1L);
        assertThat(second.getLong("value")).isEqualTo(2L);
        assertThat(counters.countDocuments()).isEqualTo(1);
    }

    @Test
    void uniqueIndexRejectsADuplicateKey() {
        MongoCollection<Document> people = sharedClient.getDatabase("alerts").getCollection("people");
        people.createIndex(Indexes.ascending("email"), new IndexOptions().unique(true));
        people.insertOne(new Document("email", "a.worker@example.org"));

        assertThatThrownBy(() -> people.insertOne(new Document("email", "a.worker@example.org")))
                .isInstanceOfSatisfying(MongoWriteException.class, e ->
                        assertThat(ErrorCategory.fromErrorCode(e.getCode())).isEqualTo(ErrorCategory.DUPLICATE_KEY));
        assertThat(people.countDocuments()).isEqualTo(1);
    }

    @Test
    void compoundIndexIsCreatedAndListed() {
        MongoCollection<Document> events = sharedClient.getDatabase("alerts").getCollection("events");

        String name = events.createIndex(Indexes.compoundIndex(Indexes.ascending("aggregateId"),
                Indexes.ascending("sequenceNumber")), new IndexOptions().unique(true));
        events.insertOne(new Document("aggregateId", "a-1").append("sequenceNumber", 0));
        events.insertOne(new Document("aggregateId", "a-1").append("sequenceNumber", 1));
        events.insertOne(new Document("aggregateId", "a-2").append("sequenceNumber", 0));

        List<Document> indexes = events.listIndexes().into(new ArrayList<>());
        assertThat(indexes).extracting(index -> index.getString("name")).contains(name);
        assertThat(indexes).filteredOn(index -> name.equals(index.getString("name")))
                .singleElement()
                .satisfies(index -> assertThat(index.get("key", Document.class).keySet())
                        .containsExactly("aggregateId", "sequenceNumber"));
        assertThatThrownBy(() -> events.insertOne(new Document("aggregateId", "a-1").append("sequenceNumber", 1)))
                .isInstanceOf(MongoWriteException.class);
    }
}
