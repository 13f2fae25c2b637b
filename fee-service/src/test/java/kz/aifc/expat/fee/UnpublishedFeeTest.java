package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.fee.Fixtures.ACME;
import static kz.aifc.expat.fee.Fixtures.awaitInvoice;
import static kz.aifc.expat.fee.Fixtures.invoice;
import static kz.aifc.expat.fee.Fixtures.submit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unknown is not free. The guide publishes no fee for the four visa extensions, yet their document lists (those of
 * the in-country issuance: "the list of documents stays the same") still ask for the original payment document of
 * the state duty — except the investor visa's list, which asks for none. Quotes and invoices say the fee is not
 * published and name that receipt; nothing is 0.00, no invoice is PAID or payable.
 */
@QuarkusTest
class UnpublishedFeeTest {

    static final String DUTY_RECEIPT = "Original payment document confirming payment of the state duty";

    @BeforeAll
    static void setUp() {
        Fixtures.bigDecimals();
    }

    static Response quote(String code) {
        return given().header("Accept-Language", "en").queryParam("serviceCode", code)
                .queryParam("asOf", "2026-03-02").get("/api/v1/quotes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"work-visa-extension", "short-business-visa-extension", "long-business-visa-extension"})
    void aQuoteOfAnExtensionSaysTheFeeIsNotPublishedAndNamesTheStateDutyReceipt(String code) {
        Response r = quote(code);
        r.then().statusCode(200)
                .body("feesPublished", equalTo(false))
                .body("total", nullValue())
                .body("lines", hasSize(2))
                .body("lines[0].type", equalTo("SERVICE_FEE"))
                .body("lines[0].amount", nullValue())
                .body("lines[0].published", equalTo(false))
                .body("lines[1].type", equalTo("STATE_DUTY"))
                .body("lines[1].amount", nullValue())
                .body("lines[1].published", equalTo(false))
                .body("lines[1].paymentDocument.documentCode", equalTo("state-duty-payment"))
                .body("lines[1].paymentDocument.title", equalTo(DUTY_RECEIPT))
                .body("notes[0]", containsString("not known"))
                .body("notes", hasItem(containsString(DUTY_RECEIPT)))
                // the guide states no processing time either: no invented completion date
                .body("expectedCompletion", nullValue());
        // "total": null is written out, not left for a client to read as 0
        assertTrue(r.asString().contains("\"total\":null"), r.asString());
        assertTrue(!r.asString().contains("0.00"), r.asString());
    }

    @Test
    void theInvestorVisaExtensionHasNoReceiptToName() {
        quote("investor-visa-extension").then().statusCode(200)
                .body("feesPublished", equalTo(false)).body("total", nullValue())
                .body("lines", hasSize(1)).body("lines[0].type", equalTo("SERVICE_FEE"))
                .body("lines[0].amount", nullValue()).body("lines[0].paymentDocument", nullValue());
    }

    @Test
    void anOptionIsStillRefusedByName() {
        quote("long-business-visa-extension").then().statusCode(200);
        given().queryParam("serviceCode", "long-business-visa-extension").queryParam("option", "PERSONAL_MANAGER")
                .get("/api/v1/quotes").then().statusCode(422)
                .body("type", endsWith("/rule-violated/option-not-offered"));
    }

    @Test
    void anExtensionsInvoiceIsNeitherPaidNorPayable() throws Exception {
        try (KafkaProbe probe = new KafkaProbe("expat.fee")) {
            String app = submit(ACME, "work-visa-extension", Fixtures.Person.random(), null, List.of());
            String id = awaitInvoice(app);
            given().auth().oauth2(Tokens.hrAcme()).header("Accept-Language", "en").get("/api/v1/invoices/" + id)
                    .then().statusCode(200)
                    .body("status", equalTo("FEE_NOT_PUBLISHED"))
                    .body("feesPublished", equalTo(false))
                    .body("total", nullValue())
                    .body("outstanding", nullValue())
                    .body("paidAt", nullValue())
                    .body("lines", hasSize(2))
                    .body("lines[0].amount", nullValue())
                    .body("lines[0].published", equalTo(false))
                    .body("lines[1].type", equalTo("STATE_DUTY"))
                    .body("lines[1].amount", nullValue())
                    .body("lines[1].paymentDocument.documentCode", equalTo("state-duty-payment"))
                    .body("lines[1].paymentDocument.title", equalTo(DUTY_RECEIPT))
                    .body("notes", containsString("not known"));

            var ofThisInvoice = KafkaProbe.ofType("invoice.issued", app)
                    .and(rec -> rec.value().contains("\"invoiceId\":\"" + id + "\""));
            List<ConsumerRecord<String, String>> issued = probe.exactly(ofThisInvoice, 1, Duration.ofSeconds(30));
            assertEquals(1, issued.size());
            assertTrue(issued.get(0).value().contains("\"total\":null"), issued.get(0).value());
            assertTrue(issued.get(0).value().contains("\"feesPublished\":false"), issued.get(0).value());
            // never "paid": nothing was paid
            assertEquals(0, probe.collect(KafkaProbe.ofType("invoice.paid", app), KafkaProbe.QUIET).size());

            // and not payable: no amount to record a payment against
            Fixtures.pay(Tokens.officer(), id, Fixtures.ref(), "1000.00", null).statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/rule-violated/fee-not-published"))
                    .body("serviceCode", equalTo("work-visa-extension"));
            Fixtures.pay(Tokens.officer(), id, Fixtures.ref(), "1000.00", "STATE_DUTY").statusCode(422)
                    .body("type", endsWith("/rule-violated/fee-not-published"));
            given().auth().oauth2(Tokens.officer()).queryParam("status", "FEE_NOT_PUBLISHED")
                    .queryParam("applicationId", app).get("/api/v1/invoices").then().statusCode(200)
                    .body("id", hasItem(id));

            // a withdrawal cancels it (nothing was paid, nothing is owed back)
            Fixtures.withdraw(app, ACME);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> invoice(Tokens.officer(), id)
                    .body("status", equalTo("CANCELLED")));
        }
    }
}
