package kz.aifc.expat.catalog;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security finding #14.18, the shared rate limiter of service-defaults as the catalog uses it: anonymous reads draw
 * from a budget per client address, company users from one per company, and requests answered 401 from a budget
 * per address; beyond it, 429 problem+json with Retry-After and the draft RateLimit headers. Each test is a client
 * of its own, told apart by X-Forwarded-For (honoured because the test client, on loopback, is a trusted proxy);
 * plain loopback callers are the services themselves and are never limited. Budgets here: 5 reads, 3 refusals a
 * minute. The limiter fails open: while its table cannot be read, requests are served uncounted.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
class RateLimitTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("expat.rate-limit.public-read.limit", "5",
                    "expat.rate-limit.unauthenticated.limit", "3",
                    "expat.rate-limit.cleanup-every", "1s");
        }
    }

    private static final AtomicInteger CLIENTS = new AtomicInteger(10);

    @Inject
    DataSource dataSource;

    /** A client address of its own (TEST-NET-2), so no test shares a budget with another. */
    private static String newClient() {
        return "198.51.100." + CLIENTS.incrementAndGet();
    }

    private static RequestSpecification from(String address) {
        return RestAssured.given().header("X-Forwarded-For", address);
    }

    @Test
    void anAnonymousClientIsRefusedWithRetryAfterOnceItsBudgetIsUsed() {
        String client = newClient();
        for (int left = 4; left >= 0; left--) {
            from(client).get("/api/v1/mrp").then().statusCode(200)
                    .header("RateLimit-Policy", "\"public-read\";q=5;w=60")
                    .header("RateLimit", matchesPattern("\"public-read\";r=" + left + ";t=\\d+"));
        }
        Response refused = from(client).get("/api/v1/mrp");
        refused.then().statusCode(429).contentType("application/problem+json")
                .body("type", equalTo("https://expat.aifc.kz/problems/rate-limited"))
                .body("status", equalTo(429))
                .header("RateLimit-Policy", "\"public-read\";q=5;w=60")
                .header("RateLimit", matchesPattern("\"public-read\";r=0;t=\\d+"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 12, "a fifth of a minute at most, was " + retryAfter);
    }

    @Test
    void oneClientUsingItsBudgetLeavesOtherClientsAndTheServicesUnaffected() {
        String greedy = newClient();
        for (int i = 0; i < 5; i++) {
            from(greedy).get("/api/v1/mrp/2026").then().statusCode(200);
        }
        from(greedy).get("/api/v1/mrp/2026").then().statusCode(429);

        from(newClient()).get("/api/v1/mrp/2026").then().statusCode(200);
        for (int i = 0; i < 12; i++) { // loopback without X-Forwarded-For: another service of the system
            RestAssured.given().get("/api/v1/mrp/2026").then().statusCode(200);
        }
    }

    @Test
    void aCompanyHasOneBudgetWhateverAddressItCallsFrom() {
        String token = Tokens.hrGlobex();
        for (int i = 0; i < 5; i++) {
            from(newClient()).auth().oauth2(token).get("/api/v1/mrp/all").then().statusCode(200);
        }
        from(newClient()).auth().oauth2(token).get("/api/v1/mrp/all").then().statusCode(429)
                .contentType("application/problem+json");
        // another company is not slowed down by it
        from(newClient()).auth().oauth2(Tokens.hrAcme()).get("/api/v1/mrp/all").then().statusCode(200);
    }

    @Test
    void requestsAnsweredUnauthorizedTurnInto429ForThatAddress() {
        String prober = newClient();
        for (int i = 0; i < 3; i++) {
            putMrp(from(prober)).then().statusCode(401).contentType("application/problem+json");
        }
        putMrp(from(prober)).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit-Policy", "\"unauthenticated\";q=3;w=60");
        // a malformed bearer token counts the same way (it is refused before the OIDC extension sees it)
        String forger = newClient();
        for (int i = 0; i < 3; i++) {
            putMrp(from(forger).header("Authorization", "Bearer ...")).then().statusCode(401);
        }
        putMrp(from(forger).header("Authorization", "Bearer ...")).then().statusCode(429);
        // the budget counts refusals only: the same address with a valid token is served
        from(prober).auth().oauth2(Tokens.officer()).get("/api/v1/mrp/all").then().statusCode(200);
    }

    @Test
    void bucketsThatHaveRefilledAreDeletedAndOthersKept() throws SQLException {
        String refilled = newClient();
        String draining = newClient();
        from(refilled).get("/api/v1/mrp").then().statusCode(200);
        from(draining).get("/api/v1/mrp").then().statusCode(200);
        assertEquals(1, rows("public-read:address:" + refilled));
        // as if a minute had passed for the first client: its budget is full again
        execute("UPDATE rate_limit_bucket SET expires_at = 0 WHERE id = ?", "public-read:address:" + refilled);

        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> rows("public-read:address:" + refilled) == 0);
        assertEquals(1, rows("public-read:address:" + draining));
    }

    @Test
    void readsAreServedUncountedWhileTheBudgetsCannotBeRead() throws SQLException {
        String client = newClient();
        execute("ALTER TABLE rate_limit_bucket RENAME TO rate_limit_bucket_away", null);
        try {
            for (int i = 0; i < 8; i++) { // more than the budget of 5: nothing is counted, nothing refused
                Response served = from(client).get("/api/v1/mrp");
                served.then().statusCode(200);
                assertEquals(null, served.header("RateLimit"), "no budget is claimed that was not read");
            }
            putMrp(from(client)).then().statusCode(401); // and a 401 stays a 401
        } finally {
            execute("ALTER TABLE rate_limit_bucket_away RENAME TO rate_limit_bucket", null);
        }
        from(client).get("/api/v1/mrp").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"public-read\";r=4;t=\\d+"));
    }

    private static Response putMrp(RequestSpecification spec) {
        return spec.contentType(ContentType.JSON).body("{\"amount\": 4325}").put("/api/v1/mrp/2031");
    }

    private int rows(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM rate_limit_bucket WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    private void execute(String sql, String id) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            s.executeUpdate();
        }
    }
}
