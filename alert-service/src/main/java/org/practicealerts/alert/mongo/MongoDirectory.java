package org.practicealerts.alert.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.practicealerts.events.directory.Cover;
import org.practicealerts.events.directory.DirectoryEntry;
import org.practicealerts.events.directory.Person;
import org.practicealerts.alert.directory.ReportingLines;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Team;

/**
 * The directory in MongoDB. Each change bumps the document's {@code version} and marks it {@code pending};
 * {@link #unpublished} lists documents whose latest version has not yet reached the compacted Kafka topic, so a crash between the write and the publish
 * loses nothing (the directory collection is its own outbox).
 */
public class MongoDirectory implements ReportingLines {

    /** The kinds of directory entry, each in its own collection and with its own key prefix on the topic. */
    public enum Kind {
        PERSON("people"), TEAM("teams"), COVER("covers");

        final String collection;

        Kind(String collection) {
            this.collection = collection;
        }
    }

    private final MongoCollection<Document> people;
    private final MongoCollection<Document> teams;
    private final MongoCollection<Document> covers;

    public MongoDirectory(MongoDatabase db) {
        this.people = db.getCollection(Kind.PERSON.collection);
        this.teams = db.getCollection(Kind.TEAM.collection);
        this.covers = db.getCollection(Kind.COVER.collection);
        covers.createIndex(Indexes.ascending("absentPersonId", "from"));
        people.createIndex(Indexes.ascending("roles"));
    }

    // --- ReportingLines ---

    @Override
    public Optional<Person> person(String id) {
        return Optional.ofNullable(id).map(i -> people.find(live(i)).first()).map(MongoDirectory::toPerson);
    }

    @Override
    public Optional<Team> team(String id) {
        return Optional.ofNullable(id).map(i -> teams.find(live(i)).first()).map(MongoDirectory::toTeam);
    }

    @Override
    public List<Cover> coversOn(String absentPersonId, LocalDate day) {
        List<Cover> out = new ArrayList<>();
        covers.find(Filters.and(Filters.eq("absentPersonId", absentPersonId), Filters.ne("deleted", true),
                        Filters.lte("from", day.toString()), Filters.gte("to", day.toString())))
                .sort(Sorts.descending("from")).forEach(d -> out.add(toCover(d)));
        return out;
    }

    @Override
    public List<Person> withRole(Role role) {
        List<Person> out = new ArrayList<>();
        people.find(Filters.and(Filters.eq("roles", role.name()), Filters.ne("deleted", true)))
                .forEach(d -> out.add(toPerson(d)));
        return out;
    }

    // --- administration ---

    @Override
    public List<Person> people() {
        return all(people, MongoDirectory::toPerson);
    }

    @Override
    public List<Team> teams() {
        return all(teams, MongoDirectory::toTeam);
    }

    public List<Cover> covers() {
        return all(covers, MongoDirectory::toCover);
    }

    public void save(Person p) {
        upsert(people, p.id(), new Document("displayName", p.displayName()).append("email", p.email())
                .append("teamsWebhook", p.teamsWebhook()).append("roles", p.roles().stream().map(Enum::name).sorted().toList())
                .append("teamId", p.teamId()).append("managerId", p.managerId()).append("active", p.active())
                .append("preference", p.preference()));
    }

    public void save(Team t) {
        upsert(teams, t.id(), new Document("name", t.name()).append("managerId", t.managerId())
                .append("teamsWebhook", t.teamsWebhook()));
    }

    public void save(Cover c) {
        upsert(covers, c.id(), new Document("absentPersonId", c.absentPersonId())
                .append("coverPersonId", c.coverPersonId()).append("from", c.from().toString())
                .append("to", c.to().toString()).append("reason", c.reason()));
    }

    /** Marks an entry deleted (a tombstone is published, then it is gone from every look-up). */
    public boolean delete(Kind kind, String id) {
        return collection(kind).updateOne(live(id), Updates.combine(Updates.set("deleted", true),
                Updates.set("pending", true), Updates.inc("version", 1))).getModifiedCount() > 0;
    }

    /** Entries whose latest version has not been published yet. */
    public void unpublished(Kind kind, int limit, Consumer<Document> each) {
        collection(kind).find(Filters.eq("pending", true))
                .limit(limit).forEach(each);
    }

    public void markPublished(Kind kind, String id, long version) {
        collection(kind).updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("version", version)),
                Updates.set("pending", false));
    }

    /** The directory entry as the topic's contract has it, without the store's bookkeeping. */
    public static DirectoryEntry entry(Kind kind, Document stored) {
        return switch (kind) {
            case PERSON -> toPerson(stored);
            case TEAM -> toTeam(stored);
            case COVER -> toCover(stored);
        };
    }

    private MongoCollection<Document> collection(Kind kind) {
        return switch (kind) {
            case PERSON -> people;
            case TEAM -> teams;
            case COVER -> covers;
        };
    }

    private static void upsert(MongoCollection<Document> c, String id, Document fields) {
        Document current = c.find(Filters.eq("_id", id)).first();
        long version = current == null ? 1 : current.get("version", Number.class).longValue() + 1;
        Document next = new Document(fields).append("_id", id).append("version", version).append("deleted", false)
                .append("pending", true);
        c.replaceOne(Filters.eq("_id", id), next, new ReplaceOptions().upsert(true));
    }

    private static Bson live(String id) {
        return Filters.and(Filters.eq("_id", id), Filters.ne("deleted", true));
    }

    private static <T> List<T> all(MongoCollection<Document> c, java.util.function.Function<Document, T> map) {
        List<T> out = new ArrayList<>();
        c.find(Filters.ne("deleted", true)).sort(Sorts.ascending("_id")).forEach(d -> out.add(map.apply(d)));
        return out;
    }

    static Person toPerson(Document d) {
        Set<Role> roles = new LinkedHashSet<>();
        for (String r : d.getList("roles", String.class, List.of())) {
            roles.add(Role.valueOf(r));
        }
        return new Person(d.getString("_id"), d.getString("displayName"), d.getString("email"),
                d.getString("teamsWebhook"), roles, d.getString("teamId"), d.getString("managerId"),
                d.getBoolean("active", true), d.getString("preference"));
    }

    static Team toTeam(Document d) {
        return new Team(d.getString("_id"), d.getString("name"), d.getString("managerId"),
                d.getString("teamsWebhook"));
    }

    static Cover toCover(Document d) {
        return new Cover(d.getString("_id"), d.getString("absentPersonId"), d.getString("coverPersonId"),
                LocalDate.parse(d.getString("from")), LocalDate.parse(d.getString("to")), d.getString("reason"));
    }
}
