package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.fee.service.TariffCatalog;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;
import io.restassured.response.Response;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * catalog-service unreachable for real: the client is pointed at a local port where nothing listens (connection
 * refused), then a forwarder to the real catalog-service opens on it. With no tariffs cached a quote is a 503
 * problem+json with Retry-After, never a 500 or a guessed price; once the catalog answers, quotes resume.
 */
@QuarkusTest
@TestProfile(CatalogOutageTest.CatalogDown.class)
class CatalogOutageTest {

    static final String CATALOG_URL = System.getenv().getOrDefault("CATALOG_URL", "http://127.0.0.1:8081");

    public static class CatalogDown implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.catalog.url", TcpForwarder.url("catalog"));
        }
    }

    @Inject
    TariffCatalog catalog;

    /**
     * Security finding #14.16: what an upstream service says in its error body (internals, other callers' data) is
     * never passed through. A stand-in catalog on the client's port answers every read with this body.
     */
    static final String UPSTREAM_SECRET = "UPSTREAM-SECRET jdbc:postgresql://10.0.0.5/catalog";

    @Test
    void anUpstreamErrorBodyNeverReachesTheCaller() throws Exception {
        HttpServer fake = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        int[] status = {400};
        fake.createContext("/", exchange -> {
            byte[] body = ("{\"type\":\"https://expat.aifc.kz/problems/invalid-request\",\"status\":" + status[0]
                    + ",\"detail\":\"" + UPSTREAM_SECRET + "\"}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/problem+json");
            exchange.sendResponseHeaders(status[0], body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        fake.start();
        try (TcpForwarder forwarder = new TcpForwarder("catalog",
                URI.create("http://127.0.0.1:" + fake.getAddress().getPort()))) {
            forwarder.open();
            catalog.invalidateAll();
            for (int code : new int[]{400, 409, 500, 503}) {
                status[0] = code;
                Response r = FrozenInvoiceTest.workVisaQuote().extract().response();
                r.then().contentType("application/problem+json");
                assertTrue(r.statusCode() == 422 || r.statusCode() == 503, code + " → " + r.statusCode());
                assertFalse(r.asString().contains("UPSTREAM-SECRET"), code + " leaked: " + r.asString());
                assertFalse(r.asString().contains("10.0.0.5"), code + " leaked: " + r.asString());
            }
        } finally {
            fake.stop(0);
        }
    }

    @Test
    void catalogDownWithNothingCachedIsA503ProblemAndQuotesResumeWhenItIsBack() throws Exception {
        try (TcpForwarder forwarder = new TcpForwarder("catalog", URI.create(CATALOG_URL))) {
            catalog.invalidateAll();
            FrozenInvoiceTest.workVisaQuote().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("type", endsWith("/service-unavailable"))
                    .body("status", equalTo(503));

            forwarder.open();
            // the circuit breaker may stay open a few seconds after the failures
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                    FrozenInvoiceTest.workVisaQuote().statusCode(200)
                            .body("serviceCode", equalTo("work-visa-invitation")));
        }
    }
}
