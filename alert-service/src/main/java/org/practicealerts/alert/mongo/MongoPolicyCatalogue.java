package org.practicealerts.alert.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.practicealerts.alert.domain.ActiveProcedure;
import org.practicealerts.alert.domain.PolicyCatalogue;
import org.practicealerts.alert.policy.InvalidPolicyException;
import org.practicealerts.alert.policy.Policy;
import org.practicealerts.alert.policy.PolicyLoader;
import org.practicealerts.events.PlanType;
import org.practicealerts.events.PolicyRef;
import org.practicealerts.events.Role;

/**
 * Keeps every policy version ever used in MongoDB, so an alert raised under version 1 is still run by version 1
 * after version 2 is deployed. Changing a policy's text without changing its version is refused at start-up, and
 * so is listing the same procedure twice.
 */
public class MongoPolicyCatalogue implements PolicyCatalogue {

    /** A procedure as configured: where its text came from, the text, and whom it applies to. */
    public record Source(String source, String yaml, Set<Role> raisers, Set<PlanType> planTypes) {
    }

    private final MongoCollection<Document> policies;
    private final List<ActiveProcedure> procedures;
    private final Map<PolicyRef, Policy> cache = new ConcurrentHashMap<>();

    public MongoPolicyCatalogue(MongoDatabase db, List<Source> sources) {
        if (sources.isEmpty()) {
            throw new InvalidPolicyException("practice-alerts.procedures", List.of("at least one procedure is needed"));
        }
        this.policies = db.getCollection("policies");
        List<ActiveProcedure> loaded = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (Source s : sources) {
            Policy policy = register(s.source(), s.yaml());
            if (!ids.add(policy.id())) {
                throw new InvalidPolicyException(s.source(), List.of("procedure " + policy.id()
                        + " is listed twice: list each procedure once, with every raiser and plan type it covers"));
            }
            loaded.add(new ActiveProcedure(policy, s.raisers(), s.planTypes()));
        }
        this.procedures = List.copyOf(loaded);
    }

    private Policy register(String source, String yaml) {
        Policy policy = PolicyLoader.load(source, stream(yaml));
        String key = key(policy.ref());
        Document stored = policies.find(Filters.eq("_id", key)).first();
        if (stored == null) {
            policies.insertOne(new Document("_id", key).append("policyId", policy.id())
                    .append("version", policy.version()).append("yaml", yaml).append("registeredAt", Instant.now()));
        } else if (!stored.getString("yaml").equals(yaml)) {
            throw new InvalidPolicyException(source, List.of("policy " + key + " is already registered with different "
                    + "content: a changed policy needs a new version number"));
        }
        cache.put(policy.ref(), policy);
        return policy;
    }

    @Override
    public List<ActiveProcedure> procedures() {
        return procedures;
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
