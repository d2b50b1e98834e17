package org.practicealerts.alert.web;

import com.nimbusds.jose.jwk.RSAKey;
import java.util.List;
import java.util.Map;
import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.TestTokens;
import org.practicealerts.alert.directory.DemoDirectory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The whole alert-service on the embedded stand-ins (a real KRaft broker, mongo-java-server), seeded with the demo
 * council and its two procedures side by side, as the embedded default runs them (profile {@code demo-council}: the CP
 * chairs' urgent-practice procedure for CPCs on child protection plans, the CRO procedure for CROs and IROs). One
 * Spring context shared by every API test class.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "PT30S")
@ActiveProfiles({"embedded", "demo-council"})
public abstract class ApiTestBase {

    @Autowired
    protected WebTestClient web;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "alert_api_test");
    }

    protected static RSAKey key() {
        return TestTokens.key();
    }

    /** A bearer token for a seeded demo person, with their directory roles. */
    protected static String token(String personId) {
        return TestTokens.token(personId);
    }

    protected WebTestClient.RequestHeadersSpec<?> get(String person, String uri, Object... vars) {
        return web.get().uri(uri, vars).headers(h -> h.setBearerAuth(token(person)));
    }

    protected WebTestClient.ResponseSpec post(String person, String uri, Object body, Object... vars) {
        return web.post().uri(uri, vars).headers(h -> h.setBearerAuth(token(person)))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    protected static Map<String, Object> raiseBody(String childRef) {
        return Map.of("childRef", childRef, "planType", "CHILD_WE_CARE_FOR", "teamId", DemoDirectory.NORTH,
                "primaryCategory", "STATUTORY_VISIT", "categories", List.of("CHILDS_VOICE"),
                "summary", "Statutory visits overdue by three weeks.", "impactOnChild", "Placement concerns unseen.",
                "childsVoice", "Wants to know who their social worker is.",
                "recommendedActions", List.of(Map.of("priority", 1, "description", "Visit", "timescale", "5 working days")));
    }

    /** Raises an alert as iro-1 and returns its id. */
    protected String raise(String childRef) {
        return raise(childRef, raiseBody(childRef));
    }

    protected String raise(String childRef, Map<String, Object> body) {
        return (String) post("iro-1", "/api/v1/alerts", body).expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id");
    }
}
