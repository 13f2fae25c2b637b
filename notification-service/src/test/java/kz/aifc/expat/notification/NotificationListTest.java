package kz.aifc.expat.notification;

import kz.aifc.expat.testing.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.notification.Fixtures.*;
import static org.hamcrest.Matchers.*;

/** GET /api/v1/notifications: who may see what was sent, tenant isolation, paging, bad input; the digest trigger. */
@QuarkusTest
class NotificationListTest {

    @BeforeAll
    static void companies() {
        ensureCompanies();
    }

    static String rejected(String app, String bin) {
        return rejectedEvent(app, bin, "no", "OTHER");
    }

    @Test
    void aCompanySeesOnlyItsOwnNotificationsAndStaffSeeAllPaged() {
        String acmeAddress = Mailbox.fresh("acme-list");
        contacts(ACME, acmeAddress, "en");
        String globexAddress = Mailbox.fresh("globex-list");
        contacts(GLOBEX, globexAddress, "ru");
        String acmeApp = UUID.randomUUID().toString();
        String globexApp = UUID.randomUUID().toString();
        inject("expat.application", "application.rejected", acmeApp, rejected(acmeApp, ACME));
        inject("expat.application", "application.rejected", globexApp, rejected(globexApp, GLOBEX));
        Mailbox.one(acmeAddress);
        Mailbox.one(globexAddress);

        eventually().untilAsserted(() -> api(Tokens.hrAcme()).queryParam("applicationId", acmeApp)
                .get("/api/v1/notifications").then().statusCode(200).body("total", is(1))
                .body("items[0].recipient", is(acmeAddress)).body("items[0].language", is("en"))
                .body("items[0].status", is("SENT")).body("items[0].subject", containsString("rejected"))
                .body("items[0].companyBin", is(ACME)).body("page", is(0)).body("size", is(20)));
        // another company's application: an empty page, not its messages (and not an error that confirms it exists)
        api(Tokens.hrGlobex()).queryParam("applicationId", acmeApp).get("/api/v1/notifications").then()
                .statusCode(200).body("total", is(0)).body("items", empty());
        api(Tokens.partnerGlobex()).queryParam("applicationId", acmeApp).get("/api/v1/notifications").then()
                .statusCode(200).body("total", is(0));
        // a company caller cannot widen the view with companyBin
        api(Tokens.hrGlobex()).queryParam("companyBin", ACME).get("/api/v1/notifications").then().statusCode(200)
                .body("items.companyBin", everyItem(is(GLOBEX)));
        api(Tokens.partnerAcme()).get("/api/v1/notifications").then().statusCode(200)
                .body("items.companyBin", everyItem(is(ACME))).body("items.recipient", hasItem(acmeAddress))
                .body("items.recipient", not(hasItem(globexAddress)));
        // staff see every company, optionally one
        api(Tokens.officer()).queryParam("applicationId", globexApp).get("/api/v1/notifications").then()
                .statusCode(200).body("total", is(1)).body("items[0].recipient", is(globexAddress));
        api(Tokens.admin()).queryParam("companyBin", GLOBEX).queryParam("size", 1).get("/api/v1/notifications")
                .then().statusCode(200).body("items.size()", is(1)).body("size", is(1))
                .body("total", greaterThanOrEqualTo(1)).body("items[0].companyBin", is(GLOBEX));
        api(Tokens.admin()).queryParam("status", "SENT").queryParam("page", 1000).get("/api/v1/notifications")
                .then().statusCode(200).body("items", empty()).body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void rolesOutsideTheRuleAreDenied() {
        api(Tokens.applicant()).get("/api/v1/notifications").then().statusCode(403)
                .contentType("application/problem+json");
        api(notifier()).get("/api/v1/notifications").then().statusCode(403);
        api(null).get("/api/v1/notifications").then().statusCode(401);
    }

    @Test
    void badQueryParametersAre400ProblemJson() {
        for (Map<String, Object> q : java.util.List.<Map<String, Object>>of(Map.of("size", 0), Map.of("size", 500),
                Map.of("page", -1), Map.of("status", "BOUNCED"), Map.of("companyBin", "acme"),
                Map.of("applicationId", "../../etc"))) {
            api(Tokens.officer()).queryParams(q).get("/api/v1/notifications").then().statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void theWeeklyVisaExpiryDigestListsEmployeesEnteringTheExtensionWindowOncePerWeek() {
        String kk = Mailbox.fresh("digest-kk");
        String ru = Mailbox.fresh("digest-ru");
        contacts(ACME, kk, "kk", ru, "ru");
        String last = "Radar" + UUID.randomUUID().toString().replaceAll("[^a-f]", "").toUpperCase();
        LocalDate validUntil = LocalDate.now(ALMATY).plusDays(40);
        Map<String, Object> p = new HashMap<>();
        p.put("firstName", "Erlan");
        p.put("lastName", last);
        p.put("dateOfBirth", "1980-01-01");
        p.put("citizenship", "DEU");
        p.put("passportNumber", "D" + System.nanoTime() % 100_000_000);
        p.put("passportExpiresOn", LocalDate.now(ALMATY).plusYears(5).toString());
        p.put("currentVisa", Map.of("type", "VISA", "category", "C3", "number", "V7654321", "validUntil",
                validUntil.toString(), "hostBin", ACME));
        as(Tokens.hrAcme(), APPLICATION).body(p).post("/api/v1/persons").then().statusCode(201);

        api(Tokens.hrAcme()).post("/api/v1/admin/visa-expiry-digests?companyBin=" + ACME).then().statusCode(403);
        api(Tokens.officer()).post("/api/v1/admin/visa-expiry-digests?companyBin=" + ACME).then().statusCode(403);
        api(Tokens.admin()).post("/api/v1/admin/visa-expiry-digests?companyBin=x").then().statusCode(400);
        api(Tokens.admin()).post("/api/v1/admin/visa-expiry-digests?companyBin=" + ACME).then().statusCode(202)
                .body("queued", is(1));
        Mailbox.Received mail = Mailbox.one(kk);
        org.junit.jupiter.api.Assertions.assertTrue(mail.subject().startsWith(
                "Апталық шолу: визасын ұзарту мерзімі басталатын қызметкерлер саны: "), mail.subject());
        String name = "ERLAN " + last.toUpperCase();
        String until = kz.aifc.expat.notification.service.Formats.date(validUntil.toString());
        org.junit.jupiter.api.Assertions.assertTrue(mail.text().contains("- " + name + ", VISA C3 V7654321, " + until
                + " дейін жарамды: "), mail.text());
        Mailbox.Received russian = Mailbox.one(ru);
        org.junit.jupiter.api.Assertions.assertTrue(russian.text().contains("- " + name + ", VISA C3 V7654321, "
                + "действует до " + until + ": подать с "), russian.text());
        // the same week again: nothing new
        api(Tokens.admin()).post("/api/v1/admin/visa-expiry-digests?companyBin=" + ACME).then().statusCode(202)
                .body("queued", is(0));
    }
}
