package org.practicealerts.text;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.bson.types.Binary;

/**
 * One data key per alert (and per commendation or informal record), kept wrapped by the master key in a collection
 * of its own. Erasing is destroying the wrapped key and leaving a tombstone (when, by whom, why), so no key can be made
 * again for that id: its sealed text is unreadable in the event store, the topic, every projection and every backup
 * of them at once. Unwrapped keys are cached for a few seconds, which bounds how long a reader in another process
 * may still open text after an erasure.
 */
public class TextKeys {

    /** A key's destruction: when, by whom, and why (the reason is the administrator's, about the request). */
    public record Erasure(String keyId, Instant erasedAt, String erasedBy, String reason) {
    }

    private final MongoCollection<Document> keys;
    private final Aead master;
    private final Clock clock;
    private final Cache<String, Optional<Aead>> unwrapped;

    /** Keys in {@code keys}, wrapped by the master key given base64-encoded (32 random bytes). */
    public static TextKeys in(MongoCollection<Document> keys, String masterKey, Clock clock, Duration cacheFor) {
        return new TextKeys(keys, MasterKey.parse(masterKey), clock, cacheFor);
    }

    TextKeys(MongoCollection<Document> keys, Aead master, Clock clock, Duration cacheFor) {
        this.keys = keys;
        this.master = master;
        this.clock = clock;
        this.unwrapped = Caffeine.newBuilder().expireAfterWrite(cacheFor).maximumSize(10_000).build();
    }

    /** The key to seal new text with, made on first use; refused once the key was erased. */
    Aead forSealing(String keyId) {
        Optional<Aead> cached = unwrapped.getIfPresent(keyId);
        if (cached != null && cached.isPresent()) {
            return cached.get();
        }
        Document doc = keys.find(eq("_id", keyId)).first();
        if (doc == null) {
            doc = create(keyId);
        }
        if (doc.get("erasedAt") != null) {
            throw new TextErasedException(keyId);
        }
        Aead aead = unwrap(keyId, doc);
        unwrapped.put(keyId, Optional.of(aead));
        return aead;
    }

    /** The key to open text with; empty once erased (or for an id that never had one). */
    Optional<Aead> forOpening(String keyId) {
        return unwrapped.get(keyId, id -> {
            Document doc = keys.find(eq("_id", id)).first();
            return doc == null || doc.get("keyset") == null ? Optional.empty() : Optional.of(unwrap(id, doc));
        });
    }

    /** Whether text was ever sealed for this id (its key exists, or its tombstone does). */
    public boolean holds(String keyId) {
        return keys.find(eq("_id", keyId)).first() != null;
    }

    /** When and why the key was erased, if it was. */
    public Optional<Erasure> erasure(String keyId) {
        Document doc = keys.find(eq("_id", keyId)).first();
        return doc == null || doc.get("erasedAt") == null ? Optional.empty() : Optional.of(erasureOf(doc));
    }

    /**
     * Destroys the key. Idempotent: a second request leaves the first erasure as it was and returns it. Erasing an id
     * that never had a key leaves the tombstone, so no text can be sealed for it afterwards.
     */
    public Erasure erase(String keyId, String erasedBy, String reason) {
        try {
            keys.updateOne(and(eq("_id", keyId), exists("erasedAt", false)),
                    Updates.combine(Updates.unset("keyset"), Updates.set("erasedAt", Date.from(clock.instant())),
                            Updates.set("erasedBy", erasedBy), Updates.set("reason", reason)),
                    new UpdateOptions().upsert(true));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            // already erased: the upsert found no unerased key and could not insert a second tombstone
        }
        unwrapped.invalidate(keyId);
        return erasure(keyId).orElseThrow();
    }

    private Document create(String keyId) {
        try {
            KeysetHandle handle = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            byte[] wrapped = TinkProtoKeysetFormat.serializeEncryptedKeyset(handle, master, associated(keyId));
            Document doc = new Document("_id", keyId).append("keyset", new Binary(wrapped))
                    .append("createdAt", Date.from(clock.instant()));
            keys.insertOne(doc);
            return doc;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a text key", e);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return keys.find(eq("_id", keyId)).first(); // made at the same moment by another command: use it
        }
    }

    private Aead unwrap(String keyId, Document doc) {
        try {
            byte[] wrapped = doc.get("keyset", Binary.class).getData();
            return TinkProtoKeysetFormat.parseEncryptedKeyset(wrapped, master, associated(keyId))
                    .getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the text key of " + keyId
                    + " does not open with this master key (a different TEXT_MASTER_KEY?)", e);
        }
    }

    /** A wrapped key opens only under its own id: one copied onto another alert's document does not. */
    private static byte[] associated(String keyId) {
        return ("practice-alerts text key " + keyId).getBytes(StandardCharsets.UTF_8);
    }

    private static Erasure erasureOf(Document doc) {
        return new Erasure(doc.getString("_id"), doc.getDate("erasedAt").toInstant(), doc.getString("erasedBy"),
                doc.getString("reason"));
    }
}
