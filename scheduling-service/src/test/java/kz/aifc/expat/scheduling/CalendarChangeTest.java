package kz.aifc.expat.scheduling;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import kz.aifc.expat.scheduling.service.BookingSql;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.GLOBEX;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.book;
import static kz.aifc.expat.scheduling.TestSupport.booked;
import static kz.aifc.expat.scheduling.TestSupport.count;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code catalog.calendar-changed} reaching booked visits (issue 13). The dates are in June 2031, far from any real
 * case and from every other test: the clock stands on Friday 13 June 2031 so they lie inside the booking window.
 * The real catalog-service is told the same change (PUT/DELETE as admin, undone after each test), so the catalog and
 * the event agree as they do in production; the event itself is injected into this run's topic.
 */
@QuarkusTest
class CalendarChangeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String P = "https://expat.aifc.kz/problems/";
    private static final OffsetDateTime NOW = at(LocalDate.of(2031, 6, 13), 10, 0);
    /** Tuesday: becomes a holiday. */
    private static final LocalDate HOLIDAY = LocalDate.of(2031, 6, 17);
    /** Wednesday: a neighbour the change must not touch. */
    private static final LocalDate NEXT_DAY = LocalDate.of(2031, 6, 18);
    /** Thursday: closed while a booking races the change. */
    private static final LocalDate RACED = LocalDate.of(2031, 6, 19);
    /** Friday: changes arriving out of order. */
    private static final LocalDate REORDERED = LocalDate.of(2031, 6, 20);
    /** Saturday: becomes a transferred working day. */
    private static final LocalDate SATURDAY = LocalDate.of(2031, 6, 21);

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @BeforeEach
    void clock() {
        AdjustableClock.set(NOW.toInstant());
    }

    @AfterEach
    void undo() {
        AdjustableClock.reset();
        for (LocalDate d : List.of(HOLIDAY, SATURDAY)) {
            TestCalendar.removeCatalogDay(d);
        }
    }

    private static List<String> starts(LocalDate date) {
        return RestAssured.given().queryParam("serviceCode", TestSupport.SERVICE).queryParam("from", date.toString())
                .queryParam("to", date.toString()).get("/api/v1/slots").then().statusCode(200)
                .extract().path("slots.start");
    }

    private static JsonNode data(ConsumerRecord<String, String> r) {
        try {
            return JSON.readTree(r.value());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static String status(String appointmentId) {
        return as(Tokens.officer()).get("/api/v1/appointments/" + appointmentId).then().statusCode(200)
                .extract().path("status");
    }

    @Test
    void aNewHolidayClosesTheDayCancelsItsVisitsAndItsRemovalOpensItAgain() {
        String acme = TestSupport.approved(ACME);
        String globex = TestSupport.approved(GLOBEX);
        String elsewhere = TestSupport.approved(ACME);
        String visit = booked(Tokens.hrAcme(), acme, at(HOLIDAY, 10, 0));
        String globexVisit = booked(Tokens.hrGlobex(), globex, at(HOLIDAY, 14, 0));
        String untouched = booked(Tokens.hrAcme(), elsewhere, at(NEXT_DAY, 10, 0));
        assertEquals(16, starts(HOLIDAY).size(), "a working day as the catalog knew it (now cached)");

        TestCalendar.putCatalogDay(HOLIDAY, false, "HOLIDAY", "Тестовый праздник", "Test holiday");
        String reason = "the office is closed on " + HOLIDAY + ": Тестовый праздник; please book another day";
        try (KafkaProbe probe = new KafkaProbe("expat.appointment")) {
            String event = TestSupport.sendCalendarChanged(HOLIDAY, false, "HOLIDAY", "Тестовый праздник",
                    "Test holiday", AdjustableClock.now());
            // delivered twice (a relay re-send): applied once
            TestSupport.sendCalendarChanged(event, HOLIDAY, false, "HOLIDAY", "Тестовый праздник",
                    "Test holiday", AdjustableClock.now());
            for (String[] cancelled : List.of(new String[]{acme, visit}, new String[]{globex, globexVisit})) {
                List<ConsumerRecord<String, String>> events = probe.exactly(
                        KafkaProbe.ofType("appointment.cancelled", cancelled[0]), 1, Duration.ofSeconds(90));
                assertEquals(1, events.size(), "one appointment.cancelled for " + cancelled[0]);
                JsonNode e = data(events.get(0));
                assertEquals(cancelled[1], e.get("appointmentId").asText());
                assertEquals(reason, e.get("reason").asText());
                assertEquals("system", e.get("actor").asText());
            }
        }
        for (String id : List.of(visit, globexVisit)) {
            as(Tokens.officer()).get("/api/v1/appointments/" + id).then().statusCode(200)
                    .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo(reason));
        }
        assertEquals("BOOKED", status(untouched), "the next day keeps its visit");
        assertEquals(0, count("SELECT coalesce(sum(booked), 0) FROM seat_bucket WHERE starts_at >= ? AND starts_at < ?",
                at(HOLIDAY, 0, 0), at(HOLIDAY.plusDays(1), 0, 0)), "every seat of the day freed");
        assertTrue(starts(HOLIDAY).isEmpty(), "no slots on the new holiday");
        book(Tokens.hrAcme(), acme, at(HOLIDAY, 10, 0), false).then().statusCode(422)
                .contentType("application/problem+json").body("type", equalTo(P + "rule-violated/no-such-slot"));
        // the application may book another day at once
        as(Tokens.hrAcme()).get("/api/v1/applications/" + acme + "/booking").then().body("bookingOpen", equalTo(true));
        // the closed day stays closed when the cached calendar is thrown away (the catalog says so too)
        as(Tokens.admin()).post("/api/v1/admin/calendar/refresh").then().statusCode(204);
        assertTrue(starts(HOLIDAY).isEmpty());

        // the admin removes the holiday again: the day opens, nothing to cancel
        TestCalendar.removeCatalogDay(HOLIDAY);
        TestSupport.sendCalendarChanged(HOLIDAY, true, "WORKING_DAY", null, null, AdjustableClock.now());
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> starts(HOLIDAY).size() == 16);
        booked(Tokens.hrAcme(), acme, at(HOLIDAY, 10, 0));
        assertEquals("BOOKED", status(untouched));
    }

    @Test
    void aTransferredWorkingSaturdayOpensForBookingAndClosesWhenTheTransferIsRemoved() {
        assertTrue(starts(SATURDAY).isEmpty(), "a weekend day as the catalog knows it (now cached)");
        TestCalendar.putCatalogDay(SATURDAY, true, "TRANSFER_WORKING_DAY", "Перенос рабочего дня",
                "Transferred working day");
        TestSupport.sendCalendarChanged(SATURDAY, true, "TRANSFER_WORKING_DAY", "Перенос рабочего дня",
                "Transferred working day", AdjustableClock.now());
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> starts(SATURDAY).size() == 16);
        String app = TestSupport.approved(ACME);
        String visit = booked(Tokens.hrAcme(), app, at(SATURDAY, 9, 30));

        // the transfer removed: the day is a weekend again and the visit on it goes (no name: "weekend")
        TestCalendar.removeCatalogDay(SATURDAY);
        TestSupport.sendCalendarChanged(SATURDAY, false, "WEEKEND", null, null, AdjustableClock.now());
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> "CANCELLED".equals(status(visit)));
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + visit).then().body("cancelReason",
                equalTo("the office is closed on " + SATURDAY + ": weekend; please book another day"));
        assertTrue(starts(SATURDAY).isEmpty());
    }

    @Test
    void anOlderChangeArrivingLateDoesNotUndoANewerOne() {
        OffsetDateTime first = AdjustableClock.now();
        String closing = TestSupport.sendCalendarChanged(REORDERED, false, "DECREED_DAY_OFF", "Перенос",
                "Day off", first.plusMinutes(5));
        TestSupport.awaitHandled(closing);
        String stale = TestSupport.sendCalendarChanged(REORDERED, true, "WORKING_DAY", null, null, first);
        TestSupport.awaitHandled(stale);
        assertTrue(starts(REORDERED).isEmpty(), "the newer change (closed) stands");
    }

    /**
     * Another replica is applying a change of the day (it holds the day's lock and has recorded the day, not yet
     * committed) while this replica books a visit on it: the booking waits and then sees the closed day, instead
     * of slipping in after the other replica looked for visits to cancel.
     */
    @Test
    void aBookingRacingACalendarChangeOnAnotherReplicaSeesTheClosedDay() throws Exception {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(RACED, 15, 0);
        assertEquals(16, starts(RACED).size());
        String token = Tokens.hrAcme();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = TestSupport.db()) {
            other.setAutoCommit(false);
            try (PreparedStatement ps = other.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                ps.setInt(1, BookingSql.DAY_LOCK);
                ps.setInt(2, (int) RACED.toEpochDay());
                ps.execute();
            }
            try (PreparedStatement ps = other.prepareStatement("INSERT INTO catalog_day (day, working, kind, name, "
                    + "changed_at, changed_by, recorded_at) VALUES (?, false, 'HOLIDAY', 'Гонка', now(), 'admin', "
                    + "now())")) {
                ps.setObject(1, RACED);
                ps.executeUpdate();
            }
            Future<Response> booking = pool.submit(() -> book(token, app, start, false));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            + "AND wait_event_type = 'Lock' AND query LIKE 'SELECT pg_advisory_xact_lock_shared%'")
                            == 1);
            other.commit();
            booking.get(60, TimeUnit.SECONDS).then().statusCode(422).contentType("application/problem+json")
                    .body("type", equalTo(P + "rule-violated/no-such-slot"));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(0, count("SELECT count(*) FROM appointment WHERE application_id = ?", app));
        assertTrue(starts(RACED).isEmpty());
    }
}
