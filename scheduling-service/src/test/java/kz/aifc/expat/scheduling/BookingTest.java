package kz.aifc.expat.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.iso;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.book;
import static kz.aifc.expat.scheduling.TestSupport.booked;
import static kz.aifc.expat.scheduling.TestSupport.count;
import static kz.aifc.expat.scheduling.TestSupport.remaining;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class BookingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "https://expat.aifc.kz/problems/";

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    private static JsonNode data(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static ConsumerRecord<String, String> awaitEvent(KafkaProbe probe, String type, String applicationId) {
        List<ConsumerRecord<String, String>> found = probe.await(KafkaProbe.ofType(type, applicationId), 1,
                Duration.ofSeconds(90));
        if (found.isEmpty()) {
            throw new AssertionError("no " + type + " for " + applicationId);
        }
        return found.get(0);
    }

    @Test
    void bookingIsRefusedBeforeApprovalAndAllowedAfterTheEvent() throws Exception {
        String app = TestSupport.newApplicationId();
        OffsetDateTime start = at(monday(), 10, 0);
        book(Tokens.hrAcme(), app, start, false).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(P + "booking-not-open"));

        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            TestSupport.sendDocumentsApproved(app, ACME, "work-visa-issuance", 1);
            TestSupport.awaitOpen(app, true);
            String id = book(Tokens.hrAcme(), app, start, false).then().statusCode(201)
                    .header("Location", org.hamcrest.Matchers.containsString("/api/v1/appointments/"))
                    .body("status", equalTo("BOOKED")).body("start", equalTo(iso(start)))
                    .body("end", equalTo(iso(start.plusMinutes(30)))).body("counter", nullValue())
                    .extract().path("id");
            JsonNode event = data(awaitEvent(probe, "appointment.booked", app));
            assertEquals(id, event.get("appointmentId").asText());
            assertEquals(ACME, event.get("companyBin").asText());
            assertEquals("work-visa-issuance", event.get("serviceCode").asText());
            assertEquals(iso(start), event.get("start").asText());
            assertEquals("hr.acme", event.get("actor").asText());
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/booking").then().statusCode(200)
                .body("bookingOpen", equalTo(true)).body("activeAppointment.start", equalTo(iso(start)));
        assertEquals(2, remaining("work-visa-issuance", start));
    }

    @Test
    void oneActiveAppointmentPerApplication() {
        String app = TestSupport.approved(ACME);
        String first = booked(Tokens.hrAcme(), app, at(monday(), 11, 0));
        book(Tokens.hrAcme(), app, at(monday(), 11, 30), false).then().statusCode(409)
                .body("type", equalTo(P + "active-appointment-exists")).body("appointmentId", equalTo(first));
        book(Tokens.officer(), app, at(monday(), 12, 0), true).then().statusCode(409);
        assertEquals(1, count("SELECT count(*) FROM appointment WHERE application_id = ? AND status IN "
                + "('HELD','BOOKED','CHECKED_IN')", app));
        // after a cancellation the application may book again
        as(Tokens.hrAcme()).body(Map.of()).post("/api/v1/appointments/" + first + "/cancel").then().statusCode(200)
                .body("status", equalTo("CANCELLED"));
        booked(Tokens.hrAcme(), app, at(monday(), 12, 0));
    }

    @Test
    void theDatabaseRefusesASecondActiveAppointmentEvenWithoutTheJavaCheck() {
        String app = TestSupport.approved(ACME);
        booked(Tokens.hrAcme(), app, at(monday(), 14, 0));
        OffsetDateTime start = at(monday(), 14, 0);
        // a second active appointment of the same application: only the unique index appointment_one_active can
        // refuse it (every other constraint is satisfied)
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestSupport.update("INSERT INTO appointment (id, application_id, company_bin, service_code, "
                        + "starts_at, ends_at, status, created_by, created_at, updated_at) "
                        + "VALUES (?, ?, ?, 'x', ?, ?, 'BOOKED', 't', now(), now())", UUID.randomUUID(), app, ACME,
                        start.plusHours(1), start.plusHours(1).plusMinutes(30)));
        java.sql.SQLException cause = (java.sql.SQLException) refused.getCause();
        assertEquals("23505", cause.getSQLState(), cause.getMessage());
        org.junit.jupiter.api.Assertions.assertTrue(cause.getMessage().contains("appointment_one_active"),
                cause.getMessage());
        // and no bucket holds more visits than its capacity
        IllegalStateException overbooked = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> TestSupport.update("UPDATE seat_bucket SET booked = capacity + 1 WHERE starts_at = ?", start));
        assertEquals("23514", ((java.sql.SQLException) overbooked.getCause()).getSQLState(), "check_violation");
    }

    @Test
    void holdThenConfirm() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday(), 15, 0);
        int before = remaining("work-visa-issuance", start);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            String id = book(Tokens.hrAcme(), app, start, true).then().statusCode(201)
                    .body("status", equalTo("HELD")).body("holdExpiresAt", notNullValue()).extract().path("id");
            assertEquals(before - 1, remaining("work-visa-issuance", start), "a hold takes a seat");
            as(Tokens.hrAcme()).post("/api/v1/appointments/" + id + "/confirm").then().statusCode(200)
                    .body("status", equalTo("BOOKED"));
            assertEquals(id, data(awaitEvent(probe, "appointment.booked", app)).get("appointmentId").asText());
        }
    }

    @Test
    void anUnconfirmedHoldExpiresAndReleasesTheSeat() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday(), 15, 30);
        int before = remaining("work-visa-issuance", start);
        String id = book(Tokens.hrAcme(), app, start, true).then().statusCode(201).extract().path("id");
        assertEquals(before - 1, remaining("work-visa-issuance", start));
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "EXPIRED".equals(
                as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().extract().path("status")));
        assertEquals(before, remaining("work-visa-issuance", start), "the seat is free again");
        as(Tokens.hrAcme()).post("/api/v1/appointments/" + id + "/confirm").then().statusCode(409)
                .body("type", equalTo(P + "invalid-state"));
        booked(Tokens.hrAcme(), app, start); // the application is free to book again
    }

    @Test
    void confirmingAfterTheHoldTimeIsRefusedEvenBeforeTheSweep() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday().plusDays(1), 9, 0);
        String id = book(Tokens.hrAcme(), app, start, true).then().statusCode(201).extract().path("id");
        // stop the sweeper from getting there first: the hold is looked at with a clock past its expiry
        AdjustableClock.set(AdjustableClock.now().plusMinutes(10).toInstant());
        int status = as(Tokens.hrAcme()).post("/api/v1/appointments/" + id + "/confirm").then().extract().statusCode();
        assertEquals(409, status);
    }

    @Test
    void companiesCancelAndRescheduleOnlyUpToTheMinimumNotice() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday(), 16, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        AdjustableClock.set(start.minusHours(23).toInstant());
        as(Tokens.hrAcme()).body(Map.of("reason", "sick")).post("/api/v1/appointments/" + id + "/cancel")
                .then().statusCode(422).body("type", equalTo(P + "rule-violated/min-notice"));
        as(Tokens.partnerAcme()).body(Map.of("start", iso(at(monday().plusDays(1), 16, 0))))
                .post("/api/v1/appointments/" + id + "/reschedule")
                .then().statusCode(422).body("type", equalTo(P + "rule-violated/min-notice"));
        // an officer may cancel at any time, but must say why
        as(Tokens.officer()).body(Map.of()).post("/api/v1/appointments/" + id + "/cancel").then().statusCode(400);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            as(Tokens.officer()).body(Map.of("reason", "officer unavailable"))
                    .post("/api/v1/appointments/" + id + "/cancel").then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("officer1"));
            JsonNode event = data(awaitEvent(probe, "appointment.cancelled", app));
            assertEquals("officer unavailable", event.get("reason").asText());
        }
        AdjustableClock.reset();
        assertEquals(0, TestSupport.seatsAt(start), "the seat was released");
    }

    @Test
    void rescheduleMovesTheSeat() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime from = at(monday().plusDays(3), 9, 0);
        OffsetDateTime to = at(monday().plusDays(4), 9, 0);
        String id = booked(Tokens.hrAcme(), app, from);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            as(Tokens.hrAcme()).body(Map.of("start", iso(to))).post("/api/v1/appointments/" + id + "/reschedule")
                    .then().statusCode(200).body("start", equalTo(iso(to))).body("status", equalTo("BOOKED"));
            JsonNode event = data(awaitEvent(probe, "appointment.rescheduled", app));
            assertEquals(iso(to), event.get("start").asText());
        }
        assertEquals(0, TestSupport.seatsAt(from));
        assertEquals(1, TestSupport.seatsAt(to));
        as(Tokens.hrAcme()).body(Map.of("start", iso(at(TestCalendar.holiday(), 9, 0))))
                .post("/api/v1/appointments/" + id + "/reschedule").then().statusCode(422);
    }

    @Test
    void changesRequestedCancelsTheAppointmentAndClosesBooking() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday().plusDays(1), 10, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            TestSupport.sendChangesRequested(app, ACME, 1);
            JsonNode event = data(awaitEvent(probe, "appointment.cancelled", app));
            assertEquals(id, event.get("appointmentId").asText());
            assertEquals("system", event.get("actor").asText());
        }
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().body("status", equalTo("CANCELLED"));
        assertEquals(0, TestSupport.seatsAt(start));
        book(Tokens.hrAcme(), app, start, false).then().statusCode(409).body("type", equalTo(P + "booking-not-open"))
                .body("closedReason", equalTo("CHANGES_REQUESTED"));
        // a late duplicate of the old approval does not reopen booking; the next round's approval does
        TestSupport.sendDocumentsApproved(app, ACME, "work-visa-issuance", 1);
        TestSupport.sendDocumentsApproved(app, ACME, "work-visa-issuance", 2);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "SELECT count(*) FROM bookable_application WHERE application_id = ? AND open AND round = 2", app) == 1);
        booked(Tokens.hrAcme(), app, start);
    }

    @Test
    void correctedDocumentsApprovedAfterTheVisitDoNotOpenBooking() {
        // documents.approved with bookingNeeded false for an application not seen before: remembered, closed
        String fresh = TestSupport.newApplicationId();
        TestSupport.sendDocumentsApproved(fresh, ACME, "work-visa-issuance", 2, false);
        TestSupport.awaitOpen(fresh, false);
        as(Tokens.hrAcme()).get("/api/v1/applications/" + fresh + "/booking").then().statusCode(200)
                .body("bookingOpen", equalTo(false)).body("closedReason", equalTo("ORIGINALS_RECEIVED"));
        book(Tokens.hrAcme(), fresh, at(monday().plusDays(1), 12, 0), false).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(P + "booking-not-open"));

        // sent back, then the corrected documents approved with no visit needed: booking stays closed
        String app = TestSupport.approved(ACME); // the field absent: opens as before
        TestSupport.sendChangesRequested(app, ACME, 1);
        TestSupport.awaitOpen(app, false);
        TestSupport.sendDocumentsApproved(app, ACME, "work-visa-issuance", 2, false);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> count(
                "SELECT count(*) FROM bookable_application WHERE application_id = ? AND round = 2", app) == 1);
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/booking").then().statusCode(200)
                .body("bookingOpen", equalTo(false)).body("closedReason", equalTo("ORIGINALS_RECEIVED"));
        book(Tokens.hrAcme(), app, at(monday().plusDays(1), 12, 0), false).then().statusCode(409)
                .body("type", equalTo(P + "booking-not-open"));

        // bookingNeeded true opens booking as an approval always did
        String needed = TestSupport.newApplicationId();
        TestSupport.sendDocumentsApproved(needed, ACME, "work-visa-issuance", 1, true);
        TestSupport.awaitOpen(needed, true);
        booked(Tokens.hrAcme(), needed, at(monday().plusDays(1), 12, 0));
    }

    @Test
    void withdrawalCancelsTheAppointmentForGood() {
        String app = TestSupport.approved(ACME);
        String id = booked(Tokens.hrAcme(), app, at(monday().plusDays(1), 10, 30));
        TestSupport.sendWithdrawn(app, ACME);
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "CANCELLED".equals(
                as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().extract().path("status")));
        TestSupport.sendDocumentsApproved(app, ACME, "work-visa-issuance", 5);
        TestSupport.awaitOpen(app, false);
        book(Tokens.hrAcme(), app, at(monday().plusDays(1), 10, 30), false).then().statusCode(409);
    }

    @Test
    void anApplicationCancelledByStatusChangeLosesItsAppointment() {
        String app = TestSupport.approved(ACME);
        String id = booked(Tokens.hrAcme(), app, at(monday().plusDays(1), 11, 0));
        // other transitions are ignored; "to CANCELLED" closes booking
        for (String to : List.of("APPOINTMENT_BOOKED", "CANCELLED")) {
            kz.aifc.expat.testing.KafkaProbe.send("expat.application", UUID.randomUUID().toString(),
                    "application.status-changed", app, "{\"applicationId\":\"" + app + "\",\"companyBin\":\""
                            + ACME + "\",\"serviceCode\":\"work-visa-issuance\",\"from\":\"X\",\"to\":\""
                            + to + "\",\"actor\":\"officer1\",\"at\":\"" + AdjustableClock.now() + "\"}");
        }
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "CANCELLED".equals(
                as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().extract().path("status")));
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/booking").then()
                .body("bookingOpen", equalTo(false)).body("closedReason", equalTo("CANCELLED"));
    }

    @Test
    void officerDayCheckInAndCompletion() {
        String app = TestSupport.approved(ACME);
        LocalDate day = monday().plusDays(4);
        OffsetDateTime start = at(day, 11, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        as(Tokens.officer()).post("/api/v1/appointments/" + id + "/check-in").then().statusCode(422)
                .body("type", equalTo(P + "rule-violated/not-today"));
        AdjustableClock.set(start.minusMinutes(5).toInstant());
        as(Tokens.officer()).queryParam("date", day.toString()).get("/api/v1/officer/day").then().statusCode(200)
                .body("countersOpen", equalTo(3)).body("waiting.id", hasItem(id))
                .body("counters.appointments.flatten().id", not(hasItem(id)));
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            as(Tokens.officer()).post("/api/v1/appointments/" + id + "/check-in").then().statusCode(200)
                    .body("status", equalTo("CHECKED_IN")).body("counter", equalTo(1));
            as(Tokens.officer()).queryParam("date", day.toString()).get("/api/v1/officer/day").then()
                    .statusCode(200).body("waiting.id", not(hasItem(id)))
                    .body("counters.find { it.counter == 1 }.appointments.id", hasItem(id));
            as(Tokens.officer()).post("/api/v1/appointments/" + id + "/complete").then().statusCode(200)
                    .body("status", equalTo("COMPLETED"));
            awaitEvent(probe, "appointment.checked-in", app);
            JsonNode completed = data(awaitEvent(probe, "appointment.completed", app));
            assertEquals(id, completed.get("appointmentId").asText());
        }
        as(Tokens.officer()).post("/api/v1/appointments/" + id + "/complete").then().statusCode(409);
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/booking").then()
                .body("bookingOpen", equalTo(false)).body("closedReason", equalTo("ORIGINALS_RECEIVED"));
    }

    @Test
    void aNoShowFreesTheApplicationToBookAgain() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday().plusDays(4), 12, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        as(Tokens.officer()).post("/api/v1/appointments/" + id + "/no-show").then().statusCode(422)
                .body("type", equalTo(P + "rule-violated/not-started"));
        AdjustableClock.set(start.plusMinutes(20).toInstant());
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            as(Tokens.admin()).post("/api/v1/appointments/" + id + "/no-show").then().statusCode(200)
                    .body("status", equalTo("NO_SHOW"));
            awaitEvent(probe, "appointment.no-show", app);
        }
        AdjustableClock.reset();
        booked(Tokens.hrAcme(), app, at(monday().plusDays(4), 14, 0));
    }

    @Test
    void onlyOfficersRunTheDesk() {
        String app = TestSupport.approved(ACME);
        String id = booked(Tokens.hrAcme(), app, at(monday().plusDays(4), 14, 30));
        for (String action : List.of("check-in", "no-show", "complete")) {
            as(Tokens.hrAcme()).post("/api/v1/appointments/" + id + "/" + action).then().statusCode(403)
                    .contentType("application/problem+json");
        }
        as(Tokens.hrAcme()).get("/api/v1/officer/day").then().statusCode(403);
        book(Tokens.applicant(), app, at(monday().plusDays(4), 15, 0), false).then().statusCode(403);
        as(Tokens.applicant()).get("/api/v1/appointments/" + id).then().statusCode(403);
        io.restassured.RestAssured.given().get("/api/v1/appointments/" + id).then().statusCode(401);
    }

    @Test
    void anotherCompanySeesNothing() {
        String app = TestSupport.approved(ACME);
        String id = booked(Tokens.hrAcme(), app, at(monday().plusDays(4), 15, 30));
        for (String token : List.of(Tokens.hrGlobex(), Tokens.partnerGlobex())) {
            as(token).get("/api/v1/appointments/" + id).then().statusCode(404)
                    .contentType("application/problem+json").body("type", equalTo(P + "not-found"));
            as(token).get("/api/v1/appointments/" + id + "/calendar.ics").then().statusCode(404);
            as(token).post("/api/v1/appointments/" + id + "/confirm").then().statusCode(404);
            as(token).body(Map.of()).post("/api/v1/appointments/" + id + "/cancel").then().statusCode(404);
            as(token).body(Map.of("start", iso(at(monday().plusDays(4), 16, 0))))
                    .post("/api/v1/appointments/" + id + "/reschedule").then().statusCode(404);
            as(token).get("/api/v1/applications/" + app + "/booking").then().statusCode(404);
            book(token, app, at(monday().plusDays(4), 16, 0), false).then().statusCode(404);
            as(token).queryParam("applicationId", app).get("/api/v1/appointments").then().statusCode(200)
                    .body("size()", equalTo(0));
        }
        as(Tokens.partnerAcme()).get("/api/v1/appointments/" + id).then().statusCode(200);
        as(Tokens.officer()).get("/api/v1/appointments/" + id).then().statusCode(200);
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + UUID.randomUUID()).then().statusCode(404);
        as(Tokens.hrAcme()).get("/api/v1/appointments/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void badRequestsAre4xx() {
        String app = TestSupport.approved(ACME);
        as(Tokens.hrAcme()).body(Map.of("applicationId", app, "start", "next monday"))
                .post("/api/v1/appointments").then().statusCode(400).contentType("application/problem+json");
        as(Tokens.hrAcme()).body(Map.of("applicationId", app)).post("/api/v1/appointments").then().statusCode(400);
        as(Tokens.hrAcme()).body("{").post("/api/v1/appointments").then().statusCode(400);
        as(Tokens.hrAcme()).queryParam("status", "NOPE").get("/api/v1/appointments").then().statusCode(400);
    }

    @Test
    void idempotencyKeyReplaysTheBooking() {
        String app = TestSupport.approved(ACME);
        Map<String, Object> body = Map.of("applicationId", app, "start", iso(at(monday().plusDays(4), 16, 30)));
        String key = UUID.randomUUID().toString();
        String id = as(Tokens.partnerAcme()).header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(201).extract().path("id");
        as(Tokens.partnerAcme()).header("Idempotency-Key", key).body(body).post("/api/v1/appointments")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertEquals(1, count("SELECT count(*) FROM appointment WHERE application_id = ?", app));
    }
}
