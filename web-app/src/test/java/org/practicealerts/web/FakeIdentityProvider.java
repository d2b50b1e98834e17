package org.practicealerts.web;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A council's identity provider as the web app meets it: OpenID Connect discovery, the authorization endpoint (which
 * signs in whoever the test names, at once), the token endpoint (which refuses a code whose PKCE verifier does not
 * match its challenge) and the signing keys. The access token names the person and their roles as Keycloak does.
 */
final class FakeIdentityProvider {

    static final String CLIENT = "practice-alerts-web";
    static final String SECRET = "web-secret";

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Map<String, String>> codes = new ConcurrentHashMap<>();
    volatile String person = "tm-north";
    volatile List<String> roles = List.of("TEAM_MANAGER");
    volatile String lastAccessToken;
    volatile String lastIdToken;
    volatile boolean pkceChecked;

    FakeIdentityProvider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("fake-idp").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            switch (path) {
                case "/.well-known/openid-configuration" -> json(ex, 200, "{\"issuer\":\"" + issuer() + "\","
                        + "\"authorization_endpoint\":\"" + issuer() + "/authorize\",\"token_endpoint\":\"" + issuer()
                        + "/token\",\"end_session_endpoint\":\"" + issuer() + "/logout\",\"jwks_uri\":\"" + issuer() + "/jwks\",\"response_types_supported\":[\"code\"],"
                        + "\"subject_types_supported\":[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"code_challenge_methods_supported\":[\"S256\"]}");
                case "/jwks" -> json(ex, 200, new JWKSet(key.toPublicJWK()).toString());
                case "/authorize" -> authorize(ex);
                case "/token" -> token(ex);
                default -> json(ex, 404, "{}");
            }
        } catch (Exception e) {
            json(ex, 500, "{\"error\":\"" + e.getClass().getSimpleName() + "\"}");
        }
    }

    private void authorize(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String code = "code-" + codes.size();
        codes.put(code, q);
        ex.getResponseHeaders().set("Location", q.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(q.get("state"), StandardCharsets.UTF_8));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws Exception {
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> asked = codes.remove(f.get("code"));
        String verifier = f.get("code_verifier");
        if (asked == null || verifier == null || !"S256".equals(asked.get("code_challenge_method"))
                || !s256(verifier).equals(asked.get("code_challenge"))) {
            json(ex, 400, "{\"error\":\"invalid_grant\"}");
            return;
        }
        pkceChecked = true;
        Instant now = Instant.now();
        String access = sign(new JWTClaimsSet.Builder().issuer(issuer()).subject("uuid-" + person).audience("account")
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("preferred_username", person).claim("realm_access", Map.of("roles", roles)).build());
        String id = sign(new JWTClaimsSet.Builder().issuer(issuer()).subject("uuid-" + person).audience(CLIENT)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", asked.get("nonce")).claim("preferred_username", person).claim("name", "Team Manager North")
                .build());
        lastAccessToken = access;
        lastIdToken = id;
        json(ex, 200, "{\"access_token\":\"" + access + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"id_token\":\"" + id + "\",\"scope\":\"openid profile\"}");
    }

    private String sign(JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static String s256(String verifier) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    }

    private static Map<String, String> form(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null) {
            return out;
        }
        for (String pair : s.split("&")) {
            String[] kv = pair.split("=", 2);
            out.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                    kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
        }
        return out;
    }

    private static void json(HttpExchange ex, int status, String body) throws IOException {
        byte[] out = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, out.length);
        ex.getResponseBody().write(out);
        ex.close();
    }

    static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Entry::getValue)
                .map(v -> v.get(0)).findFirst().orElse(null);
    }
}
