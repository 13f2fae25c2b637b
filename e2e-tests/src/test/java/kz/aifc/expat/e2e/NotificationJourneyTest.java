package kz.aifc.expat.e2e;

import io.restassured.path.json.JsonPath;
import kz.aifc.expat.testing.Mailbox;
import kz.aifc.expat.testing.Mailbox.Received;
import kz.aifc.expat.testing.Receiver;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static kz.aifc.expat.e2e.E2e.ACME;
import static kz.aifc.expat.e2e.E2e.act;
import static kz.aifc.expat.e2e.E2e.app;
import static kz.aifc.expat.e2e.E2e.as;
import static kz.aifc.expat.e2e.E2e.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * #12 through the running system: what an HR manager, the employee and a partner HR system are told when an officer
 * sends a submitted case back. The e-mails are read from the real SMTP server (GreenMail) over IMAP, the webhooks
 * arrive at a real HTTP receiver on 127.0.0.1 and their Standard Webhooks signatures are checked here with the
 * secret the API handed out; another company's endpoint hears nothing of it.
 */
class NotificationJourneyTest {

    private static final String NOTIFY = Services.NOTIFICATION.url();
    private static final List<String> TYPES = List.of("application.submitted", "application.changes-requested");

    private static final List<Map<String, Object>> originalContacts = new ArrayList<>();
    private static Receiver acmeReceiver;
    private static Receiver globexReceiver;
    private static String acmeEndpoint;
    private static String acmeSecret;
    private static String globexEndpoint;
    private static String contact;
    private static int contactCount;

    @BeforeAll
    static void audience() throws Exception {
        E2e.ensureCompanies();
        contact = E2e.testAddress("hr");
        originalContacts.addAll(E2e.addAcmeContact(contact, "kk"));
        contactCount = Math.min(originalContacts.size(), 19) + 1;

        acmeReceiver = new Receiver();
        globexReceiver = new Receiver();
        JsonPath acme = subscribe(Tokens.hrAcme(), acmeReceiver);
        acmeEndpoint = acme.getString("id");
        acmeSecret = acme.getString("secret");
        globexEndpoint = subscribe(Tokens.hrGlobex(), globexReceiver).getString("id");
    }

    @AfterAll
    static void restore() {
        if (acmeEndpoint != null) {
            as(Tokens.hrAcme(), NOTIFY).delete("/api/v1/webhooks/" + acmeEndpoint).then().statusCode(204);
        }
        if (globexEndpoint != null) {
            as(Tokens.hrGlobex(), NOTIFY).delete("/api/v1/webhooks/" + globexEndpoint).then().statusCode(204);
        }
        E2e.replaceAcmeContacts(originalContacts);
        if (acmeReceiver != null) {
            acmeReceiver.close();
        }
        if (globexReceiver != null) {
            globexReceiver.close();
        }
    }

    @Test
    void aCaseSentBackIsToldToTheContactTheConsentingEmployeeAndThePartnerSystemOnly() {
        String employee = E2e.testAddress("employee");
        String person = person(employee);
        Map<String, Object> body = E2e.workVisa(person);
        body.put("consent", E2e.consent());
        String application = E2e.createApplication(Tokens.hrAcme(), body);
        act(Tokens.hrAcme(), application, "submit", null).then().statusCode(200);
        act(Tokens.officer(), application, "request-changes", Map.of("comment", "Please bring a lighter photo",
                "documents", List.of(Map.of("documentCode", "photo", "reason", "too dark")))).then().statusCode(200)
                .body("state", equalTo("CHANGES_REQUESTED"));
        String shortId = application.substring(0, 8);

        // the company contact, in the language given with the address (the same mailbox also gets the invoice of
        // this case and news of other Acme cases an earlier suite left in flight: pick the changes-requested one)
        String subject = shortId + " өтінімі: құжаттарды түзету қажет";
        List<Received> box = new ArrayList<>();
        eventually().alias("the contact's e-mail about " + shortId).until(() -> {
            box.clear();
            Mailbox.read(contact).stream().filter(m -> subject.equals(m.subject())).forEach(box::add);
            return !box.isEmpty();
        });
        assertEquals(1, box.size(), "one e-mail per event and address");
        Received toContact = box.get(0);
        assertEquals("kk", toContact.language());
        assertTrue(toContact.text().contains("too dark"), toContact.text());
        assertTrue(toContact.text().contains(application), toContact.text());
        // the employee, who gave an address and consent, in the language of the person record
        Received toEmployee = Mailbox.one(employee);
        assertEquals("Заявка " + shortId + ": требуется исправить документы", toEmployee.subject());
        assertEquals("ru", toEmployee.language());
        assertTrue(toEmployee.text().contains("too dark"), toEmployee.text());

        // the partner system: both events, in order, signed with the secret it was given
        eventually().alias("both events at Acme's receiver").until(() -> types(acmeReceiver, application).size() == 2);
        assertEquals(TYPES, types(acmeReceiver, application));
        for (Receiver.Request r : forApplication(acmeReceiver, application)) {
            assertTrue(Receiver.signedWith(acmeSecret, r), "signature of " + r.id() + ": " + r.signature());
            assertEquals(r.id(), JsonPath.from(r.body()).getString("id"), "webhook-id is the CloudEvent id");
            assertTrue(r.contentType().startsWith("application/cloudevents+json"), r.contentType());
        }
        assertFalse(Receiver.signedWith("whsec_" + Base64.getEncoder().encodeToString(new byte[32]),
                forApplication(acmeReceiver, application).get(0)), "a wrong secret does not verify");

        // the notification log tells Acme what went where; Globex sees nothing of it, and heard nothing
        as(Tokens.hrAcme(), NOTIFY).queryParam("applicationId", application).get("/api/v1/notifications").then()
                .statusCode(200).body("items.findAll { it.template == 'changes-requested' }.size()",
                        is(contactCount + 1));
        as(Tokens.hrGlobex(), NOTIFY).queryParam("applicationId", application).get("/api/v1/notifications").then()
                .statusCode(200).body("total", is(0));
        as(Tokens.hrGlobex(), NOTIFY).get("/api/v1/webhooks/" + acmeEndpoint).then().statusCode(404);
        assertTrue(forApplication(globexReceiver, application).isEmpty(), "Globex's endpoint got Acme's events");
        assertTrue(as(Tokens.hrGlobex(), NOTIFY).queryParam("size", 100)
                .get("/api/v1/webhooks/" + globexEndpoint + "/deliveries").then().statusCode(200).extract()
                .jsonPath().getList("items.findAll { it.applicationId == '" + application + "' }").isEmpty());
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static String person(String email) {
        return E2e.createPerson(Tokens.hrAcme(), "Notify", Map.of("email", email, "preferredLanguage", "ru",
                "contactConsent", true));
    }


    private static JsonPath subscribe(String token, Receiver receiver) {
        return as(token, NOTIFY).body(Map.of("url", receiver.url(), "eventTypes", TYPES,
                        "description", "e2e NotificationJourneyTest"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
    }

    private static List<Receiver.Request> forApplication(Receiver receiver, String application) {
        return receiver.accepted().stream()
                .filter(r -> application.equals(JsonPath.from(r.body()).getString("data.applicationId"))).toList();
    }

    private static List<String> types(Receiver receiver, String application) {
        return forApplication(receiver, application).stream().map(r -> JsonPath.from(r.body()).getString("type"))
                .toList();
    }

}
