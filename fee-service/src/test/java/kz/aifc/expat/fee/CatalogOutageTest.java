package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.fee.service.TariffCatalog;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

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
