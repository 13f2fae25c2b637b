package kz.aifc.expat.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Mailbox;
import kz.aifc.expat.testing.Receiver;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static kz.aifc.expat.e2e.E2e.ACME;
import static kz.aifc.expat.e2e.E2e.CATALOG;
import static kz.aifc.expat.e2e.E2e.DOCUMENT;
import static kz.aifc.expat.e2e.E2e.FEE;
import static kz.aifc.expat.e2e.E2e.act;
import static kz.aifc.expat.e2e.E2e.app;
import static kz.aifc.expat.e2e.E2e.as;
import static kz.aifc.expat.e2e.E2e.awaitState;
import static kz.aifc.expat.e2e.E2e.count;
import static kz.aifc.expat.e2e.E2e.eventually;
import static kz.aifc.expat.e2e.E2e.sched;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #8's journey through all five services on the real stack with real Keycloak tokens, requests alternating
 * between the two replicas of application-service (8082/8092) and scheduling-service (8084/8094). Each step asserts
 * the state in every service involved, eventually (bounded waits), over HTTP and SQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(10)
class JourneyTest {

    private static final String SERVICE = "work-visa-issuance";
    private static final String NOTIFY = Services.NOTIFICATION.url();
    /** What the partner system subscribes to: the events of every step of the employee's case. */
    private static final List<String> WEBHOOK_TYPES = List.of("application.submitted", "documents.changes-requested",
            "application.changes-requested", "documents.approved", "appointment.booked", "appointment.completed",
            "application.completed", "invoice.issued", "payment.received", "invoice.paid");

    private KafkaProbe probe;
    private String principal;   // the employee's application
    private String family;      // the family member's application, linked to the employee's
    private BigDecimal quotedTotal;
    private final Map<String, String> invoiceOf = new HashMap<>();
    private final List<String> documentIds = new ArrayList<>();
    private String appointment;
    private String rejectedRequirement;
    // who is told (#12): a company contact, the consenting employee, and the company's partner system by webhook
    private final String contact = E2e.testAddress("journey-hr");
    private final String employeeEmail = E2e.testAddress("journey-employee");
    private List<Map<String, Object>> otherContacts;
    private Receiver partnerSystem;
    private String webhook;
    private String webhookSecret;

    @BeforeAll
    void openProbe() throws Exception {
        probe = E2e.probe("expat.application", "expat.document", "expat.appointment", "expat.fee");
        E2e.ensureCompanies();
        otherContacts = E2e.addAcmeContact(contact, "ru");
        partnerSystem = new Receiver();
        JsonPath endpoint = as(Tokens.partnerAcme(), NOTIFY).body(Map.of("url", partnerSystem.url(),
                        "eventTypes", WEBHOOK_TYPES, "description", "e2e JourneyTest partner system"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        webhook = endpoint.getString("id");
        webhookSecret = endpoint.getString("secret");
    }

    @AfterAll
    void closeProbe() {
        if (probe != null) {
            probe.close();
        }
        if (webhook != null) {
            as(Tokens.partnerAcme(), NOTIFY).delete("/api/v1/webhooks/" + webhook).then().statusCode(204);
        }
        if (otherContacts != null) {
            E2e.replaceAcmeContacts(otherContacts);
        }
        if (partnerSystem != null) {
            partnerSystem.close();
        }
    }

    /** The events of a type about a key: waits for {@code expected}, then listens on for duplicates (exact). */
    private List<ConsumerRecord<String, String>> events(String type, String key, int expected) {
        return probe.exactly(KafkaProbe.ofType(type, key), expected, Duration.ofSeconds(60));
    }

    // ------------------------------------------------------------------------------------------------ step 1

    @Test
    @Order(1)
    void hrQuotesCreatesConsentsAndSubmitsAWorkVisaAndAFamilyMemberVisa() {
        // quotes (fee-service prices from the catalog's tariffs)
        BigDecimal catalogTotal = as(null, CATALOG).get("/api/v1/services/" + SERVICE + "/fees").then()
                .statusCode(200).extract().jsonPath().getObject("totals[0].amount", BigDecimal.class);
        quotedTotal = as(Tokens.hrAcme(), FEE).queryParam("serviceCode", SERVICE).get("/api/v1/quotes").then()
                .statusCode(200).body("currency", equalTo("KZT")).extract().jsonPath()
                .getObject("total", BigDecimal.class);
        assertEquals(0, catalogTotal.compareTo(quotedTotal), "the quote prices the catalog's tariff");

        // the employee: draft, consent, submit
        String employee = E2e.createPerson(Tokens.hrAcme(), "Employee", Map.of("email", employeeEmail,
                "preferredLanguage", "en", "contactConsent", true));
        principal = E2e.createApplication(Tokens.hrAcme(), E2e.workVisa(employee));
        act(Tokens.hrAcme(), principal, "submit", null).then().statusCode(422).body("rule", equalTo("consent-required"));
        as(Tokens.hrAcme(), app()).body(E2e.consent()).post("/api/v1/applications/" + principal + "/consent").then()
                .statusCode(200).body("consent.textVersion", equalTo("2026-01"));
        act(Tokens.hrAcme(), principal, "submit", null).then().statusCode(200).body("state", equalTo("SUBMITTED"));

        // the family member, linked to the employee's application
        String spouse = E2e.createPerson(Tokens.hrAcme(), "Spouse");
        // quoted for the spouse (fee-service reads the person): the same service, the same fee
        BigDecimal familyQuote = as(Tokens.hrAcme(), FEE).queryParam("serviceCode", SERVICE)
                .queryParam("personId", spouse).get("/api/v1/quotes").then().statusCode(200)
                .body("serviceCode", equalTo(SERVICE)).extract().jsonPath().getObject("total", BigDecimal.class);
        assertEquals(0, quotedTotal.compareTo(familyQuote), "the family member's visa is the same service and fee");
        Map<String, Object> body = E2e.workVisa(spouse);
        body.put("applicantType", "FAMILY_MEMBER");
        body.put("principalApplicationId", principal);
        body.put("relation", "SPOUSE");
        family = E2e.createApplication(Tokens.hrAcme(), body);
        as(Tokens.hrAcme(), app()).body(E2e.consent()).post("/api/v1/applications/" + family + "/consent").then()
                .statusCode(200);
        act(Tokens.hrAcme(), family, "submit", null).then().statusCode(200).body("state", equalTo("SUBMITTED"))
                .body("principalApplicationId", equalTo(principal)).body("applicantType", equalTo("FAMILY_MEMBER"));

        for (String id : List.of(principal, family)) {
            awaitState(id, "SUBMITTED");
            // application.submitted once, despite two replicas relaying the same outbox
            assertEquals(1, events("application.submitted", id, 1).size());
            // fee-service: an invoice frozen at submission, at the quoted total
            eventually().untilAsserted(() -> as(Tokens.hrAcme(), FEE).queryParam("applicationId", id)
                    .get("/api/v1/invoices").then().statusCode(200).body("$", hasSize(1))
                    .body("[0].status", equalTo("ISSUED")).body("[0].companyBin", equalTo(ACME)));
            Map<String, Object> invoice = as(Tokens.hrAcme(), FEE).queryParam("applicationId", id)
                    .get("/api/v1/invoices").then().extract().jsonPath().getMap("[0]");
            assertEquals(0, quotedTotal.compareTo(new BigDecimal(invoice.get("total").toString())));
            invoiceOf.put(id, invoice.get("id").toString());
            assertEquals(1, events("invoice.issued", id, 1).size());
            assertEquals(1, count("fee", "select count(*) from invoice where application_id = ?", id));
            assertEquals("SUBMITTED", E2e.query("application", "select state from application where id = ?::uuid",
                    id).get(0).get("state"));
        }
    }

    // ------------------------------------------------------------------------------------------------ step 2

    @Test
    @Order(2)
    void checklistsUploadsARejectionChangesRequestedReuploadAndApproval() {
        Map<String, List<Map<String, Object>>> required = new HashMap<>();
        for (String id : List.of(principal, family)) {
            eventually().untilAsserted(() -> as(Tokens.hrAcme(), DOCUMENT)
                    .get("/api/v1/applications/" + id + "/checklist").then().statusCode(200)
                    .body("requirements.size()", org.hamcrest.Matchers.greaterThan(0)));
            List<Map<String, Object>> reqs = as(Tokens.hrAcme(), DOCUMENT)
                    .get("/api/v1/applications/" + id + "/checklist").then().statusCode(200)
                    .body("serviceCode", equalTo(SERVICE)).body("status", equalTo("OPEN"))
                    .extract().jsonPath().getList("requirements");
            List<Map<String, Object>> toUpload = reqs.stream()
                    .filter(r -> Boolean.TRUE.equals(r.get("mandatory")) && Boolean.TRUE.equals(r.get("uploadRequired")))
                    .toList();
            assertFalse(toUpload.isEmpty(), "the checklist asks for uploads");
            required.put(id, toUpload);
        }
        // the family member's checklist asks for what links it to the employee
        assertTrue(required.get(family).stream().anyMatch(r -> "family-relationship-certificate"
                .equals(r.get("documentCode"))), "family checklist has the relationship certificate");

        // HR uploads every required document of both applications
        Map<String, Map<String, String>> docByRequirement = new HashMap<>();
        for (String id : List.of(principal, family)) {
            Map<String, String> docs = new HashMap<>();
            for (Map<String, Object> r : required.get(id)) {
                String doc = E2e.upload(Tokens.hrAcme(), id, r.get("id").toString(), r.get("documentCode") + ".pdf",
                        E2e.pdf(r.get("documentCode").toString())).then().statusCode(201)
                        .body("status", equalTo("UPLOADED")).extract().path("id");
                docs.put(r.get("id").toString(), doc);
                documentIds.add(doc);
            }
            docByRequirement.put(id, docs);
            assertEquals(required.get(id).size(), count("document",
                    "select count(*) from document d join checklist c on c.id = d.checklist_id "
                            + "where c.application_id = ?::uuid", id));
        }

        // the officer rejects one document of the employee (with a reason) and approves the rest
        Map<String, Object> passport = required.get(principal).stream()
                .filter(r -> "passport".equals(r.get("documentCode"))).findFirst().orElse(required.get(principal).get(0));
        rejectedRequirement = passport.get("id").toString();
        for (Map.Entry<String, String> e : docByRequirement.get(principal).entrySet()) {
            boolean reject = e.getKey().equals(rejectedRequirement);
            as(Tokens.officer(), DOCUMENT).body(reject
                            ? Map.of("decision", "REJECTED", "reason", "The scan is unreadable; upload a sharper copy")
                            : Map.of("decision", "APPROVED"))
                    .post("/api/v1/documents/" + e.getValue() + "/review").then().statusCode(200)
                    .body("status", equalTo(reject ? "REJECTED" : "APPROVED"));
        }
        as(Tokens.officer(), DOCUMENT).post("/api/v1/applications/" + principal + "/review-rounds/current/finish")
                .then().statusCode(200).body("outcome", equalTo("CHANGES_REQUESTED"))
                .body("rejected[0].reason", containsString("unreadable"));

        // application-service: CHANGES_REQUESTED (from documents.changes-requested), and it tells the others
        awaitState(principal, "CHANGES_REQUESTED");
        assertEquals(1, events("documents.changes-requested", principal, 1).size());
        assertEquals(1, events("application.changes-requested", principal, 1).size());
        // scheduling-service: booking is not open and nothing is held for the application
        eventually().untilAsserted(() -> {
            Response r = as(Tokens.hrAcme(), sched()).get("/api/v1/applications/" + principal + "/booking");
            if (r.statusCode() == 200) {
                r.then().body("bookingOpen", equalTo(false)).body("activeAppointment", org.hamcrest.Matchers.nullValue());
            } else {
                r.then().statusCode(404);
            }
        });
        assertEquals(0, count("scheduling", "select count(*) from appointment where application_id = ? "
                + "and status in ('HELD','BOOKED','CHECKED_IN')", principal));

        // the family member's documents are all approved: documents.approved, DOCUMENTS_APPROVED
        for (String doc : docByRequirement.get(family).values()) {
            as(Tokens.officer(), DOCUMENT).body(Map.of("decision", "APPROVED"))
                    .post("/api/v1/documents/" + doc + "/review").then().statusCode(200);
        }
        awaitState(family, "DOCUMENTS_APPROVED");

        // HR re-uploads the rejected document (version 2) and resubmits; the officer approves it
        String second = E2e.upload(Tokens.hrAcme(), principal, rejectedRequirement, "passport-sharp.pdf",
                E2e.pdf("passport v2")).then().statusCode(201).body("version", equalTo(2)).extract().path("id");
        documentIds.add(second);
        act(Tokens.hrAcme(), principal, "resubmit", Map.of("comment", "sharper passport scan uploaded")).then()
                .statusCode(200).body("state", equalTo("SUBMITTED"));
        as(Tokens.officer(), DOCUMENT).body(Map.of("decision", "APPROVED"))
                .post("/api/v1/documents/" + second + "/review").then().statusCode(200);

        awaitState(principal, "DOCUMENTS_APPROVED");
        for (String id : List.of(principal, family)) {
            as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + id + "/checklist").then().statusCode(200)
                    .body("status", equalTo("APPROVED"));
            assertEquals(1, events("documents.approved", id, 1).size(), "documents.approved once per round");
        }
        assertEquals(2L, count("document", "select count(*) from review_round r join checklist c on c.id = "
                + "r.checklist_id where c.application_id = ?::uuid", principal), "round 1 rejected, round 2 approved");
    }

    // ------------------------------------------------------------------------------------------------ step 3

    @Test
    @Order(3)
    void bookingOpensHrBooksAFreeSlotAndDownloadsTheIcs() {
        // booking opens by the event (documents.approved → scheduling-service), seen on both replicas
        for (int i = 0; i < 2; i++) {
            eventually().untilAsserted(() -> as(Tokens.hrAcme(), sched())
                    .get("/api/v1/applications/" + principal + "/booking").then().statusCode(200)
                    .body("bookingOpen", equalTo(true)).body("companyBin", equalTo(ACME)));
        }
        LocalDate today = E2e.today();
        List<Map<String, Object>> slots = as(Tokens.hrAcme(), sched()).queryParam("serviceCode", SERVICE)
                .queryParam("from", today.toString()).queryParam("to", today.plusDays(20).toString())
                .get("/api/v1/slots").then().statusCode(200).extract().jsonPath().getList("slots");
        Map<String, Object> slot = slots.stream().filter(s -> ((Number) s.get("remaining")).intValue() > 0)
                .findFirst().orElseThrow(() -> new AssertionError("no free slot in 20 days: " + slots));
        String start = slot.get("start").toString();

        Response booked = as(Tokens.hrAcme(), sched()).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("applicationId", principal, "start", start)).post("/api/v1/appointments");
        booked.then().statusCode(201).body("status", equalTo("BOOKED")).body("applicationId", equalTo(principal));
        appointment = booked.path("id");
        // a second booking for the same application is refused: one active appointment
        as(Tokens.hrAcme(), sched()).body(Map.of("applicationId", principal, "start", start))
                .post("/api/v1/appointments").then().statusCode(409);

        String ics = as(Tokens.hrAcme(), sched()).accept("text/calendar")
                .get("/api/v1/appointments/" + appointment + "/calendar.ics").then().statusCode(200)
                .contentType(containsString("text/calendar")).extract().asString();
        assertTrue(ics.contains("BEGIN:VCALENDAR") && ics.contains("BEGIN:VEVENT") && ics.contains("DTSTART"), ics);
        String localStart = OffsetDateTime.parse(start).atZoneSameInstant(E2e.ALMATY).toLocalDateTime().toString()
                .replace("-", "").replace(":", "");
        assertTrue(ics.contains(localStart.substring(0, 13)), "ICS starts at the booked time " + localStart + ":\n" + ics);

        awaitState(principal, "APPOINTMENT_BOOKED");
        as(Tokens.hrAcme(), app()).get("/api/v1/applications/" + principal).then().statusCode(200)
                .body("appointment.appointmentId", equalTo(appointment));
        assertEquals(1, events("appointment.booked", principal, 1).size());
        assertEquals(1, count("scheduling", "select count(*) from appointment where application_id = ? and status = "
                + "'BOOKED'", principal));
    }

    // ------------------------------------------------------------------------------------------------ step 4

    @Test
    @Order(4)
    void visitCheckInCompletionProcessingDeadlineCompletedAndPartnerPayment() {
        // the day of the visit: the appointment is moved to now (the only way to "arrive" without a clock
        // service; check-in is allowed only on the day of the visit, and the earliest slot may be days away)
        assertEquals(1, E2e.update("scheduling", "update appointment set starts_at = now(), ends_at = now() + "
                + "interval '30 minutes' where id = ?::uuid and status = 'BOOKED'", appointment));

        as(Tokens.officer(), sched()).post("/api/v1/appointments/" + appointment + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
        as(Tokens.officer(), sched()).post("/api/v1/appointments/" + appointment + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));
        awaitState(principal, "ORIGINALS_RECEIVED");
        assertEquals(1, events("appointment.completed", principal, 1).size());
        as(Tokens.hrAcme(), sched()).get("/api/v1/applications/" + principal + "/booking").then().statusCode(200)
                .body("bookingOpen", equalTo(false));

        Response processing = act(Tokens.officer(), principal, "start-processing", null);
        processing.then().statusCode(200).body("state", equalTo("IN_PROCESSING")).body("dueDate", notNullValue());
        awaitState(principal, "IN_PROCESSING");
        // due date = processing time (working days, from the catalog) counted from the day originals were received
        int days = as(null, CATALOG).get("/api/v1/services/" + SERVICE + "/fees").then().statusCode(200).extract()
                .path("processingTime.max");
        String received = OffsetDateTime.parse(processing.path("originalsReceivedAt").toString())
                .atZoneSameInstant(E2e.ALMATY).toLocalDate().toString();
        String expected = as(null, CATALOG).queryParam("date", received).queryParam("days", days)
                .get("/api/v1/calendar/add-working-days").then().statusCode(200).extract().path("result");
        assertEquals(expected, processing.path("dueDate"), "due date = " + days + " working days after " + received);

        // the state body issued the visa: the officer uploads it as the case's outcome document ...
        byte[] issued = E2e.pdf("issued C3 work visa");
        String outcomeDocument = io.restassured.RestAssured.given().baseUri(DOCUMENT).auth().oauth2(Tokens.officer())
                .multiPart("file", "work-visa-C3.pdf", issued, "application/pdf")
                .post("/api/v1/applications/" + principal + "/outcome-documents").then().statusCode(201)
                .extract().path("id");
        eventually().alias("outcome document registered").untilAsserted(() -> as(Tokens.officer(), app())
                .get("/api/v1/applications/" + principal).then()
                .body("outcome.documentIds", org.hamcrest.Matchers.hasItem(outcomeDocument)));
        // ... and completes the case with what was issued
        java.time.LocalDate validUntil = E2e.today().plusYears(1);
        act(Tokens.officer(), principal, "complete", Map.of("outcome", Map.of("kind", "VISA", "category", "C3",
                "number", "C3-E2E-" + principal.substring(0, 6), "issuedOn", E2e.today().toString(),
                "validFrom", E2e.today().toString(), "validUntil", validUntil.toString(),
                "issuingBody", "Migration Service, Astana"))).then().statusCode(200)
                .body("state", equalTo("COMPLETED")).body("outcome.validUntil", equalTo(validUntil.toString()));
        awaitState(principal, "COMPLETED");
        assertEquals(1, events("application.completed", principal, 1).size());

        // the company downloads the issued visa
        as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + principal + "/outcome-documents").then()
                .statusCode(200).body("id", org.hamcrest.Matchers.hasItem(outcomeDocument));
        byte[] downloaded = io.restassured.RestAssured.given().baseUri(DOCUMENT).auth().oauth2(Tokens.hrAcme())
                .get("/api/v1/outcome-documents/" + outcomeDocument + "/content").then().statusCode(200)
                .extract().asByteArray();
        org.junit.jupiter.api.Assertions.assertArrayEquals(issued, downloaded);

        // the person's current visa is the issued one: the radar shows it, and one call starts its extension
        String person = as(Tokens.hrAcme(), app()).get("/api/v1/applications/" + principal).then().extract()
                .path("personId");
        as(Tokens.hrAcme(), app()).queryParam("withinDays", 366).get("/api/v1/radar/visa-expiry").then()
                .statusCode(200).body("find { it.personId == '" + person + "' }.validUntil",
                        equalTo(validUntil.toString()));
        as(Tokens.hrAcme(), app()).post("/api/v1/radar/visa-expiry/" + person + "/extension").then()
                .statusCode(201).body("application.state", equalTo("DRAFT"))
                .body("application.serviceCode", equalTo("work-visa-extension"))
                .body("application.visaCategory", equalTo("C3"))
                .body("extensionWindow.status", equalTo("TOO_EARLY"))
                .body("extensionWindow.currentValidUntil", equalTo(validUntil.toString()))
                .body("extensionWindow.sameHostCompany", equalTo(true));
        // document-service closes the checklist on the terminal status (retention starts)
        eventually().untilAsserted(() -> as(Tokens.officer(), DOCUMENT)
                .get("/api/v1/applications/" + principal + "/checklist").then().statusCode(200)
                .body("status", equalTo("CLOSED")));
        List<String> history = as(Tokens.hrAcme(), app()).get("/api/v1/applications/" + principal + "/history").then()
                .statusCode(200).extract().jsonPath().getList("to");
        assertTrue(history.containsAll(List.of("SUBMITTED", "CHANGES_REQUESTED", "DOCUMENTS_APPROVED",
                "APPOINTMENT_BOOKED", "ORIGINALS_RECEIVED", "IN_PROCESSING", "COMPLETED")), history.toString());

        // payment confirmed by the partner system (client credentials), Idempotency-Key sent twice: one payment
        String invoice = invoiceOf.get(principal);
        String key = UUID.randomUUID().toString();
        Map<String, Object> payment = Map.of("reference", "BANK-" + UUID.randomUUID(), "amount", quotedTotal);
        Response first = as(Tokens.partnerAcme(), FEE).header("Idempotency-Key", key).body(payment)
                .post("/api/v1/invoices/" + invoice + "/payments");
        first.then().statusCode(201).body("invoiceStatus", equalTo("PAID"));
        Response again = as(Tokens.partnerAcme(), FEE).header("Idempotency-Key", key).body(payment)
                .post("/api/v1/invoices/" + invoice + "/payments");
        again.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("payment.id", equalTo(first.path("payment.id").toString()));
        assertEquals(1, count("fee", "select count(*) from payment where invoice_id = ?::uuid", invoice));
        as(Tokens.hrAcme(), FEE).get("/api/v1/invoices/" + invoice).then().statusCode(200)
                .body("status", equalTo("PAID")).body("payments", hasSize(1));
        assertEquals(1, events("payment.received", principal, 1).size());
        assertEquals(1, events("invoice.paid", principal, 1).size());
    }

    // ------------------------------------------------------------------------------------------------ step 5

    @Test
    @Order(5)
    void anotherCompanySeesNothingApplicantIsNotHrCompanyIsNotOfficer() {
        List<String> ids = List.of(principal, family);
        for (String token : List.of(Tokens.hrGlobex(), Tokens.partnerGlobex())) {
            for (String id : ids) {
                for (String url : E2e.APPLICATION) {
                    as(token, url).get("/api/v1/applications/" + id).then().statusCode(404);
                    as(token, url).get("/api/v1/applications/" + id + "/history").then().statusCode(404);
                    as(token, url).post("/api/v1/applications/" + id + "/withdraw").then().statusCode(404);
                    as(token, url).body(E2e.consent()).post("/api/v1/applications/" + id + "/consent").then()
                            .statusCode(404);
                }
                as(token, DOCUMENT).get("/api/v1/applications/" + id + "/checklist").then().statusCode(404);
                as(token, DOCUMENT).get("/api/v1/applications/" + id + "/documents").then().statusCode(404);
                for (String url : E2e.SCHEDULING) {
                    as(token, url).get("/api/v1/applications/" + id + "/booking").then().statusCode(404);
                    as(token, url).body(Map.of("applicationId", id, "start", OffsetDateTime.now().plusDays(2)
                            .toString())).post("/api/v1/appointments").then().statusCode(404);
                }
                as(token, FEE).get("/api/v1/invoices/" + invoiceOf.get(id)).then().statusCode(404);
                as(token, FEE).queryParam("applicationId", id).get("/api/v1/invoices").then().statusCode(200)
                        .body("$", hasSize(0));
            }
            for (String doc : documentIds) {
                as(token, DOCUMENT).get("/api/v1/documents/" + doc).then().statusCode(404);
                as(token, DOCUMENT).get("/api/v1/documents/" + doc + "/content").then().statusCode(404);
            }
            for (String url : E2e.SCHEDULING) {
                as(token, url).get("/api/v1/appointments/" + appointment).then().statusCode(404);
                as(token, url).get("/api/v1/appointments/" + appointment + "/calendar.ics").then().statusCode(404);
                as(token, url).body(Map.of("reason", "x")).post("/api/v1/appointments/" + appointment + "/cancel")
                        .then().statusCode(404);
            }
            String personId = as(Tokens.hrAcme(), app()).get("/api/v1/applications/" + principal).then()
                    .extract().path("personId");
            as(token, app()).get("/api/v1/persons/" + personId).then().statusCode(404);
        }
        as(Tokens.partnerGlobex(), FEE).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("reference", "X-" + UUID.randomUUID(), "amount", 1))
                .post("/api/v1/invoices/" + invoiceOf.get(family) + "/payments").then().statusCode(404);
        // nothing of Acme leaked into Globex's lists
        for (String url : E2e.APPLICATION) {
            List<String> seen = as(Tokens.hrGlobex(), url).queryParam("size", 200).get("/api/v1/applications").then()
                    .statusCode(200).extract().jsonPath().getList("items.companyBin");
            assertFalse(seen.contains(ACME), "Globex sees no Acme application");
        }

        // an applicant-role user cannot act as HR
        String applicant = Tokens.applicant();
        as(applicant, app()).body(E2e.workVisa(UUID.randomUUID().toString())).post("/api/v1/applications").then()
                .statusCode(403).contentType(containsString("application/problem+json"));
        as(applicant, app()).get("/api/v1/applications/" + family).then().statusCode(403);
        as(applicant, app()).post("/api/v1/applications/" + family + "/withdraw").then().statusCode(403);
        E2e.upload(applicant, family, rejectedRequirement, "x.pdf", E2e.pdf("x")).then().statusCode(403);
        as(applicant, sched()).body(Map.of("applicationId", family, "start", OffsetDateTime.now().plusDays(2)
                .toString())).post("/api/v1/appointments").then().statusCode(403);
        as(applicant, FEE).get("/api/v1/invoices/" + invoiceOf.get(family)).then().statusCode(403);

        // a company token (HR or partner of the owner) cannot do officer actions
        for (String token : List.of(Tokens.hrAcme(), Tokens.partnerAcme())) {
            act(token, family, "start-review", null).then().statusCode(403)
                    .contentType(containsString("application/problem+json"));
            act(token, family, "cancel", Map.of("comment", "not allowed")).then().statusCode(403);
            as(token, app()).get("/api/v1/officer/queue").then().statusCode(403);
            as(token, app()).post("/api/v1/applications/" + family + "/claim").then().statusCode(403);
            as(token, DOCUMENT).body(Map.of("decision", "APPROVED")).post("/api/v1/documents/" + documentIds.get(0)
                    + "/review").then().statusCode(403);
            as(token, DOCUMENT).post("/api/v1/applications/" + family + "/review-rounds/current/finish").then()
                    .statusCode(403);
            as(token, sched()).post("/api/v1/appointments/" + appointment + "/check-in").then().statusCode(403);
            as(token, sched()).post("/api/v1/appointments/" + appointment + "/complete").then().statusCode(403);
            as(token, FEE).body(Map.of("reference", "R-" + UUID.randomUUID()))
                    .post("/api/v1/invoices/" + invoiceOf.get(family) + "/refund").then().statusCode(403);
        }
        // HR (not a partner) cannot confirm a payment either: only the Centre or the partner system can
        as(Tokens.hrAcme(), FEE).body(Map.of("reference", "R-" + UUID.randomUUID(), "amount", 1))
                .post("/api/v1/invoices/" + invoiceOf.get(family) + "/payments").then().statusCode(403);
        // and nothing above changed the family member's case
        assertEquals("DOCUMENTS_APPROVED", E2e.state(family));
        assertEquals(0, count("fee", "select count(*) from payment where invoice_id = ?::uuid", invoiceOf.get(family)));
    }

    @Test
    @Order(6)
    void noEventOfTheJourneyWasPublishedTwice() {
        Predicate<ConsumerRecord<String, String>> ours = r -> Set.of(principal, family).contains(r.key());
        List<ConsumerRecord<String, String>> all = probe.collect(ours, Duration.ofSeconds(5));
        Map<String, Long> perId = all.stream().collect(Collectors.groupingBy(r -> KafkaProbe.header(r, "ce_id"),
                Collectors.counting()));
        assertTrue(perId.size() > 15, "the journey published its events: " + perId.size());
        perId.forEach((id, n) -> assertEquals(1L, n, "event " + id + " published " + n + " times"));
        // every outbox row of the journey was published, and each went out exactly once
        for (String db : List.of("application", "document", "scheduling", "fee")) {
            List<Map<String, Object>> rows = E2e.query(db, "select id::text as id, published_at from outbox_event "
                    + "where event_key in (?, ?)", principal, family);
            for (Map<String, Object> row : rows) {
                assertNotNull(row.get("published_at"), db + " outbox row " + row + " not published");
                assertEquals(1L, perId.getOrDefault(row.get("id").toString(), 0L), db + " outbox " + row.get("id"));
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ step 7

    /**
     * #12: every step was told. The company contact (ru) got an e-mail per step, the consenting employee (en) those
     * about the case itself (invoices and payments are the company's), the booked-visit mail carries the ICS file,
     * and the partner system received every subscribed event of the case once, in order, signed.
     */
    @Test
    @Order(7)
    void everyStepWasToldByEMailAndToThePartnerSystem() throws Exception {
        List<String> companyTemplates = List.of("changes-requested", "documents-approved", "appointment-booked",
                "invoice-issued", "payment-received", "case-completed");
        List<String> employeeTemplates = List.of("changes-requested", "documents-approved", "appointment-booked",
                "case-completed");
        eventually().alias("every e-mail of the journey SENT").atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            JsonPath sent = as(Tokens.hrAcme(), NOTIFY).queryParam("applicationId", principal).queryParam("size", 200)
                    .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
            for (String template : companyTemplates) {
                assertEquals(List.of("SENT"), sent.getList("items.findAll { it.template == '" + template
                        + "' && it.recipient == '" + contact + "' }.status"), template + " to the contact: "
                        + sent.prettify());
            }
            for (String template : employeeTemplates) {
                assertEquals(List.of("en"), sent.getList("items.findAll { it.template == '" + template
                        + "' && it.recipient == '" + employeeEmail + "' && it.status == 'SENT' }.language"),
                        template + " to the employee: " + sent.prettify());
            }
            assertEquals(List.of(), sent.getList("items.findAll { it.recipient == '" + employeeEmail
                    + "' && (it.template == 'invoice-issued' || it.template == 'payment-received') }"));
        });
        // the mailboxes hold exactly those messages (the family member's case has no consenting applicant)
        List<Mailbox.Received> toEmployee = Mailbox.await(employeeEmail, employeeTemplates.size());
        assertEquals(employeeTemplates.size(), toEmployee.size(), toEmployee.toString());
        Mailbox.Received booked = toEmployee.stream().filter(m -> !m.attachments().isEmpty()).findFirst()
                .orElseThrow(() -> new AssertionError("no ICS attached to any e-mail: " + toEmployee));
        assertTrue(booked.attachments().get(0).content().contains("BEGIN:VCALENDAR"), booked.toString());
        // each message the log names for the contact arrived once (by its Message-ID; the family member's case and
        // subjects without the application's number are in the same mailbox)
        List<String> logged = as(Tokens.hrAcme(), NOTIFY).queryParam("applicationId", principal)
                .queryParam("size", 200).get("/api/v1/notifications").then().statusCode(200).extract().jsonPath()
                .getList("items.findAll { it.recipient == '" + contact + "' }.messageId");
        assertEquals(companyTemplates.size(), logged.size(), logged.toString());
        List<Mailbox.Received> toContact = Mailbox.read(contact);
        for (String id : logged) {
            assertEquals(1, toContact.stream().filter(m -> m.messageId() != null && m.messageId().contains(id))
                    .count(), id + " in " + toContact.stream().map(Mailbox.Received::messageId).toList());
        }
        assertTrue(toContact.stream().allMatch(m -> "ru".equals(m.language())));

        // the partner system: each subscribed event of the employee's case once, signed, and the steps in the order
        // they happened (invoice.issued follows the submission on its own time, so it is left out of the order)
        eventually().alias("every webhook of the journey").untilAsserted(() -> assertEquals(
                WEBHOOK_TYPES.stream().sorted().toList(), webhookTypes(principal).stream().sorted().toList()));
        assertEquals(WEBHOOK_TYPES.stream().filter(t -> !t.equals("invoice.issued")).toList(),
                webhookTypes(principal).stream().filter(t -> !t.equals("invoice.issued")).toList());
        for (Receiver.Request r : partnerSystem.accepted()) {
            assertTrue(Receiver.signedWith(webhookSecret, r), "signature of " + r.id());
        }
        List<String> ids = partnerSystem.accepted().stream().map(Receiver.Request::id).toList();
        assertEquals(ids.size(), Set.copyOf(ids).size(), "a webhook-id delivered twice: " + ids);
    }

    private List<String> webhookTypes(String application) {
        return partnerSystem.accepted().stream().map(r -> JsonPath.from(r.body()))
                .filter(e -> application.equals(e.getString("data.applicationId"))).map(e -> e.getString("type"))
                .toList();
    }
}
