package kz.aifc.expat.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Test fixture: real access tokens from the local Keycloak (password grant through the public test client, or client
 * credentials for partner systems). Cached per login for two minutes; access tokens live 5 minutes (realm expat).
 */
public final class Tokens {

    public static final String DEMO_PASSWORD = "demo1234";
    private static final String REALM_URL = System.getProperty("oidc.realm-url",
            System.getenv().getOrDefault("OIDC_AUTH_SERVER_URL", "http://127.0.0.1:8180/realms/expat"));
    private static final Duration REUSE = Duration.ofMinutes(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long obtainedAt) {
    }

    private Tokens() {
    }

    /** Access token of a demo user (see docs/CONVENTIONS.md for the logins). */
    public static String user(String username) {
        return cached("user:" + username, () -> fetch(Map.of("grant_type", "password", "client_id", "expat-cli",
                "username", username, "password", DEMO_PASSWORD, "scope", "openid")));
    }

    /** Access token of a partner system's service account. */
    public static String client(String clientId, String secret) {
        return cached("client:" + clientId, () -> fetch(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    public static String hrAcme() {
        return user("hr.acme");
    }

    public static String hrGlobex() {
        return user("hr.globex");
    }

    public static String officer() {
        return user("officer1");
    }

    public static String admin() {
        return user("admin");
    }

    public static String applicant() {
        return user("applicant1");
    }

    public static String partnerAcme() {
        return client("partner-acme", "partner-acme-secret");
    }

    public static String partnerGlobex() {
        return client("partner-globex", "partner-globex-secret");
    }

    /**
     * One fetch per login at a time: when a cached token ages out under load (50 booking clients at once), the
     * others wait for that one fetch instead of sending Keycloak 50 password grants together, which on two cores
     * outlast the request timeout.
     */
    private static String cached(String key, java.util.function.Supplier<String> fetcher) {
        return CACHE.compute(key, (k, hit) -> hit != null && System.nanoTime() - hit.obtainedAt < REUSE.toNanos()
                ? hit : new Cached(fetcher.get(), System.nanoTime())).token;
    }

    private static String fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(REALM_URL + "/protocol/openid-connect/token"))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("Keycloak refused a token (" + response.statusCode() + "): "
                        + response.body() + " — is the local stack up? deploy/local/stack.sh up");
            }
            JsonNode json = JSON.readTree(response.body());
            return json.get("access_token").asText();
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak not reachable at " + REALM_URL
                    + " — start the local stack: deploy/local/stack.sh up", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
