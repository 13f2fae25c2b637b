package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import kz.aifc.expat.fee.client.CatalogClient;
import kz.aifc.expat.fee.service.TariffCatalog;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.fee.Fixtures.ACME;
import static kz.aifc.expat.fee.Fixtures.awaitInvoice;
import static kz.aifc.expat.fee.Fixtures.invoice;
import static kz.aifc.expat.fee.Fixtures.submit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;

/**
 * The test that needs the catalog to change (a republished MRP): catalog-service is replaced by {@link CatalogStub}
 * for the test method only, and the in-memory tariff cache is dropped afterwards. A catalog outage is tested for real
 * in {@link CatalogOutageTest}.
 */
@QuarkusTest
class FrozenInvoiceTest {

    @Inject
    TariffCatalog catalog;

    @BeforeAll
    static void setUp() {
        Fixtures.bigDecimals();
    }

    @AfterEach
    void forgetStubbedTariffs() {
        catalog.invalidateAll();
    }

    static io.restassured.response.ValidatableResponse workVisaQuote() {
        return given().queryParam("serviceCode", "work-visa-invitation").queryParam("asOf", "2026-03-02")
                .get("/api/v1/quotes").then();
    }

    @Test
    void anInvoiceStaysFrozenWhenANewMrpIsPublished() {
        String app = submit(ACME, "work-visa-invitation", Fixtures.Person.random(), null, List.of());
        String id = awaitInvoice(app);
        invoice(Tokens.officer(), id).body("total", comparesEqualTo(new BigDecimal("732162.50")));

        // the catalog publishes a new version with MRP 5,000: catalog.published drops the cache, quotes follow...
        QuarkusMock.installMockForType(CatalogStub.withMrp("5000"), CatalogClient.class, RestClient.LITERAL);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            KafkaProbe.send("expat.catalog", UUID.randomUUID().toString(), "catalog.published", "99",
                    "{\"version\":99,\"effectiveFrom\":\"2026-01-01\",\"publishedAt\":\"2026-03-03T10:00:00Z\"}");
            workVisaQuote().statusCode(200).body("mrp.amount", comparesEqualTo(new BigDecimal("5000")))
                    .body("lines[1].amount", comparesEqualTo(new BigDecimal("2500")))
                    .body("total", comparesEqualTo(new BigDecimal("732500")));
        });
        // ...but the invoice keeps the tariffs and MRP in force at submission
        invoice(Tokens.officer(), id).statusCode(200)
                .body("mrp.amount", comparesEqualTo(new BigDecimal("4325")))
                .body("lines[1].amount", comparesEqualTo(new BigDecimal("2162.50")))
                .body("total", comparesEqualTo(new BigDecimal("732162.50")))
                .body("outstanding", comparesEqualTo(new BigDecimal("732162.50")));
        // and a payment against it is checked against the frozen amounts
        Fixtures.pay(Tokens.officer(), id, Fixtures.ref(), "2162.50", "STATE_DUTY").statusCode(201);
    }
}
