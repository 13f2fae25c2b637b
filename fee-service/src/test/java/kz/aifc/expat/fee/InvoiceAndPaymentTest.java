package kz.aifc.expat.fee;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.fee.Fixtures.ACME;
import static kz.aifc.expat.fee.Fixtures.GLOBEX;
import static kz.aifc.expat.fee.Fixtures.awaitInvoice;
import static kz.aifc.expat.fee.Fixtures.invoice;
import static kz.aifc.expat.fee.Fixtures.pay;
import static kz.aifc.expat.fee.Fixtures.ref;
import static kz.aifc.expat.fee.Fixtures.submit;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoices issued from application.submitted (real broker), payments, access rules, cancellation and refund. */
@QuarkusTest
class InvoiceAndPaymentTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void setUp() {
        Fixtures.bigDecimals();
    }

    static BigDecimal bd(String v) {
        return new BigDecimal(v);
    }

    @Test
    void submissionIssuesAnInvoiceWithTheGuideAmountsAndPublishesInvoiceIssued() {
        try (KafkaProbe probe = new KafkaProbe("expat.fee")) {
            String app = submit(ACME, "work-visa-issuance", Fixtures.Person.random(), null, List.of());
            String id = awaitInvoice(app);
            invoice(Tokens.hrAcme(), id).statusCode(200)
                    .body("applicationId", equalTo(app))
                    .body("companyBin", equalTo(ACME))
                    .body("status", equalTo("ISSUED"))
                    .body("tariffDate", equalTo("2026-03-02"))
                    .body("mrp.year", equalTo(2026))
                    .body("mrp.amount", comparesEqualTo(bd("4325")))
                    .body("lines", hasSize(2))
                    .body("lines[0].type", equalTo("SERVICE_FEE"))
                    .body("lines[0].amount", comparesEqualTo(bd("730000")))
                    .body("lines[1].type", equalTo("STATE_DUTY"))
                    .body("lines[1].amount", comparesEqualTo(bd("129750")))
                    .body("total", comparesEqualTo(bd("859750")))
                    .body("outstanding", comparesEqualTo(bd("859750")));
            // filtered by invoice id: a running fee-service (./expat test) also consumes this test's submission;
            // after the first one arrives, keep listening a little to catch a duplicate
            var ofThisInvoice = KafkaProbe.ofType("invoice.issued", app)
                    .and(r -> r.value().contains("\"invoiceId\":\"" + id + "\""));
            List<ConsumerRecord<String, String>> issued = probe.exactly(ofThisInvoice, 1, Duration.ofSeconds(30));
            assertEquals(1, issued.size());
            assertTrue(issued.get(0).value().contains("\"total\":859750.00"), issued.get(0).value());
            assertTrue(issued.get(0).value().contains("\"invoiceId\":\"" + id + "\""));
        }
    }

    @Test
    void optionsAndVariantFromTheApplicationArePriced() {
        String pm = submit(ACME, "short-business-visa-invitation", Fixtures.Person.random(), null,
                List.of("PERSONAL_MANAGER"));
        String expert = submit(ACME, "trp-employment", Fixtures.Person.random(), "EXPERT", List.of());
        invoice(Tokens.officer(), awaitInvoice(pm)).statusCode(200)
                .body("lines.type", equalTo(List.of("PERSONAL_MANAGER_FEE", "STATE_DUTY")))
                .body("total", comparesEqualTo(bd("272162.50")));
        invoice(Tokens.officer(), awaitInvoice(expert)).statusCode(200)
                .body("variant", equalTo("EXPERT"))
                .body("total", comparesEqualTo(bd("200000")));
    }

    @Test
    void aRedeliveredSubmissionDoesNotIssueASecondInvoice() {
        String app = submit(ACME, "iin", Fixtures.Person.random(), null, List.of());
        awaitInvoice(app);
        // application-service re-sending the same application (new event id) keeps the first invoice
        KafkaProbe.send("expat.application", UUID.randomUUID().toString(), "application.submitted", app,
                "{\"applicationId\":\"" + app + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":\"iin\","
                        + "\"options\":[\"PRIORITY\"]}");
        // a later event with the same key is consumed after the duplicate: once it shows, the duplicate was handled
        Fixtures.withdraw(app, ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.officer())
                .queryParam("applicationId", app).get("/api/v1/invoices").then().body("status[0]",
                        equalTo("CANCELLED")));
        List<String> ids = given().auth().oauth2(Tokens.officer()).queryParam("applicationId", app)
                .get("/api/v1/invoices").then().statusCode(200).body("total[0]", comparesEqualTo(bd("20000")))
                .extract().path("id");
        assertEquals(1, ids.size());
    }

    @Test
    void partialPaymentsByLineThenPaid() {
        try (KafkaProbe probe = new KafkaProbe("expat.fee")) {
            String app = submit(ACME, "long-business-visa-invitation", Fixtures.Person.random(), null,
                    List.of());
            String id = awaitInvoice(app); // 40,000 + 2,162.50
            String duty = ref();
            pay(Tokens.officer(), id, duty, "2162.50", "STATE_DUTY").statusCode(201)
                    .body("alreadyRecorded", equalTo(false))
                    .body("invoiceStatus", equalTo("PARTIALLY_PAID"))
                    .body("invoiceOutstanding", comparesEqualTo(bd("40000")));
            // the state duty line is covered, the service fee is not
            invoice(Tokens.hrAcme(), id).statusCode(200)
                    .body("lines[1].paid", comparesEqualTo(bd("2162.50")))
                    .body("lines[0].paid", comparesEqualTo(bd("0")));
            // more than the designated line's outstanding amount is refused
            pay(Tokens.officer(), id, ref(), "0.01", "STATE_DUTY").statusCode(422)
                    .body("type", endsWith("/rule-violated/overpayment"));
            pay(Tokens.officer(), id, ref(), "40000.01", null).statusCode(422);
            pay(Tokens.officer(), id, ref(), "15000", "SERVICE_FEE").statusCode(201)
                    .body("invoiceStatus", equalTo("PARTIALLY_PAID"));
            pay(Tokens.partnerAcme(), id, ref(), "25000", null).statusCode(201)
                    .body("invoiceStatus", equalTo("PAID"))
                    .body("payment.channel", equalTo("PARTNER"))
                    .body("invoiceOutstanding", comparesEqualTo(bd("0")));
            invoice(Tokens.hrAcme(), id).statusCode(200).body("status", equalTo("PAID"))
                    .body("payments", hasSize(3));
            pay(Tokens.officer(), id, ref(), "1", null).statusCode(422)
                    .body("type", endsWith("/rule-violated/invoice-already-paid"));
            assertEquals(3, probe.exactly(KafkaProbe.ofType("payment.received", app), 3, Duration.ofSeconds(30))
                    .size());
            List<ConsumerRecord<String, String>> paid = probe.exactly(KafkaProbe.ofType("invoice.paid", app), 1,
                    Duration.ofSeconds(30));
            assertEquals(1, paid.size());
            assertTrue(paid.get(0).value().contains(id));
        }
    }

    @Test
    void theSameReferenceIsOnePayment() {
        try (KafkaProbe probe = new KafkaProbe("expat.fee")) {
            String app = submit(ACME, "iin", Fixtures.Person.random(), null, List.of());
            String id = awaitInvoice(app);
            String reference = ref();
            String paymentId = pay(Tokens.officer(), id, reference, "5000", null).statusCode(201)
                    .extract().path("payment.id");
            pay(Tokens.officer(), id, reference, "5000", null).statusCode(200)
                    .body("alreadyRecorded", equalTo(true))
                    .body("payment.id", equalTo(paymentId))
                    .body("invoiceOutstanding", comparesEqualTo(bd("15000")));
            // the same reference with another amount, or on another invoice, is a conflict
            pay(Tokens.officer(), id, reference, "6000", null).statusCode(409)
                    .body("type", endsWith("/payment-reference-used"));
            String other = awaitInvoice(submit(ACME, "iin", Fixtures.Person.random(), null, List.of()));
            pay(Tokens.officer(), other, reference, "5000", null).statusCode(409)
                    .contentType("application/problem+json");
            invoice(Tokens.officer(), id).body("payments", hasSize(1)).body("paid", comparesEqualTo(bd("5000")));
            invoice(Tokens.officer(), other).body("payments", hasSize(0));
            assertEquals(1, probe.exactly(KafkaProbe.ofType("payment.received", app), 1, Duration.ofSeconds(30))
                    .size());
        }
    }

    /**
     * #14.12: a reference is one payment of one company in any letter case; another company's payment with the same
     * text is its own (not refused, so no company can probe or squat another's references).
     */
    @Test
    void aReferenceIsOnePaymentOfOneCompanyInAnyLetterCase() {
        String acme = awaitInvoice(submit(ACME, "iin", Fixtures.Person.random(), null, List.of()));
        String reference = "r11-" + UUID.randomUUID();
        String paymentId = pay(Tokens.officer(), acme, reference, "5000", null).statusCode(201)
                .extract().path("payment.id");
        pay(Tokens.officer(), acme, reference.toUpperCase(), "5000", null).statusCode(200)
                .body("alreadyRecorded", equalTo(true)).body("payment.id", equalTo(paymentId));
        String acmeOther = awaitInvoice(submit(ACME, "iin", Fixtures.Person.random(), null, List.of()));
        pay(Tokens.partnerAcme(), acmeOther, reference.toUpperCase(), "5000", null).statusCode(409)
                .body("type", endsWith("/payment-reference-used"));

        String globex = awaitInvoice(submit(GLOBEX, "iin", Fixtures.Person.random(), null, List.of()));
        String answer = pay(Tokens.partnerGlobex(), globex, reference, "5000", null).statusCode(201)
                .body("alreadyRecorded", equalTo(false)).body("payment.reference", equalTo(reference))
                .extract().asString();
        assertTrue(!answer.contains(acme) && !answer.contains(paymentId), answer);
        invoice(Tokens.officer(), acme).body("payments", hasSize(1));
        invoice(Tokens.officer(), acmeOther).body("payments", hasSize(0));
        invoice(Tokens.officer(), globex).body("payments", hasSize(1));
    }

    @Test
    void idempotencyKeyReplaysTheFirstAnswer() {
        String id = awaitInvoice(submit(ACME, "iin", Fixtures.Person.random(), null, List.of()));
        String key = UUID.randomUUID().toString();
        String body = "{\"reference\":\"" + ref() + "\",\"amount\":1000}";
        String first = given().auth().oauth2(Tokens.partnerAcme()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/invoices/" + id + "/payments")
                .then().statusCode(201).extract().path("payment.id");
        given().auth().oauth2(Tokens.partnerAcme()).header("Idempotency-Key", key)
                .contentType("application/json").body(body).post("/api/v1/invoices/" + id + "/payments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("payment.id", equalTo(first));
        given().auth().oauth2(Tokens.partnerAcme()).header("Idempotency-Key", key)
                .contentType("application/json").body("{\"reference\":\"" + ref() + "\",\"amount\":1000}")
                .post("/api/v1/invoices/" + id + "/payments").then().statusCode(422);
        invoice(Tokens.officer(), id).body("payments", hasSize(1));
    }

    @Test
    void anotherCompanysInvoiceIsNotFound() {
        String id = awaitInvoice(submit(ACME, "iin", Fixtures.Person.random(), null, List.of()));
        String app = invoice(Tokens.officer(), id).extract().path("applicationId");
        invoice(Tokens.hrGlobex(), id).statusCode(404).contentType("application/problem+json");
        invoice(Tokens.partnerGlobex(), id).statusCode(404);
        pay(Tokens.partnerGlobex(), id, ref(), "1000", null).statusCode(404);
        given().auth().oauth2(Tokens.hrGlobex()).queryParam("applicationId", app).get("/api/v1/invoices").then()
                .statusCode(200).body("size()", equalTo(0));
        given().auth().oauth2(Tokens.hrAcme()).queryParam("applicationId", app).get("/api/v1/invoices").then()
                .statusCode(200).body("size()", equalTo(1));
        // the company list only ever holds the caller's company
        given().auth().oauth2(Tokens.hrGlobex()).get("/api/v1/invoices").then().statusCode(200)
                .body("companyBin.findAll { it != '" + GLOBEX + "' }.size()", equalTo(0));
        invoice(Tokens.officer(), id).statusCode(200);
        invoice(Tokens.officer(), UUID.randomUUID().toString()).statusCode(404);
        invoice(Tokens.officer(), "not-a-uuid").statusCode(404).contentType("application/problem+json");
    }

    @Test
    void rolesAreEnforced() {
        String id = awaitInvoice(submit(ACME, "iin", Fixtures.Person.random(), null, List.of()));
        // a company HR user cannot confirm its own payment; only officers and partner systems can
        pay(Tokens.hrAcme(), id, ref(), "1000", null).statusCode(403).contentType("application/problem+json");
        pay(Tokens.applicant(), id, ref(), "1000", null).statusCode(403);
        invoice(Tokens.applicant(), id).statusCode(403);
        given().get("/api/v1/invoices/" + id).then().statusCode(401).contentType("application/problem+json");
        given().contentType("application/json").body("{\"reference\":\"x\",\"amount\":1}")
                .post("/api/v1/invoices/" + id + "/payments").then().statusCode(401);
        given().auth().oauth2(Tokens.hrAcme()).contentType("application/json").body("{\"reference\":\"x\"}")
                .post("/api/v1/invoices/" + id + "/refund").then().statusCode(403);
        given().auth().oauth2(Tokens.partnerAcme()).contentType("application/json").body("{\"reference\":\"x\"}")
                .post("/api/v1/invoices/" + id + "/refund").then().statusCode(403);
        invoice(Tokens.officer(), id).body("payments", hasSize(0));
    }

    @Test
    void badPaymentInputIsA400() {
        String id = awaitInvoice(submit(ACME, "iin", Fixtures.Person.random(), null, List.of()));
        pay(Tokens.officer(), id, ref(), "-5", null).statusCode(400).contentType("application/problem+json");
        pay(Tokens.officer(), id, ref(), "0", null).statusCode(400);
        pay(Tokens.officer(), id, ref(), "10.005", null).statusCode(400);
        pay(Tokens.officer(), id, "", "10", null).statusCode(400);
        pay(Tokens.officer(), id, ref(), "10", "TIP").statusCode(400);
        pay(Tokens.officer(), id, ref(), "10", "PRIORITY_FEE").statusCode(422)
                .body("type", endsWith("/rule-violated/line-not-on-invoice"));
        given().auth().oauth2(Tokens.officer()).contentType("application/json").body("{not json")
                .post("/api/v1/invoices/" + id + "/payments").then().statusCode(400);
        given().auth().oauth2(Tokens.officer()).queryParam("status", "LOST").get("/api/v1/invoices").then()
                .statusCode(400);
        invoice(Tokens.officer(), id).body("payments", hasSize(0));
    }

    @Test
    void withdrawalAfterPaymentIsARefundDueThenRefundedByAnOfficer() {
        String app = submit(ACME, "digital-signature", Fixtures.Person.random(), null, List.of("PRIORITY"));
        String id = awaitInvoice(app); // 20,000 + 20,000
        pay(Tokens.officer(), id, ref(), "25000", null).statusCode(201);
        Fixtures.withdraw(app, ACME);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> invoice(Tokens.officer(), id)
                .body("status", equalTo("REFUND_DUE")));
        invoice(Tokens.hrAcme(), id).body("cancellation.refundAmount", comparesEqualTo(bd("25000")))
                .body("cancellation.reason", containsString("withdrawn"));
        // further payments are refused only once refunded; refund needs the REFUND_DUE state
        given().auth().oauth2(Tokens.officer()).contentType("application/json").body("{\"reference\":\"RF-1\"}")
                .post("/api/v1/invoices/" + id + "/refund").then().statusCode(200)
                .body("status", equalTo("REFUNDED"))
                .body("cancellation.refundReference", equalTo("RF-1"))
                .body("cancellation.refundedBy", equalTo("officer1"));
        given().auth().oauth2(Tokens.officer()).contentType("application/json").body("{\"reference\":\"RF-2\"}")
                .post("/api/v1/invoices/" + id + "/refund").then().statusCode(409);
        pay(Tokens.officer(), id, ref(), "100", null).statusCode(422)
                .body("type", endsWith("/rule-violated/invoice-closed"));
    }

    @Test
    void cancellationBeforeAnyPaymentCancelsTheInvoice() {
        String app = submit(ACME, "arrival-notification", Fixtures.Person.random(), null, List.of());
        String id = awaitInvoice(app);
        Fixtures.statusChanged(app, ACME, "UNDER_REVIEW", "CANCELLED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> invoice(Tokens.officer(), id)
                .body("status", equalTo("CANCELLED")));
        given().auth().oauth2(Tokens.officer()).contentType("application/json").body("{\"reference\":\"RF-3\"}")
                .post("/api/v1/invoices/" + id + "/refund").then().statusCode(409);
        // other transitions leave the invoice alone: once the consumer has taken the event (its inbox row is
        // written in the same transaction as any effect), the invoice is still ISSUED
        String other = submit(ACME, "arrival-notification", Fixtures.Person.random(), null, List.of());
        String otherId = awaitInvoice(other);
        String underReview = Fixtures.statusChanged(other, ACME, "SUBMITTED", "UNDER_REVIEW");
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM inbox_event WHERE event_id = ?1")
                        .setParameter(1, underReview).getSingleResult()).intValue() == 1));
        invoice(Tokens.officer(), otherId).body("status", equalTo("ISSUED"));
        Fixtures.statusChanged(other, ACME, "UNDER_REVIEW", "WITHDRAWN");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> invoice(Tokens.officer(), otherId)
                .body("status", equalTo("CANCELLED")));
    }
}
