package org.practicealerts.alert.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.practicealerts.alert.domain.PolicyCatalogue;
import org.practicealerts.alert.policy.InvalidPolicyException;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.PolicyRef;

/**
 * Keeps every policy version ever used in MongoDB, so an alert raised under version 1 is still run by version 1
 * after version 2 is deployed. Changing a policy's text without changing its version is refused at start-up.
 */
public class MongoPolicyCatalogue implements PolicyCatalogue {

    private final MongoCollection<Document> policies;
    private final Policy active;
    private final Map<PolicyRef, Policy> cache = new ConcurrentHashMap<>();

    public MongoPolicyCatalogue(MongoDatabase db, String source, String yaml) {
        this.policies = db.getCollection("policies");
        this.active = PolicyLoader.load(source, stream(yaml));
        String key = key(active.ref());
        Document stored = policies.find(Filters.eq("_id", key)).first();
        if (stored == null) {
            policies.insertOne(new Document("_id", key).append("policyId", active.id())
                    .append("version", active.version()).append("yaml", yaml).append("registeredAt", Instant.now()));
        } else if (!stored.getString("yaml").equals(yaml)) {
            throw new InvalidPolicyException(source, List.of("policy " + key + " is already registered with different "
                    + "content: a changed policy needs a new version number"));
        }
        cache.put(active.ref(), active);
    }

    @Override
    public Policy active() {
        return active;
    }

    @Override
    public Policy get(PolicyRef ref) {
        return cache.computeIfAbsent(ref, r -> {
            Document doc = policies.find(Filters.eq("_id", key(r))).first();
            if (doc == null) {
                throw new IllegalStateException("policy " + key(r) + " is not registered");
            }
            return PolicyLoader.load(key(r), stream(doc.getString("yaml")));
        });
    }

    private static String key(PolicyRef ref) {
        return ref.id() + ":" + ref.version();
    }

    private static ByteArrayInputStream stream(String yaml) {
        return new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8));
    }
}
