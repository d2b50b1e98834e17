package org.practicealerts.alert.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.practicealerts.alert.SharedInfrastructure;
import org.practicealerts.alert.mongo.MongoDirectory;
import org.practicealerts.events.Role;
import org.practicealerts.events.directory.Person;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Tokens from a council's identity provider (here: its signing key, as a resource server configured with a public key
 * sees them): only tokens issued for this product count, only exactly named roles, and a person the directory has
 * deactivated is refused on their next request whatever their token says.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "practice-alerts.security.audiences=api://practice-alerts,practice-alerts-webapp",
        "practice-alerts.policy=seed-001-case-alert"})
@AutoConfigureWebTestClient
class IdentityProviderTokensTest {

    private static final RSAKey KEY;
    private static final Path PUBLIC_KEY;

    static {
        try {
            KEY = new RSAKeyGenerator(2048).keyID("council").generate();
            PUBLIC_KEY = Files.createTempFile("idp-public-key", ".pem");
            Files.writeString(PUBLIC_KEY, "-----BEGIN PUBLIC KEY-----\n"
                    + Base64.getMimeEncoder().encodeToString(KEY.toRSAPublicKey().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n");
        } catch (JOSEException | IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Autowired
    WebTestClient web;
    @Autowired
    MongoDirectory directory;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        SharedInfrastructure.register(registry, "alert_identity_provider_tokens_test");
        registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location", () -> PUBLIC_KEY.toUri().toString());
    }

    private static String token(String person, List<String> audience, String azp, List<String> roles) {
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(person).audience(audience)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("roles", roles);
        if (azp != null) {
            claims.claim("azp", azp);
        }
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    claims.build());
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private WebTestClient.ResponseSpec people(String token) {
        return web.get().uri("/api/v1/directory/people").headers(h -> h.setBearerAuth(token)).exchange();
    }

    @Test
    void aTokenWhoseAudienceIsThisProductIsAccepted() {
        people(token("admin-1", List.of("api://practice-alerts"), null, List.of("ADMIN"))).expectStatus().isOk();
    }

    @Test
    void aTokenIssuedToThisProductsClientIsAcceptedByItsAuthorisedParty() {
        people(token("admin-1", List.of("account"), "practice-alerts-webapp", List.of("ADMIN"))).expectStatus().isOk();
    }

    @Test
    void aTokenForAnotherApplicationOfTheSameProviderIsRefused() {
        people(token("admin-1", List.of("api://payroll"), "payroll-web", List.of("ADMIN")))
                .expectStatus().isUnauthorized();
    }

    @Test
    void anotherApplicationsSpellingOfAdminGrantsNothing() {
        people(token("admin-1", List.of("api://practice-alerts"), null, List.of("Admin", "admin")))
                .expectStatus().isForbidden();
    }

    @Test
    void aPersonTheDirectoryDeactivatesIsRefusedOnTheirNextRequest() {
        String token = token("sm-leaver", List.of("api://practice-alerts"), null, List.of("SERVICE_MANAGER"));
        directory.save(new Person("sm-leaver", "Service Manager Leaving", null, null, Set.of(Role.SERVICE_MANAGER),
                null, null, true, "EMAIL"));
        people(token).expectStatus().isOk();

        directory.save(new Person("sm-leaver", "Service Manager Leaving", null, null, Set.of(Role.SERVICE_MANAGER),
                null, null, false, "EMAIL"));

        people(token).expectStatus().isUnauthorized().expectBody()
                .jsonPath("$.detail").isEqualTo("this person is no longer active in the directory");
    }
}
