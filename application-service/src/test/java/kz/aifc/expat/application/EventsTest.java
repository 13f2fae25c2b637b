package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Event-driven transitions and published events, through the real broker. */
@QuarkusTest
class EventsTest {

    @BeforeEach
    void companies() {
        ensureCompanies();
    }

    private static long transitionsTo(String app, String state) {
        return as(Tokens.officer()).get("/api/v1/applications/" + app + "/history").then().extract().jsonPath()
                .getList("to", String.class).stream().filter(state::equals).count();
    }

    @Test
    void submissionPublishesSubmittedAndStatusChangedExactlyOnce() {
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            String app = createApp(Tokens.hrAcme(), workVisa(defaultPerson(Tokens.hrAcme())));
            String key = UUID.randomUUID().toString();
            as(Tokens.hrAcme()).header("Idempotency-Key", key).post("/api/v1/applications/" + app + "/submit")
                    .then().statusCode(200);
            as(Tokens.hrAcme()).header("Idempotency-Key", key).post("/api/v1/applications/" + app + "/submit")
                    .then().statusCode(200);
            List<ConsumerRecord<String, String>> submitted = probe.exactly(
                    KafkaProbe.ofType("application.submitted", app), 1, Duration.ofSeconds(20));
            assertEquals(1, submitted.size());
            String json = submitted.get(0).value();
            assertTrue(json.contains("\"serviceCode\":\"work-visa-issuance\""), json);
            assertTrue(json.contains("\"companyBin\":\"" + ACME + "\""), json);
            assertTrue(json.contains("\"legalForm\":\"COMPANY\""), json);
            assertTrue(json.contains("\"catalogVersion\":\"" + catalogVersion("work-visa-issuance") + "\""),
                    json);
            assertTrue(json.contains("\"personId\""), json);
            List<ConsumerRecord<String, String>> changed = probe.exactly(
                    KafkaProbe.ofType("application.status-changed", app), 1, Duration.ofSeconds(20));
            assertEquals(1, changed.size());
            assertTrue(changed.get(0).value().contains("\"from\":\"DRAFT\",\"to\":\"SUBMITTED\""));
            assertEquals(1, probe.exactly(KafkaProbe.ofType("application.submitted", app), 1, Duration.ofSeconds(1))
                    .size());
        }
    }

    @Test
    void documentsApprovedThenBookedThenCancelledThenCompleted() {
        String app = submittedAcme();
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            documentsApproved(app, 1);
            awaitState(app, "DOCUMENTS_APPROVED");
            assertEquals(1, probe.exactly(r -> KafkaProbe.ofType("application.status-changed", app).test(r)
                    && r.value().contains("\"to\":\"DOCUMENTS_APPROVED\""), 1, Duration.ofSeconds(20)).size());
        }
        String first = "ap-" + UUID.randomUUID();
        appointment("appointment.booked", app, first, UUID.randomUUID().toString());
        awaitState(app, "APPOINTMENT_BOOKED");
        appointment("appointment.cancelled", app, first, UUID.randomUUID().toString());
        awaitState(app, "DOCUMENTS_APPROVED");
        String second = "ap-" + UUID.randomUUID();
        appointment("appointment.booked", app, second, UUID.randomUUID().toString());
        awaitState(app, "APPOINTMENT_BOOKED");
        appointment("appointment.completed", app, second, UUID.randomUUID().toString());
        awaitState(app, "ORIGINALS_RECEIVED");
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app).then().body("dueDate", notNullValue())
                .body("appointment.appointmentId", is(second));
    }

    @Test
    void anAutoCancellationByTheConfirmationRuleMovesTheApplicationBackLikeACancellation() {
        String app = submittedAcme();
        documentsApproved(app, 1);
        awaitState(app, "DOCUMENTS_APPROVED");
        String booking = "ap-" + UUID.randomUUID();
        appointment("appointment.booked", app, booking, UUID.randomUUID().toString());
        awaitState(app, "APPOINTMENT_BOOKED");
        // the rule's other events, as scheduling-service publishes them, change nothing
        String common = "\"appointmentId\":\"" + booking + "\",\"applicationId\":\"" + app + "\",\"companyBin\":\""
                + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"start\":\"2026-02-02T10:00:00+05:00\","
                + "\"end\":\"2026-02-02T10:30:00+05:00\",\"actor\":\"system\",\"startsAt\":\"2026-02-02T10:00:00+05:00\"";
        KafkaProbe.send("expat.appointment", UUID.randomUUID().toString(), "appointment.reminder-due", app,
                "{" + common + ",\"reason\":null,\"at\":\"2026-01-31T10:00:00+05:00\",\"endsAt\":"
                        + "\"2026-02-02T10:30:00+05:00\",\"confirmBy\":\"2026-02-01T10:00:00+05:00\","
                        + "\"confirmationUrl\":\"http://127.0.0.1:8084/api/v1/appointments/confirm-attendance?token=x\"}");
        KafkaProbe.send("expat.appointment", UUID.randomUUID().toString(), "appointment.attendance-confirmed", app,
                "{" + common + ",\"at\":\"2026-01-31T11:00:00+05:00\",\"confirmedAt\":"
                        + "\"2026-01-31T11:00:00+05:00\",\"via\":\"link\"}");
        KafkaProbe.send("expat.appointment", UUID.randomUUID().toString(), "appointment.auto-cancelled", app,
                "{" + common + ",\"reason\":\"Attendance was not confirmed by 2026-02-01T10:00:00+05:00\","
                        + "\"at\":\"2026-02-01T10:00:30+05:00\",\"confirmBy\":\"2026-02-01T10:00:00+05:00\"}");
        awaitState(app, "DOCUMENTS_APPROVED");
        as(Tokens.officer()).get("/api/v1/applications/" + app).then()
                .body("appointment.appointmentId", is(booking)).body("appointment.status", is("CANCELLED"));
        assertEquals(2, transitionsTo(app, "DOCUMENTS_APPROVED"), "approved, then back after the auto-cancellation");
        assertEquals(1, transitionsTo(app, "APPOINTMENT_BOOKED"), "the reminder and the confirmation moved nothing");
        // booking again after it is followed as after any cancellation
        String again = "ap-" + UUID.randomUUID();
        appointment("appointment.booked", app, again, UUID.randomUUID().toString());
        awaitState(app, "APPOINTMENT_BOOKED");
    }

    @Test
    void duplicateDeliveriesDoNotRepeatTransitions() {
        String app = submittedAcme();
        String eventId = UUID.randomUUID().toString();
        KafkaProbe.send("expat.document", eventId, "documents.approved", app, "{\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"round\":1}");
        KafkaProbe.send("expat.document", eventId, "documents.approved", app, "{\"applicationId\":\"" + app
                + "\",\"companyBin\":\"" + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"round\":1}");
        documentsApproved(app, 1); // the same fact under a new id
        awaitState(app, "DOCUMENTS_APPROVED");
        String booking = "ap-" + UUID.randomUUID();
        String bookedId = UUID.randomUUID().toString();
        appointment("appointment.booked", app, booking, bookedId);
        appointment("appointment.booked", app, booking, bookedId);
        awaitState(app, "APPOINTMENT_BOOKED");
        // a marker event after the duplicates: once it is applied, all earlier ones were too
        appointment("appointment.rescheduled", app, booking, UUID.randomUUID().toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> transitionsTo(app, "APPOINTMENT_BOOKED") >= 1);
        documentsApproved(app, 1);
        appointment("appointment.completed", app, booking, UUID.randomUUID().toString());
        awaitState(app, "ORIGINALS_RECEIVED");
        assertEquals(1, transitionsTo(app, "DOCUMENTS_APPROVED"));
        assertEquals(1, transitionsTo(app, "APPOINTMENT_BOOKED"));
        assertEquals(1, transitionsTo(app, "ORIGINALS_RECEIVED"));
    }

    @Test
    void bookingThatOvertakesTheApprovalIsKeptAndApplied() {
        String app = submittedAcme();
        String booking = "ap-" + UUID.randomUUID();
        appointment("appointment.booked", app, booking, UUID.randomUUID().toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> booking.equals(
                as(Tokens.officer()).get("/api/v1/applications/" + app).then().extract()
                        .path("appointment.appointmentId")));
        assertEquals("SUBMITTED", state(app));
        documentsApproved(app, 1);
        awaitState(app, "APPOINTMENT_BOOKED");
        as(Tokens.officer()).get("/api/v1/applications/" + app + "/history").then()
                .body("to", hasItems("DOCUMENTS_APPROVED", "APPOINTMENT_BOOKED"));
    }

    @Test
    void cancellationThatOvertakesTheBookingWins() {
        String app = submittedAcme();
        documentsApproved(app, 1);
        awaitState(app, "DOCUMENTS_APPROVED");
        String booking = "ap-" + UUID.randomUUID();
        appointment("appointment.cancelled", app, booking, UUID.randomUUID().toString());
        String lateBooking = UUID.randomUUID().toString();
        appointment("appointment.booked", app, booking, lateBooking);
        // once the late booking was taken (its inbox row), the case must still wait for a booking (#16.3: without
        // the guard the booking of a cancelled appointment would move it to APPOINTMENT_BOOKED)
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> handled(lateBooking));
        assertEquals("DOCUMENTS_APPROVED", state(app));
        String marker = "ap-" + UUID.randomUUID();
        appointment("appointment.rescheduled", app, marker, UUID.randomUUID().toString());
        // the late booking of a cancelled appointment is ignored; a real new booking is applied
        String real = "ap-" + UUID.randomUUID();
        appointment("appointment.booked", app, real, UUID.randomUUID().toString());
        awaitState(app, "APPOINTMENT_BOOKED");
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("appointment.appointmentId", is(real));
    }

    @Test
    void changesRequestedByDocumentServiceAndStaleRoundsIgnored() {
        String app = submittedAcme();
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            documentsChangesRequested(app, 1);
            awaitState(app, "CHANGES_REQUESTED");
            List<ConsumerRecord<String, String>> published = probe.exactly(
                    KafkaProbe.ofType("application.changes-requested", app), 1, Duration.ofSeconds(20));
            assertEquals(1, published.size());
            assertTrue(published.get(0).value().contains("\"round\":1"));
            assertTrue(published.get(0).value().contains("\"documentCode\":\"passport-copy\""));
        }
        action(Tokens.hrAcme(), app, "resubmit", null).then().statusCode(200).body("state", is("SUBMITTED"));
        // a late approval of round... the rejected round 1 is stale and must not approve
        documentsApproved(app, 0);
        documentsChangesRequested(app, 0);
        documentsApproved(app, 2);
        awaitState(app, "DOCUMENTS_APPROVED");
        documentsChangesRequested(app, 1); // stale round after approval of round 2
        String marker = "ap-" + UUID.randomUUID();
        appointment("appointment.booked", app, marker, UUID.randomUUID().toString());
        awaitState(app, "APPOINTMENT_BOOKED");
        assertEquals(1, transitionsTo(app, "CHANGES_REQUESTED"));
    }

    @Test
    void approvalArrivingBeforeTheResubmissionIsAppliedOnResubmit() {
        String app = submittedAcme();
        documentsChangesRequested(app, 1);
        awaitState(app, "CHANGES_REQUESTED");
        documentsApproved(app, 2); // the company uploaded fixes and document-service approved round 2
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Integer.valueOf(2).equals(
                as(Tokens.officer()).get("/api/v1/applications/" + app).then().extract()
                        .path("documentsApprovedRound")));
        // still waiting on the applicant: an approval does not skip the resubmission
        assertEquals("CHANGES_REQUESTED", state(app));
        action(Tokens.hrAcme(), app, "resubmit", null).then().statusCode(200)
                .body("state", is("DOCUMENTS_APPROVED"));
    }

    @Inject
    DataSource db;

    /** True once this service's inbox recorded the event: it was handled (or skipped) without failing. */
    private boolean handled(String eventId) throws Exception {
        try (Connection c = db.getConnection(); PreparedStatement st = c.prepareStatement(
                "SELECT count(*) FROM inbox_event WHERE consumer = 'application-service' AND event_id = ?")) {
            st.setString(1, eventId);
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1) == 1;
            }
        }
    }

    @Test
    void eventsAboutUnknownApplicationsAreIgnored() {
        String unknown = UUID.randomUUID().toString();
        String foreignEvent = UUID.randomUUID().toString();
        String unknownEvent = UUID.randomUUID().toString();
        // another system's id (not one this service issues) and an id it never issued: skipped, not failed
        KafkaProbe.send("expat.document", foreignEvent, "documents.approved", "bench-" + unknown,
                "{\"applicationId\":\"bench-" + unknown + "\",\"round\":1}");
        KafkaProbe.send("expat.document", unknownEvent, "documents.approved", unknown,
                "{\"applicationId\":\"" + unknown + "\",\"round\":1}");
        appointment("appointment.booked", unknown, "ap-x", UUID.randomUUID().toString());
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> handled(foreignEvent) && handled(unknownEvent));
        String app = submittedAcme();
        documentsApproved(app, 1);
        awaitState(app, "DOCUMENTS_APPROVED"); // the consumer is still healthy after the unknown ones
        as(Tokens.officer()).get("/api/v1/applications/" + unknown).then().statusCode(404);
    }

    @Test
    void withdrawalPublishesWithdrawn() {
        String app = submittedAcme();
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            action(Tokens.hrAcme(), app, "withdraw", Map.of("comment", "left the company")).then().statusCode(200);
            assertEquals(1, probe.exactly(KafkaProbe.ofType("application.withdrawn", app), 1, Duration.ofSeconds(20))
                    .size());
            assertEquals(1, probe.exactly(r -> KafkaProbe.ofType("application.status-changed", app).test(r)
                    && r.value().contains("\"to\":\"WITHDRAWN\""), 1, Duration.ofSeconds(20)).size());
        }
    }
}
