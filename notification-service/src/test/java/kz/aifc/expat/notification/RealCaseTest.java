package kz.aifc.expat.notification;

import kz.aifc.expat.testing.Mailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.aifc.expat.testing.Tokens;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.notification.Fixtures.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.*;

/**
 * The messages that need another service's real data: a case taken through the running system's own APIs
 * (submitted at application-service, documents uploaded and approved at document-service, a visit booked at
 * scheduling-service, invoiced by fee-service). Its events are then injected into this run's topics, and
 * notification-service fetches the ICS file of the real appointment and the lines of the real invoice.
 */
@QuarkusTest
class RealCaseTest {

    static String application;
    static String appointment;
    static String appointmentStart;
    static Map<String, Object> invoice;

    @BeforeAll
    static void realCase() {
        ensureCompanies();
        application = draftApplication(person(null, null, null));
        as(Tokens.hrAcme(), APPLICATION).post("/api/v1/applications/" + application + "/submit").then()
                .statusCode(200);
        eventually().untilAsserted(() -> as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + application
                + "/checklist").then().statusCode(200).body("requirements.size()", greaterThan(0)));
        List<Map<String, Object>> requirements = as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/"
                + application + "/checklist").then().extract().jsonPath().getList("requirements");
        for (Map<String, Object> r : requirements) {
            if (!Boolean.TRUE.equals(r.get("mandatory")) || !Boolean.TRUE.equals(r.get("uploadRequired"))) {
                continue;
            }
            byte[] pdf = ("%PDF-1.4\n% " + r.get("documentCode") + " " + UUID.randomUUID()
                    + "\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
                    .getBytes(StandardCharsets.UTF_8);
            String doc = RestAssured.given().baseUri(DOCUMENT).auth().oauth2(Tokens.hrAcme())
                    .multiPart("file", r.get("documentCode") + ".pdf", pdf, "application/pdf")
                    .post("/api/v1/applications/" + application + "/requirements/" + r.get("id") + "/documents")
                    .then().statusCode(201).extract().path("id");
            as(Tokens.officer(), DOCUMENT).body(Map.of("decision", "APPROVED")).post("/api/v1/documents/" + doc
                    + "/review").then().statusCode(200);
        }
        // every mandatory document approved: document-service publishes documents.approved by itself
        eventually().untilAsserted(() -> as(Tokens.hrAcme(), SCHEDULING).get("/api/v1/applications/" + application
                + "/booking").then().statusCode(200).body("bookingOpen", is(true)));
        List<Map<String, Object>> slots = as(null, SCHEDULING).queryParam("serviceCode", "work-visa-issuance")
                .queryParam("from", LocalDate.now(ALMATY).toString())
                .queryParam("to", LocalDate.now(ALMATY).plusDays(30).toString()).get("/api/v1/slots").then()
                .statusCode(200).extract().jsonPath().getList("slots");
        appointmentStart = slots.stream().filter(s -> ((Number) s.get("remaining")).intValue() > 0)
                .map(s -> s.get("start").toString()).findFirst().orElseThrow();
        appointment = as(Tokens.hrAcme(), SCHEDULING).body(Map.of("applicationId", application, "start",
                appointmentStart)).post("/api/v1/appointments").then().statusCode(201).extract().path("id");
        eventually().untilAsserted(() -> as(Tokens.hrAcme(), FEE).queryParam("applicationId", application)
                .get("/api/v1/invoices").then().statusCode(200).body("size()", is(1)));
        invoice = as(Tokens.hrAcme(), FEE).queryParam("applicationId", application).get("/api/v1/invoices").then()
                .extract().jsonPath().getMap("[0]");
    }

    @Test
    void appointmentBookedCarriesTheAppointmentsCalendarFile() throws Exception {
        String to = Mailbox.fresh("booked");
        contacts(ACME, to, "kk");
        String end = OffsetDateTime.parse(appointmentStart).plusMinutes(30).toString();
        inject("expat.appointment", "appointment.booked", application, "{\"appointmentId\":\"" + appointment
                + "\",\"applicationId\":\"" + application + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":"
                + "\"work-visa-issuance\",\"start\":\"" + appointmentStart + "\",\"end\":\"" + end
                + "\",\"reason\":null,\"actor\":\"hr.acme\",\"at\":\"" + now() + "\"}");
        Mailbox.Received mail = Mailbox.one(to);
        String start = kz.aifc.expat.notification.service.Formats.dateTime(appointmentStart, ALMATY);
        assertEquals("Expat Centre-ге қабылдауға жазылдыңыз: " + start, mail.subject());
        assertTrue(mail.text().contains("Күнтізбе файлы хатқа тіркелген."));
        assertEquals(1, mail.attachments().size(), "the ICS file is attached: " + mail.attachments());
        Mailbox.Attachment ics = mail.attachments().get(0);
        assertEquals("expat-centre-visit-" + appointment + ".ics", ics.name());
        assertTrue(ics.contentType().startsWith("text/calendar"), ics.contentType());
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics.content()));
        calendar.validate();
        VEvent event = (VEvent) calendar.getComponent("VEVENT").orElseThrow();
        assertEquals(appointment + "@expat.aifc.kz", event.getProperty(Property.UID).orElseThrow().getValue());
        OffsetDateTime s = OffsetDateTime.parse(appointmentStart).atZoneSameInstant(ALMATY).toOffsetDateTime();
        assertEquals(String.format("%04d%02d%02dT%02d%02d00", s.getYear(), s.getMonthValue(), s.getDayOfMonth(),
                s.getHour(), s.getMinute()), event.getProperty(Property.DTSTART).orElseThrow().getValue());
        api(Tokens.hrAcme()).queryParam("applicationId", application).get("/api/v1/notifications").then()
                .statusCode(200).body("items.find { it.template == 'appointment-booked' }.attachment", is(true));
    }

    @Test
    void invoiceIssuedListsTheRealInvoicesLinesAndTotal() {
        String to = Mailbox.fresh("invoice");
        contacts(ACME, to, "en");
        inject("expat.fee", "invoice.issued", application, "{\"invoiceId\":\"" + invoice.get("id")
                + "\",\"applicationId\":\"" + application + "\",\"companyBin\":\"" + ACME + "\",\"total\":"
                + invoice.get("total") + ",\"currency\":\"KZT\"}");
        Mailbox.Received mail = Mailbox.one(to);
        String total = kz.aifc.expat.notification.service.Formats.money(new BigDecimal(invoice.get("total")
                .toString()), "en");
        assertEquals("Invoice for application " + application.substring(0, 8) + ": " + total, mail.subject());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) invoice.get("lines");
        assertFalse(lines.isEmpty());
        for (Map<String, Object> line : lines) {
            String expected = "- " + line.get("description") + ": " + kz.aifc.expat.notification.service.Formats
                    .money(new BigDecimal(line.get("amount").toString()), "en");
            assertTrue(mail.text().contains(expected), expected + " in\n" + mail.text());
        }
        assertTrue(mail.text().contains("Total: " + total));
    }
}
