package kz.aifc.expat.e2e;

import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static kz.aifc.expat.e2e.E2e.DOCUMENT;
import static kz.aifc.expat.e2e.E2e.FEE;
import static kz.aifc.expat.e2e.E2e.as;
import static kz.aifc.expat.e2e.E2e.count;
import static kz.aifc.expat.e2e.E2e.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Events cross services exactly once, with two replicas of application- and scheduling-service relaying the same
 * outboxes and running the same schedulers: each event is published once, applied once per consumer (inbox row and
 * effect counted in SQL), and a redelivered event (same ce_id) changes nothing.
 */
@Order(20)
class ExactlyOnceTest {

    @Test
    void submittedEventIsPublishedOnceAndAppliedOnceEvenWhenRedelivered() {
        E2e.ensureCompanies();
        try (KafkaProbe probe = E2e.probe("expat.application", "expat.fee", "expat.document")) {
            String app = E2e.submittedAcmeApplication();

            List<ConsumerRecord<String, String>> submitted = probe.exactly(
                    KafkaProbe.ofType("application.submitted", app), 1, Duration.ofSeconds(60));
            assertEquals(1, submitted.size());
            ConsumerRecord<String, String> record = submitted.get(0);
            String ceId = KafkaProbe.header(record, "ce_id");
            assertNotNull(ceId);

            // applied once by fee-service (invoice) and by document-service (checklist), each with its inbox row
            eventually().until(() -> count("fee", "select count(*) from invoice where application_id = ?", app) == 1);
            eventually().until(() -> count("document", "select count(*) from checklist where application_id = "
                    + "?::uuid", app) == 1);
            assertEquals(1, count("fee", "select count(*) from inbox_event where consumer = 'fee-service' and "
                    + "event_id = ?", ceId));
            assertEquals(1, count("document", "select count(*) from inbox_event where consumer = 'document-service' "
                    + "and event_id = ?", ceId));
            long lines = count("fee", "select count(*) from invoice_line l join invoice i on i.id = l.invoice_id "
                    + "where i.application_id = ?", app);
            long requirements = count("document", "select count(*) from requirement r join checklist c on c.id = "
                    + "r.checklist_id where c.application_id = ?::uuid", app);
            assertTrue(lines > 0 && requirements > 0);

            // the same event again (same ce_id), as a relay retry or a consumer rebalance would deliver it, twice
            KafkaProbe.send("expat.application", ceId, "application.submitted", app, record.value());
            KafkaProbe.send("expat.application", ceId, "application.submitted", app, record.value());
            // then a later event of the same application (same key, same partition, so it is consumed after the
            // duplicates): once its effect shows, both consumers have been past the duplicates
            as(Tokens.hrAcme(), E2e.app()).post("/api/v1/applications/" + app + "/withdraw").then().statusCode(200)
                    .body("state", equalTo("WITHDRAWN"));
            eventually().untilAsserted(() -> as(Tokens.hrAcme(), FEE).queryParam("applicationId", app)
                    .get("/api/v1/invoices").then().statusCode(200).body("[0].status", equalTo("CANCELLED")));
            eventually().untilAsserted(() -> as(Tokens.hrAcme(), DOCUMENT).get("/api/v1/applications/" + app
                    + "/checklist").then().statusCode(200).body("status", equalTo("CLOSED")));

            assertEquals(1, count("fee", "select count(*) from invoice where application_id = ?", app));
            assertEquals(lines, count("fee", "select count(*) from invoice_line l join invoice i on i.id = "
                    + "l.invoice_id where i.application_id = ?", app));
            assertEquals(1, count("document", "select count(*) from checklist where application_id = ?::uuid", app));
            assertEquals(requirements, count("document", "select count(*) from requirement r join checklist c on "
                    + "c.id = r.checklist_id where c.application_id = ?::uuid", app));
            assertEquals(1, count("fee", "select count(*) from inbox_event where consumer = 'fee-service' and "
                    + "event_id = ?", ceId));
            assertEquals(1, count("document", "select count(*) from inbox_event where consumer = 'document-service' "
                    + "and event_id = ?", ceId));
            // fee-service issued one invoice.issued for it, not one per delivery
            assertEquals(1, probe.exactly(KafkaProbe.ofType("invoice.issued", app), 1, Duration.ofSeconds(60)).size());

            // every event of this application that the outbox holds went out exactly once, though two
            // application-service replicas relay the same outbox table
            Map<String, Long> published = probe.collect(r -> app.equals(r.key())
                            && "expat.application".equals(r.topic()), Duration.ofSeconds(3)).stream()
                    .collect(Collectors.groupingBy(r -> KafkaProbe.header(r, "ce_id"), Collectors.counting()));
            assertEquals(3L, published.get(ceId), "the relay's one publication plus the two test re-sends");
            published.put(ceId, 1L);
            List<Map<String, Object>> outbox = E2e.query("application", "select id::text as id, published_at from "
                    + "outbox_event where event_key = ?", app);
            assertTrue(outbox.size() >= 3, "submitted, status-changed x2, withdrawn: " + outbox);
            for (Map<String, Object> row : outbox) {
                assertNotNull(row.get("published_at"), "published: " + row);
                assertEquals(1L, published.getOrDefault(row.get("id").toString(), 0L), "published once: " + row);
            }
        }
    }

    @Test
    void reminderIsSentOnceWithTwoSchedulingReplicas() {
        // an application whose documents are approved (as document-service would announce it)
        String app = UUID.randomUUID().toString();
        try (KafkaProbe probe = E2e.probe("expat.appointment")) {
            E2e.injectDocumentsApproved(app, E2e.ACME, "fingerprint-registration", 1);
            eventually().untilAsserted(() -> as(Tokens.hrAcme(), E2e.sched()).get("/api/v1/applications/" + app
                    + "/booking").then().statusCode(200).body("bookingOpen", equalTo(true)));
            String start = firstFreeSlot("fingerprint-registration");
            String id = as(Tokens.hrAcme(), E2e.sched()).body(Map.of("applicationId", app, "start", start))
                    .post("/api/v1/appointments").then().statusCode(201).extract().path("id");
            // bring the visit inside its confirmation window (asked from 48 h before, moved back into office hours;
            // cancelled if unconfirmed 24 h before) so the next reminder run of either replica asks; booked "ten
            // days ago", as a visit booked after its reminder moment would count as confirmed and not be asked
            assertEquals(1, E2e.update("scheduling", "update appointment set starts_at = now() + interval '30 hours', "
                    + "ends_at = now() + interval '30 hours 30 minutes', created_at = now() - interval '10 days' "
                    + "where id = ?::uuid", id));

            List<ConsumerRecord<String, String>> reminders = probe.await(
                    KafkaProbe.ofType("appointment.reminder-due", app), 1, Duration.ofSeconds(150));
            assertEquals(1, reminders.size(), "a reminder is due within the reminder interval");
            // keep listening for longer than one reminder interval (60 s) of both replicas: no second reminder
            List<ConsumerRecord<String, String>> all = probe.collect(
                    KafkaProbe.ofType("appointment.reminder-due", app), Duration.ofSeconds(70));
            assertEquals(1, all.size(), "one reminder, not one per replica or per run");
            assertFalse(E2e.query("scheduling", "select reminder_sent_at from appointment where id = ?::uuid", id)
                    .isEmpty());
            assertNotNull(E2e.query("scheduling", "select reminder_sent_at from appointment where id = ?::uuid", id)
                    .get(0).get("reminder_sent_at"));
            assertEquals(1, count("scheduling", "select count(*) from outbox_event where event_key = ? and "
                    + "event_type = 'appointment.reminder-due'", app));

            // the one-click link works on either replica (one signing key), once: the other then answers 410
            String url = io.restassured.path.json.JsonPath.from(reminders.get(0).value()).getString("confirmationUrl");
            String query = url.substring(url.indexOf("/api/v1/"));
            io.restassured.RestAssured.given().accept("application/json").get(E2e.SCHEDULING.get(1) + query).then()
                    .statusCode(200).body("attendanceConfirmed", equalTo(true));
            io.restassured.RestAssured.given().accept("application/json").get(E2e.SCHEDULING.get(0) + query).then()
                    .statusCode(410).contentType("application/problem+json");
        }
    }

    static String firstFreeSlot(String serviceCode) {
        List<Map<String, Object>> slots = as(null, E2e.sched()).queryParam("serviceCode", serviceCode)
                .queryParam("from", E2e.today().toString()).queryParam("to", E2e.today().plusDays(20).toString())
                .get("/api/v1/slots").then().statusCode(200).extract().jsonPath().getList("slots");
        return slots.stream().filter(s -> ((Number) s.get("remaining")).intValue() > 0).map(s -> s.get("start")
                .toString()).findFirst().orElseThrow(() -> new AssertionError("no free slot: " + slots));
    }
}
