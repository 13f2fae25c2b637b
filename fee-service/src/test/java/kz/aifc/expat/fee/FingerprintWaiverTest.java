package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
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
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Guide 2026: fingerprinting is free when the person's work/investor visa or temporary residence service fee has
 * been paid. Anonymous quotes never look it up (a public calculator must not reveal who paid what).
 */
@QuarkusTest
class FingerprintWaiverTest {

    @BeforeAll
    static void setUp() {
        Fixtures.bigDecimals();
    }

    static RequestSpecification fingerprintQuote(String token, Fixtures.Person p, boolean byPassport) {
        RequestSpecification r = token == null ? given() : given().auth().oauth2(token);
        r.queryParam("serviceCode", "fingerprint-registration").queryParam("asOf", "2026-03-02");
        if (byPassport) {
            r.queryParam("passportNumber", p.passportNumber().toLowerCase()).queryParam("citizenship", "deu");
        } else {
            r.queryParam("personId", p.personId());
        }
        return r;
    }

    @Test
    void freeOnceThePersonsVisaServiceFeeIsPaid() {
        Fixtures.Person person = Fixtures.Person.random();
        String visa = awaitInvoice(submit(ACME, "work-visa-invitation", person, null, List.of()));

        // not paid yet: the fee applies
        fingerprintQuote(Tokens.hrAcme(), person, false).get("/api/v1/quotes").then().statusCode(200)
                .body("total", comparesEqualTo(new BigDecimal("20000")))
                .body("lines[0].waived", equalTo(false));
        // paying only the state duty is not paying the service fee
        pay(Tokens.officer(), visa, ref(), "2162.50", "STATE_DUTY").statusCode(201);
        fingerprintQuote(Tokens.hrAcme(), person, false).get("/api/v1/quotes").then()
                .body("total", comparesEqualTo(new BigDecimal("20000")));

        pay(Tokens.officer(), visa, ref(), "730000", "SERVICE_FEE").statusCode(201);
        fingerprintQuote(Tokens.hrAcme(), person, false).get("/api/v1/quotes").then().statusCode(200)
                .body("total", comparesEqualTo(BigDecimal.ZERO))
                .body("lines[0].type", equalTo("SERVICE_FEE"))
                .body("lines[0].amount", comparesEqualTo(BigDecimal.ZERO))
                .body("lines[0].waived", equalTo(true))
                .body("lines[0].waiverReason", containsString("work-visa-invitation"));
        fingerprintQuote(Tokens.officer(), person, true).queryParam("companyBin", ACME).get("/api/v1/quotes").then()
                .body("total", comparesEqualTo(BigDecimal.ZERO));
        // staff without a company: no lookup (the waiver belongs to one company's payments), the note says so
        fingerprintQuote(Tokens.officer(), person, true).get("/api/v1/quotes").then().statusCode(200)
                .body("total", comparesEqualTo(new BigDecimal("20000")))
                .body("notes", hasItem(containsString("companyBin")));

        // anonymous: never looked up, the note says why
        fingerprintQuote(null, person, false).get("/api/v1/quotes").then().statusCode(200)
                .body("total", comparesEqualTo(new BigDecimal("20000")))
                .body("notes", hasItem(containsString("sign in")));
        // another company does not learn about Acme's payments
        fingerprintQuote(Tokens.hrGlobex(), person, false).get("/api/v1/quotes").then()
                .body("total", comparesEqualTo(new BigDecimal("20000")));

        // the fingerprint application of that person is invoiced at zero, with the reason, and needs no payment
        String fp = awaitInvoice(submit(ACME, "fingerprint-registration", person, null, List.of()));
        invoice(Tokens.hrAcme(), fp).statusCode(200)
                .body("total", comparesEqualTo(BigDecimal.ZERO))
                .body("status", equalTo("PAID"))
                .body("lines[0].waived", equalTo(true))
                .body("lines[0].waiverReason", containsString("paid"));
    }

    @Test
    void aPaidFeeOfAnotherKindOfServiceDoesNotWaive() {
        Fixtures.Person person = Fixtures.Person.random();
        String iin = awaitInvoice(submit(ACME, "iin", person, null, List.of()));
        pay(Tokens.officer(), iin, ref(), "20000", null).statusCode(201);
        String fp = awaitInvoice(submit(ACME, "fingerprint-registration", person, null, List.of()));
        invoice(Tokens.officer(), fp).body("total", comparesEqualTo(new BigDecimal("20000")))
                .body("status", equalTo("ISSUED"))
                .body("lines[0].waived", equalTo(false));
    }

    @Test
    void aRefundedVisaFeeDoesNotWaive() {
        Fixtures.Person person = Fixtures.Person.random();
        String app = submit(ACME, "trp-employment", person, "EMPLOYEE", List.of());
        String trp = awaitInvoice(app);
        pay(Tokens.officer(), trp, ref(), "240000", null).statusCode(201);
        fingerprintQuote(Tokens.officer(), person, false).queryParam("companyBin", ACME).get("/api/v1/quotes").then()
                .body("total", comparesEqualTo(BigDecimal.ZERO));
        Fixtures.withdraw(app, ACME);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).untilAsserted(() ->
                invoice(Tokens.officer(), trp).body("status", equalTo("REFUND_DUE")));
        fingerprintQuote(Tokens.officer(), person, false).queryParam("companyBin", ACME).get("/api/v1/quotes").then()
                .body("total", comparesEqualTo(new BigDecimal("20000")));
    }

    /**
     * Security finding #14.1: a second company entering the same passport number got the fee waived and the reason
     * named the first company's invoice. Only the same company's own paid invoices count, on invoices and quotes.
     */
    @Test
    void anotherCompanyEnteringTheSamePassportGetsNoWaiverAndLearnsNothing() {
        Fixtures.Person acmes = Fixtures.Person.random();
        String visa = awaitInvoice(submit(ACME, "work-visa-issuance", acmes, null, List.of()));
        pay(Tokens.officer(), visa, ref(), "730000", "SERVICE_FEE").statusCode(201);
        // Acme's own fingerprinting of that person is free: the payment is there and counts
        fingerprintQuote(Tokens.hrAcme(), acmes, true).get("/api/v1/quotes").then()
                .body("total", comparesEqualTo(BigDecimal.ZERO));

        // Globex files the same passport (its own person record)
        Fixtures.Person globexs = new Fixtures.Person("person-globex-" + acmes.personId(), acmes.passportNumber(),
                acmes.citizenship());
        String fp = awaitInvoice(submit(Fixtures.GLOBEX, "fingerprint-registration", globexs, null, List.of()));
        String invoiceJson = invoice(Tokens.hrGlobex(), fp).statusCode(200)
                .body("total", comparesEqualTo(new BigDecimal("20000")))
                .body("status", equalTo("ISSUED"))
                .body("lines[0].waived", equalTo(false))
                .extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(invoiceJson.contains(visa),
                "Globex's invoice names Acme's invoice: " + invoiceJson);
        org.junit.jupiter.api.Assertions.assertFalse(invoiceJson.contains("work-visa"),
                "Globex's invoice mentions Acme's visa: " + invoiceJson);

        // quotes: Globex by passport, and staff asking for Globex, see the fee; staff asking for Acme see the waiver
        String quote = fingerprintQuote(Tokens.hrGlobex(), globexs, true).get("/api/v1/quotes").then()
                .body("total", comparesEqualTo(new BigDecimal("20000"))).extract().asString();
        org.junit.jupiter.api.Assertions.assertFalse(quote.contains(visa), quote);
        fingerprintQuote(Tokens.officer(), acmes, true).queryParam("companyBin", Fixtures.GLOBEX)
                .get("/api/v1/quotes").then().body("total", comparesEqualTo(new BigDecimal("20000")));
        fingerprintQuote(Tokens.officer(), acmes, true).queryParam("companyBin", ACME)
                .get("/api/v1/quotes").then().body("total", comparesEqualTo(BigDecimal.ZERO));
        // a company user cannot widen the lookup by naming another company
        fingerprintQuote(Tokens.hrGlobex(), globexs, true).queryParam("companyBin", ACME)
                .get("/api/v1/quotes").then().body("total", comparesEqualTo(new BigDecimal("20000")));
        fingerprintQuote(Tokens.officer(), acmes, true).queryParam("companyBin", "12x")
                .get("/api/v1/quotes").then().statusCode(400).contentType("application/problem+json");
    }
}
