package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;

/**
 * The company's notification contacts and the person's e-mail/consent, which notification-service reads with its own
 * service account (role notifier): who may read and replace them, tenant isolation, validation.
 */
@QuarkusTest
class NotificationContactsTest {

    static String notifier() {
        return Tokens.client("notification-service", "notification-service-secret");
    }

    static Map<String, Object> contacts(Object... emailLanguagePairs) {
        List<Map<String, Object>> list = new java.util.ArrayList<>();
        for (int i = 0; i < emailLanguagePairs.length; i += 2) {
            list.add(Map.of("email", emailLanguagePairs[i], "language", emailLanguagePairs[i + 1]));
        }
        return Map.of("contacts", list);
    }

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    @Test
    void companyHrReplacesAndReadsItsContactsAndNotificationServiceReadsThem() {
        as(Tokens.hrAcme()).body(contacts("hr@acme.example", "ru", "Director@Acme.example", "kk"))
                .put("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(200)
                .body("companyBin", is(ACME)).body("contacts.email", contains("hr@acme.example", "Director@Acme.example"))
                .body("contacts.language", contains("ru", "kk")).body("updatedBy", is("hr.acme"));
        // the list is replaced as a whole, in the given order
        as(Tokens.partnerAcme()).body(contacts("it@acme.example", "en", "hr@acme.example", "ru"))
                .put("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(200);
        as(Tokens.hrAcme()).get("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(200)
                .body("contacts.email", contains("it@acme.example", "hr@acme.example"))
                .body("contacts.language", contains("en", "ru"));
        as(notifier()).get("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(200)
                .body("contacts.email", contains("it@acme.example", "hr@acme.example"));
        as(Tokens.hrAcme()).body(contacts()).put("/api/v1/companies/" + ACME + "/notification-contacts").then()
                .statusCode(200).body("contacts", empty());
    }

    @Test
    void adminManagesAnyCompanysContacts() {
        as(Tokens.admin()).body(contacts("office@globex.example", "en"))
                .put("/api/v1/companies/" + GLOBEX + "/notification-contacts").then().statusCode(200);
        as(Tokens.admin()).get("/api/v1/companies/" + GLOBEX + "/notification-contacts").then().statusCode(200)
                .body("contacts.email", contains("office@globex.example"));
        as(Tokens.hrGlobex()).get("/api/v1/companies/" + GLOBEX + "/notification-contacts").then().statusCode(200)
                .body("contacts.email", contains("office@globex.example"));
    }

    @Test
    void anotherCompanysContactsAre404ForReadAndReplace() {
        as(Tokens.hrGlobex()).get("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.partnerGlobex()).body(contacts("x@globex.example", "en"))
                .put("/api/v1/companies/" + ACME + "/notification-contacts").then().statusCode(404)
                .contentType("application/problem+json");
        as(Tokens.admin()).get("/api/v1/companies/" + validBin() + "/notification-contacts").then().statusCode(404);
    }

    @Test
    void rolesOutsideTheRuleAreDenied() {
        String path = "/api/v1/companies/" + ACME + "/notification-contacts";
        as(Tokens.applicant()).get(path).then().statusCode(403);
        as(Tokens.officer()).get(path).then().statusCode(403);
        as(Tokens.applicant()).body(contacts("a@b.example", "en")).put(path).then().statusCode(403);
        as(Tokens.officer()).body(contacts("a@b.example", "en")).put(path).then().statusCode(403);
        // notification-service only reads
        as(notifier()).body(contacts("a@b.example", "en")).put(path).then().statusCode(403);
        io.restassured.RestAssured.given().get(path).then().statusCode(401);
    }

    @Test
    void badContactsAre400ProblemJson() {
        String path = "/api/v1/companies/" + ACME + "/notification-contacts";
        as(Tokens.hrAcme()).body(contacts("not-an-address", "en")).put(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(containsString("email")));
        as(Tokens.hrAcme()).body(contacts("Name <a@b.example>", "en")).put(path).then().statusCode(400);
        as(Tokens.hrAcme()).body(contacts("a@b.example", "de")).put(path).then().statusCode(400)
                .body("errors.field", hasItem(containsString("language")));
        as(Tokens.hrAcme()).body(contacts("a@b.example", "en", "A@B.example", "ru")).put(path).then().statusCode(400)
                .body("errors.field", hasItem("contacts[1].email"));
        as(Tokens.hrAcme()).body(Map.of()).put(path).then().statusCode(400);
        Object[] many = new Object[42];
        for (int i = 0; i < 21; i++) {
            many[2 * i] = "c" + i + "@acme.example";
            many[2 * i + 1] = "en";
        }
        as(Tokens.hrAcme()).body(contacts(many)).put(path).then().statusCode(400);
    }

    @Test
    void personEmailAndConsentAreStoredShownAndReadableByNotificationService() {
        Map<String, Object> body = person("GBR", TODAY.plusYears(8));
        body.put("email", "john.smith@mail.example");
        body.put("preferredLanguage", "kk");
        body.put("contactConsent", true);
        String id = createPerson(Tokens.hrAcme(), body);
        as(Tokens.hrAcme()).get("/api/v1/persons/" + id).then().statusCode(200)
                .body("email", is("john.smith@mail.example")).body("preferredLanguage", is("kk"))
                .body("contactConsent", is(true)).body("contactConsentAt", notNullValue());
        as(notifier()).get("/api/v1/persons/" + id).then().statusCode(200).body("email", is("john.smith@mail.example"))
                .body("contactConsent", is(true));

        // withdrawing consent keeps the address but clears the consent time
        body.put("contactConsent", false);
        as(Tokens.hrAcme()).header("If-Match", "*").body(body).put("/api/v1/persons/" + id).then().statusCode(200)
                .body("contactConsent", is(false)).body("contactConsentAt", nullValue())
                .body("email", is("john.smith@mail.example"));
        // absent consent counts as none
        body.remove("contactConsent");
        as(Tokens.hrAcme()).header("If-Match", "*").body(body).put("/api/v1/persons/" + id).then().statusCode(200)
                .body("contactConsent", is(false));
    }

    @Test
    void badPersonEmailOrLanguageIs400AndConsentNeedsAnAddress() {
        Map<String, Object> body = person("GBR", TODAY.plusYears(8));
        body.put("email", "john@");
        as(Tokens.hrAcme()).body(body).post("/api/v1/persons").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem(containsString("email")));
        body.put("email", "john@mail.example");
        body.put("preferredLanguage", "fr");
        as(Tokens.hrAcme()).body(body).post("/api/v1/persons").then().statusCode(400)
                .body("errors.field", hasItem(containsString("preferredLanguage")));
        body.remove("preferredLanguage");
        body.remove("email");
        body.put("contactConsent", true);
        as(Tokens.hrAcme()).body(body).post("/api/v1/persons").then().statusCode(400)
                .body("errors.field", hasItem("email"));
    }

    @Test
    void notificationServiceReadsApplicationsPersonsAndTheRadarOfAnyCompanyButWritesNothing() {
        String person = defaultPerson(Tokens.hrGlobex());
        String app = createApp(Tokens.hrGlobex(), workVisa(person));
        as(notifier()).get("/api/v1/applications/" + app).then().statusCode(200).body("personId", is(person))
                .body("companyBin", is(GLOBEX));
        as(notifier()).get("/api/v1/persons/" + person).then().statusCode(200);
        as(notifier()).get("/api/v1/companies/" + GLOBEX).then().statusCode(403);
        as(notifier()).queryParam("companyBin", GLOBEX).get("/api/v1/radar/visa-expiry").then().statusCode(200);
        as(notifier()).get("/api/v1/radar/visa-expiry").then().statusCode(400);
        // writes and lists stay closed to it
        as(notifier()).get("/api/v1/applications").then().statusCode(403);
        as(notifier()).post("/api/v1/applications/" + app + "/submit").then().statusCode(403);
        as(notifier()).body(person("GBR", TODAY.plusYears(8))).put("/api/v1/persons/" + person).then()
                .statusCode(403);
        as(notifier()).get("/api/v1/applications/" + app + "/history").then().statusCode(403);
    }
}
