package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static kz.aifc.expat.fee.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** notification-service's service account (role notifier) reads single invoices of any company, nothing else. */
@QuarkusTest
class NotifierReadTest {

    static String notifier() {
        return Tokens.client("notification-service", "notification-service-secret");
    }

    @Test
    void notifierReadsOneInvoiceOfAnyCompanyButNeitherListsNorPays() {
        String app = submit(GLOBEX, "work-visa-issuance", Person.random(), null, List.of());
        String id = awaitInvoice(app);
        invoice(notifier(), id).statusCode(200).body("companyBin", is(GLOBEX)).body("lines.size()", greaterThan(0));
        invoice(notifier(), java.util.UUID.randomUUID().toString()).statusCode(404);
        given().auth().oauth2(notifier()).get("/api/v1/invoices").then().statusCode(403);
        pay(notifier(), id, ref(), "1", null).statusCode(403);
        given().auth().oauth2(notifier()).contentType("application/json").body("{\"reference\":\"x\"}")
                .post("/api/v1/invoices/" + id + "/refund").then().statusCode(403);
        // the company tenant rule is unchanged for everyone else
        invoice(Tokens.hrAcme(), id).statusCode(404);
    }
}
