package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import kz.aifc.expat.fee.client.CatalogClient;
import kz.aifc.expat.fee.service.TariffCatalog;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.fee.Fixtures.ACME;
import static kz.aifc.expat.fee.Fixtures.awaitInvoice;
import static kz.aifc.expat.fee.Fixtures.invoice;
import static kz.aifc.expat.fee.Fixtures.pay;
import static kz.aifc.expat.fee.Fixtures.ref;
import static kz.aifc.expat.fee.Fixtures.submit;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The MRP is set per year by the budget law; the catalog has 2024–2026 (4,325 for 2026, as the guide prints it) and
 * no 2027 yet. A 2027 tariff date is not silently priced with 2026: the state duty line is provisional, the quote
 * and invoice say so, and a provisional duty cannot be paid until the 2027 MRP is published.
 */
@QuarkusTest
class MrpProvisionalTest {

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

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void aQuoteForA2027DateFlagsTheStateDutyProvisional() {
        given().header("Accept-Language", "en").queryParam("serviceCode", "work-visa-invitation")
                .queryParam("asOf", "2027-02-01").get("/api/v1/quotes").then().statusCode(200)
                .body("provisional", equalTo(true))
                .body("mrp.year", equalTo(2026))
                .body("mrp.provisional", equalTo(true))
                .body("lines[0].type", equalTo("SERVICE_FEE"))
                .body("lines[0].provisional", equalTo(false))
                .body("lines[1].type", equalTo("STATE_DUTY"))
                .body("lines[1].provisional", equalTo(true))
                // 0.5 MRP × 4,325 (2026, the latest published) = 2,162.50, clearly marked
                .body("lines[1].amount", comparesEqualTo(bd("2162.50")))
                .body("lines[1].description", containsString("provisional"))
                .body("lines[1].description", containsString("2027"))
                .body("total", comparesEqualTo(bd("732162.50")))
                .body("notes[0]", containsString("MRP for 2027 is not published"));
        // the same service in 2026 is final
        given().queryParam("serviceCode", "work-visa-invitation").queryParam("asOf", "2026-12-01")
                .get("/api/v1/quotes").then().statusCode(200)
                .body("provisional", equalTo(false)).body("mrp.provisional", nullValue())
                .body("lines[1].provisional", equalTo(false))
                .body("lines[1].description", not(containsString("provisional")));
        // a service without a state duty does not depend on the MRP at all
        given().queryParam("serviceCode", "investor-visa-invitation").queryParam("asOf", "2027-02-01")
                .get("/api/v1/quotes").then().statusCode(200).body("provisional", equalTo(false))
                .body("total", comparesEqualTo(bd("730000")));
    }

    @Test
    void anInvoiceWhoseTariffDateFallsIn2027HasAProvisionalDutyThatCannotBePaid() {
        try (KafkaProbe probe = new KafkaProbe("expat.fee")) {
            // submitted on 15 January 2027, Asia/Almaty
            String app = submit(ACME, "work-visa-issuance", Fixtures.Person.random(), null, List.of(),
                    "2027-01-15T10:00:00+05:00");
            String id = awaitInvoice(app);
            invoice(Tokens.hrAcme(), id).statusCode(200)
                    .body("tariffDate", equalTo("2027-01-15"))
                    .body("status", equalTo("ISSUED"))
                    .body("provisional", equalTo(true))
                    .body("provisionalYear", equalTo(2027))
                    .body("mrp.year", equalTo(2026))
                    .body("lines[1].type", equalTo("STATE_DUTY"))
                    .body("lines[1].provisional", equalTo(true))
                    .body("lines[1].amount", comparesEqualTo(bd("129750")))  // 30 × 4,325, provisional
                    .body("notes", containsString("2027"));
            var issued = KafkaProbe.ofType("invoice.issued", app)
                    .and(r -> r.value().contains("\"invoiceId\":\"" + id + "\""));
            List<ConsumerRecord<String, String>> events = probe.exactly(issued, 1, Duration.ofSeconds(30));
            assertEquals(1, events.size());
            assertTrue(events.get(0).value().contains("\"provisional\":true"), events.get(0).value());

            // the provisional duty is not payable, by line or by an amount that would reach it
            pay(Tokens.officer(), id, ref(), "129750.00", "STATE_DUTY").statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/rule-violated/mrp-not-published"))
                    .body("year", equalTo(2027));
            pay(Tokens.officer(), id, ref(), "859750.00", null).statusCode(422)
                    .body("type", endsWith("/rule-violated/mrp-not-published"));
            // the service fee is final and can be paid; the invoice is then partly paid, never PAID
            pay(Tokens.officer(), id, ref(), "730000.00", null).statusCode(201)
                    .body("invoiceStatus", equalTo("PARTIALLY_PAID"));
            pay(Tokens.officer(), id, ref(), "1.00", null).statusCode(422)
                    .body("type", endsWith("/rule-violated/mrp-not-published"));
        }
    }

    @Test
    void theProvisionalDutyBecomesFinalOnceTheMrpOfItsYearIsPublished() {
        String app = submit(ACME, "work-visa-invitation", Fixtures.Person.random(), null, List.of(),
                "2027-01-15T10:00:00+05:00");
        String id = awaitInvoice(app);
        invoice(Tokens.officer(), id).body("lines[1].provisional", equalTo(true))
                .body("lines[1].amount", comparesEqualTo(bd("2162.50")));
        // the real catalog cannot publish a 2027 MRP for a test: a stand-in catalog that has it (5,000)
        QuarkusMock.installMockForType(CatalogStub.withMrp("5000"), CatalogClient.class, RestClient.LITERAL);
        catalog.invalidateAll();
        invoice(Tokens.officer(), id).statusCode(200)
                .body("provisional", equalTo(false))
                .body("mrp.year", equalTo(2027))
                .body("lines[1].provisional", equalTo(false))
                .body("lines[1].amount", comparesEqualTo(bd("2500")))  // 0.5 × 5,000
                .body("lines[1].description", not(containsString("provisional")))
                .body("total", comparesEqualTo(bd("732500")))
                .body("notes", not(containsString("not published")));
        pay(Tokens.officer(), id, ref(), "2500.00", "STATE_DUTY").statusCode(201);
        pay(Tokens.officer(), id, ref(), "730000.00", "SERVICE_FEE").statusCode(201)
                .body("invoiceStatus", equalTo("PAID"));
    }
}
