package kz.aifc.expat.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.aifc.expat.scheduling.service.AttendanceRule;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.iso;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.GLOBEX;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.book;
import static kz.aifc.expat.scheduling.TestSupport.booked;
import static kz.aifc.expat.scheduling.TestSupport.count;
import static kz.aifc.expat.scheduling.TestSupport.remaining;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The centre's confirmation rule end to end in this service: the reminder asks at its moment, the company confirms
 * (API or one-click link), an unconfirmed visit is cancelled at the confirm deadline (24 h before it) and its seat
 * freed, officers exempt, a visit booked after its reminder moment needs no confirmation. "Now" is the pinned Friday
 * 11 December 2026, 10:00; the visits are in the test week (Monday 14th ... Friday 18th, the Wednesday a holiday), so
 * a Tuesday visit is asked on Friday at 18:00 (its nominal moment, Sunday, is no working day) and must be confirmed
 * by Monday at the same time of day. The jobs run on their own too (every 2 s): a test calls them directly only to
 * be quick, and asserts states and events, never how many rows one call handled.
 */
@QuarkusTest
class AttendanceConfirmationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "https://expat.aifc.kz/problems/";
    private static final String LINK = "/api/v1/appointments/confirm-attendance";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @Inject
    AttendanceRule rule;

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    private static LocalDate tuesday() {
        return monday().plusDays(1);
    }

    private static LocalDate thursday() {
        return monday().plusDays(3);
    }

    /** Friday before the test week, 18:05: just past the reminder moment of every Monday and Tuesday visit. */
    private static OffsetDateTime fridayEvening() {
        return at(monday().minusDays(3), 18, 5);
    }

    private static JsonNode data(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Map<String, Object> row(String id) {
        return TestSupport.rows("SELECT status, reminder_sent_at, attendance_confirmed_at, attendance_confirmed_via, "
                + "link_used_at, cancel_reason, cancelled_by FROM appointment WHERE id = ?::uuid", id).get(0);
    }

    /** Moves the clock to {@code at}, runs the reminder job and returns the app's one reminder. */
    private JsonNode remind(KafkaProbe probe, String app, OffsetDateTime at) {
        AdjustableClock.set(at.toInstant());
        rule.sendDueReminders();
        List<ConsumerRecord<String, String>> reminders = probe.await(
                KafkaProbe.ofType("appointment.reminder-due", app), 1, WAIT);
        assertEquals(1, reminders.size(), "reminder for " + app);
        return data(reminders.get(0));
    }

    private static String token(JsonNode reminder) {
        String url = reminder.get("confirmationUrl").asText();
        return url.substring(url.indexOf("token=") + "token=".length());
    }

    private static Response click(String token) {
        return RestAssured.given().accept("application/json").queryParam("token", token).get(LINK);
    }

    private static int noneOf(KafkaProbe probe, String type, String app) {
        return probe.exactly(KafkaProbe.ofType(type, app), 0, WAIT).size();
    }

    // ------------------------------------------------------------------ the reminder

    @Test
    void theReminderGoesOutAtItsOfficeHoursMomentWithTheContractPayload() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(tuesday(), 16, 30);
        String id = booked(Tokens.hrAcme(), app, start);
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("confirmBy", equalTo(iso(start.minusHours(24)))).body("reminderSentAt", nullValue())
                .body("attendanceConfirmedAt", nullValue()).body("confirmationExempt", equalTo(false));
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            // Sunday 16:30 is 48 h before; the latest office moment before it is Friday's closing time
            AdjustableClock.set(at(monday().minusDays(3), 17, 50).toInstant());
            rule.sendDueReminders();
            assertNull(row(id).get("reminder_sent_at"), "not yet at 17:50 on Friday");

            JsonNode reminder = remind(probe, app, at(monday().minusDays(3), 18, 0).plusSeconds(30));
            assertEquals(id, reminder.get("appointmentId").asText());
            assertEquals(app, reminder.get("applicationId").asText());
            assertEquals(ACME, reminder.get("companyBin").asText());
            assertEquals(TestSupport.SERVICE, reminder.get("serviceCode").asText());
            assertEquals(iso(start), reminder.get("startsAt").asText());
            assertEquals(iso(start.plusMinutes(30)), reminder.get("endsAt").asText());
            assertEquals(iso(start), reminder.get("start").asText());
            assertEquals(iso(start.minusHours(24)), reminder.get("confirmBy").asText());
            assertTrue(reminder.get("confirmationUrl").asText()
                    .startsWith("http://127.0.0.1:8084/api/v1/appointments/confirm-attendance?token="),
                    reminder.get("confirmationUrl").asText());
            assertEquals(1, probe.exactly(KafkaProbe.ofType("appointment.reminder-due", app), 1, WAIT).size(),
                    "once, though the scheduled job keeps running");
        }
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("reminderSentAt", notNullValue()).body("attendanceConfirmedAt", nullValue());
    }

    // ------------------------------------------------------------------ the link

    @Test
    void theLinkConfirmsOnceAndTheConfirmedVisitStays() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(tuesday(), 10, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            String token = token(remind(probe, app, fridayEvening()));
            // a browser gets a small page; no login
            RestAssured.given().accept("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").queryParam("token", token)
                    .get(LINK).then().statusCode(200).contentType("text/html")
                    .body(containsString("attendance confirmed"));
            List<ConsumerRecord<String, String>> confirmed = probe.exactly(
                    KafkaProbe.ofType("appointment.attendance-confirmed", app), 1, WAIT);
            assertEquals(1, confirmed.size());
            JsonNode event = data(confirmed.get(0));
            assertEquals("link", event.get("via").asText());
            assertEquals(id, event.get("appointmentId").asText());
            assertEquals(app, event.get("applicationId").asText());
            assertEquals(ACME, event.get("companyBin").asText());
            assertNotNull(OffsetDateTime.parse(event.get("confirmedAt").asText()));

            click(token).then().statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo(P + "link-used")).body("attendanceConfirmed", equalTo(true));
            // the API agrees and changes nothing
            as(Tokens.hrAcme()).post("/api/v1/appointments/" + id + "/confirm-attendance").then().statusCode(200)
                    .body("attendanceConfirmedVia", equalTo("LINK"));
            assertEquals(1, probe.collect(KafkaProbe.ofType("appointment.attendance-confirmed", app),
                    KafkaProbe.QUIET).size(), "still one confirmation event");

            // past the deadline, the confirmed visit is not cancelled
            AdjustableClock.set(start.minusHours(24).plusMinutes(30).toInstant());
            rule.cancelUnconfirmed();
            assertEquals("BOOKED", row(id).get("status"));
            assertEquals(0, noneOf(probe, "appointment.auto-cancelled", app));
        }
    }

    @Test
    void anUnconfirmedVisitIsCancelledAtTheDeadlineOnceAndItsSeatFreed() throws Exception {
        String app = TestSupport.approved(ACME);
        String neighbour = TestSupport.approved(ACME);
        OffsetDateTime start = at(tuesday(), 11, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        String other = booked(Tokens.hrAcme(), neighbour, start);
        as(Tokens.hrAcme()).post("/api/v1/appointments/" + other + "/confirm-attendance").then().statusCode(200);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            String token = token(remind(probe, app, fridayEvening()));

            AdjustableClock.set(start.minusHours(24).minusMinutes(5).toInstant());
            rule.cancelUnconfirmed();
            assertEquals("BOOKED", row(id).get("status"), "five minutes before the deadline it stands");

            AdjustableClock.set(start.minusHours(24).plusSeconds(30).toInstant());
            // two "replicas" racing, on top of the scheduled job
            CompletableFuture<Integer> a = CompletableFuture.supplyAsync(rule::cancelUnconfirmed);
            CompletableFuture<Integer> b = CompletableFuture.supplyAsync(rule::cancelUnconfirmed);
            a.get();
            b.get();
            List<ConsumerRecord<String, String>> cancelled = probe.exactly(
                    KafkaProbe.ofType("appointment.auto-cancelled", app), 1, WAIT);
            assertEquals(1, cancelled.size(), "one auto-cancellation event");
            JsonNode event = data(cancelled.get(0));
            assertEquals(id, event.get("appointmentId").asText());
            assertEquals(app, event.get("applicationId").asText());
            assertEquals(ACME, event.get("companyBin").asText());
            assertEquals(iso(start), event.get("startsAt").asText());
            assertTrue(event.get("reason").asText().contains("not confirmed by " + iso(start.minusHours(24))),
                    event.get("reason").asText());
            assertEquals(0, noneOf(probe, "appointment.cancelled", app), "auto-cancelled replaces cancelled");

            Map<String, Object> row = row(id);
            assertEquals("CANCELLED", row.get("status"));
            assertEquals("system", row.get("cancelled_by"));
            assertTrue(((String) row.get("cancel_reason")).contains("not confirmed"));
            // exactly one seat freed: the confirmed neighbour keeps its own
            assertEquals(1, TestSupport.seatsAt(start));
            assertEquals(1, TestSupport.seatsAt(start.plusMinutes(15)));
            assertEquals(2, remaining(TestSupport.SERVICE, start));
            assertEquals("BOOKED", row(other).get("status"));
            // the link has expired with the deadline, and the application may book again
            click(token).then().statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo(P + "link-expired"));
            as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/booking").then().statusCode(200)
                    .body("bookingOpen", equalTo(true)).body("activeAppointment", nullValue());
            booked(Tokens.hrAcme(), app, at(tuesday(), 12, 0));
        }
    }

    @Test
    void anAlteredOrForeignTokenIsRefusedAndTheGenuineOneStillWorks() {
        String app = TestSupport.approved(ACME);
        String id = booked(Tokens.hrAcme(), app, at(tuesday(), 14, 0));
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            String token = token(remind(probe, app, fridayEvening()));
            String[] parts = token.split("\\.");
            assertEquals(4, parts.length, token);
            String body = parts[0] + "." + parts[1] + "." + parts[2];
            char last = parts[3].charAt(parts[3].length() - 1);
            List<String> altered = List.of(
                    body + "." + parts[3].substring(0, parts[3].length() - 1) + (last == 'A' ? 'B' : 'A'),
                    parts[0] + "." + (Long.parseLong(parts[1]) + 86_400) + "." + parts[2] + "." + parts[3],
                    UUID.randomUUID() + "." + parts[1] + "." + parts[2] + "." + parts[3],
                    parts[0] + "." + parts[1] + "." + UUID.randomUUID() + "." + parts[3],
                    body,
                    body + "." + sign(body, "not-the-key-of-this-service-0123456789abcdef"),
                    token + "x", "x" + token, "garbage", "a.b.c.d", "...", "x".repeat(5000), "%00");
            for (String t : altered) {
                click(t).then().statusCode(400).contentType("application/problem+json")
                        .body("type", equalTo(P + "invalid-token"));
            }
            // a browser gets the problem as problem+json too
            RestAssured.given().accept("text/html").queryParam("token", altered.get(0)).get(LINK).then()
                    .statusCode(400).contentType("application/problem+json").body("type", equalTo(P + "invalid-token"));
            click("").then().statusCode(400).contentType("application/problem+json");
            RestAssured.given().accept("application/json").get(LINK).then().statusCode(400)
                    .contentType("application/problem+json");
            Map<String, Object> row = row(id);
            assertNull(row.get("attendance_confirmed_at"));
            assertNull(row.get("link_used_at"));
            click(token).then().statusCode(200).contentType("application/json")
                    .body("appointmentId", equalTo(id)).body("attendanceConfirmed", equalTo(true))
                    .body("alreadyConfirmed", equalTo(false));
            assertEquals("LINK", row(id).get("attendance_confirmed_via"));
        }
    }

    @Test
    void theLinkExpiresAtTheDeadlineAndDiesWithAReschedule() {
        String early = TestSupport.approved(ACME);
        OffsetDateTime earlyStart = at(tuesday(), 14, 30);
        booked(Tokens.hrAcme(), early, earlyStart);
        String moved = TestSupport.approved(ACME);
        String movedId = booked(Tokens.hrAcme(), moved, at(thursday(), 10, 0));
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            String expiring = token(remind(probe, early, fridayEvening()));
            AdjustableClock.set(earlyStart.minusHours(24).plusSeconds(30).toInstant());
            click(expiring).then().statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo(P + "link-expired"));

            // a Thursday visit is asked on Tuesday at the same time of day
            String old = token(remind(probe, moved, at(tuesday(), 10, 5)));
            OffsetDateTime newStart = at(monday().plusDays(4), 10, 30);
            as(Tokens.hrAcme()).body(Map.of("start", iso(newStart)))
                    .post("/api/v1/appointments/" + movedId + "/reschedule").then().statusCode(200)
                    .body("reminderSentAt", nullValue()).body("confirmBy", equalTo(iso(newStart.minusHours(24))));
            click(old).then().statusCode(410).contentType("application/problem+json")
                    .body("type", equalTo(P + "link-superseded"));
            // the new time is asked afresh: Friday's visit on Tuesday at closing (Wednesday is the holiday)
            AdjustableClock.set(at(tuesday(), 18, 0).plusSeconds(30).toInstant());
            rule.sendDueReminders();
            List<ConsumerRecord<String, String>> reminders = probe.await(
                    KafkaProbe.ofType("appointment.reminder-due", moved), 2, WAIT);
            assertEquals(2, reminders.size());
            JsonNode second = data(reminders.get(1));
            assertEquals(iso(newStart), second.get("startsAt").asText());
            click(token(second)).then().statusCode(200).body("attendanceConfirmed", equalTo(true));
        }
    }

    // ------------------------------------------------------------------ confirmation through the API, exemption

    @Test
    void aVisitConfirmedThroughTheApiIsNotAskedAndStays() {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(tuesday(), 15, 0);
        String id = booked(Tokens.hrAcme(), app, start);
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            String confirmedAt = as(Tokens.partnerAcme()).post("/api/v1/appointments/" + id + "/confirm-attendance")
                    .then().statusCode(200).body("attendanceConfirmedVia", equalTo("API"))
                    .body("status", equalTo("BOOKED")).extract().path("attendanceConfirmedAt");
            as(Tokens.hrAcme()).post("/api/v1/appointments/" + id + "/confirm-attendance").then().statusCode(200)
                    .body("attendanceConfirmedAt", equalTo(confirmedAt)).body("attendanceConfirmedVia", equalTo("API"));
            List<ConsumerRecord<String, String>> events = probe.exactly(
                    KafkaProbe.ofType("appointment.attendance-confirmed", app), 1, WAIT);
            assertEquals(1, events.size(), "idempotent: one event");
            assertEquals("api", data(events.get(0)).get("via").asText());
            assertEquals(confirmedAt, data(events.get(0)).get("confirmedAt").asText());

            AdjustableClock.set(fridayEvening().toInstant());
            rule.sendDueReminders();
            assertEquals(0, noneOf(probe, "appointment.reminder-due", app), "nothing to ask");
            AdjustableClock.set(start.minusHours(24).plusSeconds(30).toInstant());
            rule.cancelUnconfirmed();
            assertEquals("BOOKED", row(id).get("status"));
        }
    }

    @Test
    void anExemptedVisitIsNeitherAskedNorCancelledNorConfirmableAfterTheDeadline() {
        String before = TestSupport.approved(ACME);
        OffsetDateTime beforeStart = at(tuesday(), 15, 30);
        String beforeId = booked(Tokens.hrAcme(), before, beforeStart);
        String after = TestSupport.approved(ACME);
        String afterId = booked(Tokens.hrAcme(), after, at(tuesday(), 16, 0));
        as(Tokens.officer()).body(Map.of("reason", "applicant confirmed by phone"))
                .post("/api/v1/appointments/" + beforeId + "/exempt-confirmation").then().statusCode(200)
                .body("confirmationExempt", equalTo(true))
                .body("confirmationExemptReason", equalTo("applicant confirmed by phone"))
                .body("confirmationExemptBy", equalTo("officer1"));
        as(Tokens.admin()).body(Map.of("reason", "second thoughts"))
                .post("/api/v1/appointments/" + beforeId + "/exempt-confirmation").then().statusCode(200)
                .body("confirmationExemptReason", equalTo("applicant confirmed by phone"));
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            // exempted after the reminder went out: the usual case (the company phoned)
            remind(probe, after, fridayEvening());
            as(Tokens.officer()).body(Map.of("reason", "VIP delegation"))
                    .post("/api/v1/appointments/" + afterId + "/exempt-confirmation").then().statusCode(200);
            assertEquals(0, noneOf(probe, "appointment.reminder-due", before), "the exempted one is not asked");

            AdjustableClock.set(at(tuesday(), 9, 0).toInstant()); // past both deadlines, before both visits
            rule.cancelUnconfirmed();
            assertEquals("BOOKED", row(beforeId).get("status"));
            assertEquals("BOOKED", row(afterId).get("status"));
            assertEquals(0, noneOf(probe, "appointment.auto-cancelled", after));
            as(Tokens.hrAcme()).post("/api/v1/appointments/" + beforeId + "/confirm-attendance").then()
                    .statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo(P + "confirm-deadline-passed"))
                    .body("confirmBy", equalTo(iso(beforeStart.minusHours(24))));
        }
    }

    @Test
    void aVisitBookedAfterItsReminderMomentCountsAsConfirmedByTheBooking() {
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            AdjustableClock.set(at(monday(), 9, 0).toInstant());
            String tomorrow = TestSupport.approved(ACME);
            String tomorrowId = booked(Tokens.hrAcme(), tomorrow, at(tuesday(), 12, 30)); // 27.5 h ahead
            String today = TestSupport.approved(ACME);
            String todayId = booked(Tokens.hrAcme(), today, at(monday(), 16, 30)); // 7.5 h ahead
            rule.sendDueReminders();
            assertEquals("BOOKING", row(tomorrowId).get("attendance_confirmed_via"));
            assertEquals("BOOKING", row(todayId).get("attendance_confirmed_via"));
            as(Tokens.hrAcme()).get("/api/v1/appointments/" + tomorrowId).then()
                    .body("attendanceConfirmedVia", equalTo("BOOKING")).body("attendanceConfirmedAt", notNullValue());
            assertEquals(0, noneOf(probe, "appointment.reminder-due", tomorrow));
            assertEquals(0, noneOf(probe, "appointment.reminder-due", today));

            AdjustableClock.set(at(monday(), 16, 0).toInstant()); // inside 24 h of both
            rule.cancelUnconfirmed();
            assertEquals("BOOKED", row(tomorrowId).get("status"));
            assertEquals("BOOKED", row(todayId).get("status"));
        }
    }

    @Test
    void confirmingNeedsABookedAppointment() {
        String held = TestSupport.approved(ACME);
        String heldId = book(Tokens.hrAcme(), held, at(thursday(), 12, 30), true).then().statusCode(201)
                .extract().path("id");
        as(Tokens.hrAcme()).post("/api/v1/appointments/" + heldId + "/confirm-attendance").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(P + "invalid-state"));
        String cancelled = TestSupport.approved(ACME);
        String cancelledId = booked(Tokens.hrAcme(), cancelled, at(thursday(), 14, 0));
        as(Tokens.hrAcme()).body(Map.of()).post("/api/v1/appointments/" + cancelledId + "/cancel").then()
                .statusCode(200);
        as(Tokens.hrAcme()).post("/api/v1/appointments/" + cancelledId + "/confirm-attendance").then()
                .statusCode(409).contentType("application/problem+json").body("type", equalTo(P + "invalid-state"));
        as(Tokens.officer()).body(Map.of("reason", "x"))
                .post("/api/v1/appointments/" + cancelledId + "/exempt-confirmation").then().statusCode(409)
                .contentType("application/problem+json");
    }

    // ------------------------------------------------------------------ roles, tenants, bad input

    @Test
    void onlyTheOwningCompanyConfirms() {
        String app = TestSupport.approved(ACME);
        String id = booked(Tokens.hrAcme(), app, at(thursday(), 11, 0));
        String path = "/api/v1/appointments/" + id + "/confirm-attendance";
        for (String token : List.of(Tokens.officer(), Tokens.admin(), Tokens.applicant(), notifier())) {
            as(token).post(path).then().statusCode(403).contentType("application/problem+json");
        }
        RestAssured.given().post(path).then().statusCode(401).contentType("application/problem+json");
        for (String token : List.of(Tokens.hrGlobex(), Tokens.partnerGlobex())) {
            as(token).post(path).then().statusCode(404).contentType("application/problem+json")
                    .body("type", equalTo(P + "not-found"));
        }
        as(Tokens.hrAcme()).post("/api/v1/appointments/" + UUID.randomUUID() + "/confirm-attendance").then()
                .statusCode(404).contentType("application/problem+json");
        as(Tokens.hrAcme()).post("/api/v1/appointments/not-a-uuid/confirm-attendance").then()
                .statusCode(400).contentType("application/problem+json");
        assertNull(row(id).get("attendance_confirmed_at"), "no refused call confirmed it");
        as(Tokens.hrAcme()).post(path).then().statusCode(200).body("attendanceConfirmedVia", equalTo("API"));
    }

    @Test
    void onlyOfficersExemptAndMustSayWhy() {
        String app = TestSupport.approved(ACME);
        String id = booked(Tokens.hrAcme(), app, at(thursday(), 11, 30));
        String path = "/api/v1/appointments/" + id + "/exempt-confirmation";
        Map<String, String> body = Map.of("reason", "known visitor");
        for (String token : List.of(Tokens.hrAcme(), Tokens.partnerAcme(), Tokens.applicant(), notifier())) {
            as(token).body(body).post(path).then().statusCode(403).contentType("application/problem+json");
        }
        RestAssured.given().contentType("application/json").body(body).post(path).then().statusCode(401)
                .contentType("application/problem+json");
        for (Object bad : List.of(Map.of(), Map.of("reason", ""), Map.of("reason", "   "),
                Map.of("reason", "x".repeat(501)), List.of("reason"))) {
            as(Tokens.officer()).body(bad).post(path).then().statusCode(400).contentType("application/problem+json");
        }
        as(Tokens.officer()).post(path).then().statusCode(400).contentType("application/problem+json");
        as(Tokens.officer()).body(body).post("/api/v1/appointments/" + UUID.randomUUID() + "/exempt-confirmation")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, count("SELECT count(*) FROM appointment WHERE id = ?::uuid "
                + "AND confirmation_exempt_at IS NOT NULL", id), "no refused call exempted it");
        as(Tokens.officer()).body(body).post(path).then().statusCode(200).body("confirmationExempt", equalTo(true));
    }

    @Test
    void theNotifierReadsAppointmentsAndCalendarFilesOfEveryCompanyAndNothingElse() {
        String acme = TestSupport.approved(ACME);
        String acmeId = booked(Tokens.hrAcme(), acme, at(thursday(), 12, 0));
        String globex = TestSupport.approved(GLOBEX);
        String globexId = booked(Tokens.hrGlobex(), globex, at(thursday(), 15, 0));
        String notifier = notifier();
        for (String[] owned : List.of(new String[]{acmeId, ACME}, new String[]{globexId, GLOBEX})) {
            as(notifier).get("/api/v1/appointments/" + owned[0]).then().statusCode(200)
                    .body("id", equalTo(owned[0])).body("companyBin", equalTo(owned[1]));
            as(notifier).get("/api/v1/appointments/" + owned[0] + "/calendar.ics").then().statusCode(200)
                    .contentType("text/calendar").body(containsString("BEGIN:VEVENT"));
        }
        as(notifier).get("/api/v1/appointments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        // a company still sees only its own
        as(Tokens.hrGlobex()).get("/api/v1/appointments/" + acmeId).then().statusCode(404);
        as(Tokens.hrGlobex()).get("/api/v1/appointments/" + acmeId + "/calendar.ics").then().statusCode(404);
        // reading is all it may do
        as(notifier).get("/api/v1/appointments").then().statusCode(403);
        as(notifier).get("/api/v1/applications/" + acme + "/booking").then().statusCode(403);
        as(notifier).post("/api/v1/appointments/" + acmeId + "/confirm").then().statusCode(403);
        as(notifier).body(Map.of("reason", "x")).post("/api/v1/appointments/" + acmeId + "/cancel").then()
                .statusCode(403);
        as(notifier).body(Map.of("start", iso(at(thursday(), 16, 0))))
                .post("/api/v1/appointments/" + acmeId + "/reschedule").then().statusCode(403);
        book(notifier, acme, at(thursday(), 16, 0), false).then().statusCode(403);
        assertEquals("BOOKED", row(acmeId).get("status"));
    }

    /** The notification-service's service account of the realm (role notifier, no company). */
    private static String notifier() {
        return Tokens.client("notification-service", "notification-service-secret");
    }

    private static String sign(String body, String key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    mac.doFinal(("attendance-link.v1|" + body).getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
