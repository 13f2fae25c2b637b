package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.iso;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.book;
import static kz.aifc.expat.scheduling.TestSupport.count;
import static kz.aifc.expat.scheduling.TestSupport.remaining;
import static kz.aifc.expat.scheduling.TestSupport.seatsAt;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Slots of different lengths share the office's counters: seats are counted per quarter hour, so a 15-minute (iin) and
 * a 30-minute (work-visa-issuance) visit that overlap draw on the same seats, and at no moment are more visits booked
 * than counters are open. The counter itself is given at check-in.
 */
@QuarkusTest
class CounterSharingTest {

    static final String SHORT = "iin";                 // 15-minute slots
    static final String LONG = TestSupport.SERVICE;    // 30-minute slots
    private static final String SLOT_FULL = "https://expat.aifc.kz/problems/slot-full";

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    static void counters(LocalDate day, int counters) {
        as(Tokens.admin()).body(Map.of("counters", counters)).put("/api/v1/admin/counters/" + day)
                .then().statusCode(200);
    }

    /** Books a new approved application of the service at {@code start}; returns the appointment id (201). */
    private static String bookNew(String serviceCode, OffsetDateTime start) {
        return book(Tokens.hrAcme(), TestSupport.approved(ACME, serviceCode), start, false).then().statusCode(201)
                .body("counter", nullValue()).extract().path("id");
    }

    private static void refused(String serviceCode, OffsetDateTime start) {
        book(Tokens.hrAcme(), TestSupport.approved(ACME, serviceCode), start, false).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(SLOT_FULL));
    }

    @Test
    void fifteenMinuteVisitsTakeTheSeatsOfTheOverlappingThirtyMinuteSlot() {
        LocalDate mon = monday();
        counters(mon, 3);
        OffsetDateTime nine = at(mon, 9, 0);
        OffsetDateTime nineFifteen = at(mon, 9, 15);
        for (int i = 0; i < 3; i++) {
            bookNew(SHORT, nine);
        }
        assertEquals(0, remaining(LONG, nine), "09:00-09:30 has no seat free for its whole length");
        assertEquals(3, remaining(SHORT, nineFifteen), "09:15 starts when the 09:00 visits end");
        refused(LONG, nine);
        assertEquals(3, seatsAt(nine));
        assertEquals(0, seatsAt(nineFifteen), "the refused booking gave back the quarter it had taken");

        // the same through the second half: three visits at 09:15 leave 09:30-10:00 alone
        for (int i = 0; i < 3; i++) {
            bookNew(SHORT, nineFifteen);
        }
        refused(LONG, nine);
        assertEquals(3, remaining(LONG, at(mon, 9, 30)));
        bookNew(LONG, at(mon, 9, 30));
        assertEquals(2, remaining(LONG, at(mon, 9, 30)));
    }

    @Test
    void thirtyMinuteVisitsTakeTheSeatsOfBothOverlappingFifteenMinuteSlots() {
        LocalDate tue = monday().plusDays(1);
        counters(tue, 3);
        OffsetDateTime ten = at(tue, 10, 0);
        OffsetDateTime tenFifteen = at(tue, 10, 15);
        bookNew(LONG, ten);
        bookNew(LONG, ten);
        assertEquals(1, remaining(SHORT, ten));
        assertEquals(1, remaining(SHORT, tenFifteen));
        assertEquals(1, remaining(LONG, ten));
        // the last seat serves two short visits back to back
        bookNew(SHORT, ten);
        bookNew(SHORT, tenFifteen);
        refused(LONG, ten);
        refused(SHORT, ten);
        refused(SHORT, tenFifteen);
        assertEquals(0, remaining(LONG, ten));
        assertEquals(0, remaining(SHORT, ten));
        assertEquals(0, remaining(SHORT, tenFifteen));
        assertEquals(3, remaining(SHORT, at(tue, 10, 30)));
        assertEquals(List.of(3L, 3L), List.of(seatsAt(ten), seatsAt(tenFifteen)));
    }

    @Test
    void rescheduleOntoSeatsHeldByTheOtherLengthIsRefused() {
        LocalDate fri = monday().plusDays(4);
        counters(fri, 2);
        OffsetDateTime eleven = at(fri, 11, 0);
        bookNew(SHORT, at(fri, 11, 15));
        bookNew(SHORT, at(fri, 11, 15));
        String id = TestSupport.booked(Tokens.hrAcme(), TestSupport.approved(ACME, LONG), at(fri, 14, 0));
        as(Tokens.hrAcme()).body(Map.of("start", iso(eleven))).post("/api/v1/appointments/" + id + "/reschedule")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo(SLOT_FULL));
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("start", equalTo(iso(at(fri, 14, 0))));
        assertEquals(List.of(1L, 1L), List.of(seatsAt(at(fri, 14, 0)), seatsAt(at(fri, 14, 15))),
                "the refused move kept its seats");
        assertEquals(0, seatsAt(eleven), "and gave back what it had taken");
        as(Tokens.hrAcme()).body(Map.of("start", iso(at(fri, 11, 30))))
                .post("/api/v1/appointments/" + id + "/reschedule").then().statusCode(200)
                .body("start", equalTo(iso(at(fri, 11, 30))));
        assertEquals(List.of(0L, 0L), List.of(seatsAt(at(fri, 14, 0)), seatsAt(at(fri, 14, 15))));
        assertEquals(List.of(1L, 1L), List.of(seatsAt(at(fri, 11, 30)), seatsAt(at(fri, 11, 45))));
    }

    /**
     * A rival transaction takes the last seat of 10:15 and stays open; a 30-minute booking at 10:00 takes 10:00 and
     * waits for the rival's row lock on 10:15; the rival commits; the booking re-checks 10:15, finds it full, and is
     * refused with both quarters as they were. No sleeping: the rival commits once the booking is seen waiting.
     */
    @Test
    void aBookingWaitingForTheLastSeatOfOneOfItsQuartersTakesNeitherWhenItIsGone() throws Exception {
        LocalDate thu = monday().plusDays(3);
        counters(thu, 1);
        OffsetDateTime ten = at(thu, 10, 0);
        OffsetDateTime tenFifteen = at(thu, 10, 15);
        // materialise both quarters (book and cancel one visit)
        String first = bookNew(LONG, ten);
        as(Tokens.hrAcme()).body(Map.of()).post("/api/v1/appointments/" + first + "/cancel").then().statusCode(200);
        String app = TestSupport.approved(ACME, LONG);
        String token = Tokens.hrAcme();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection rival = TestSupport.db()) {
            rival.setAutoCommit(false);
            try (PreparedStatement ps = rival.prepareStatement(
                    "UPDATE seat_bucket SET booked = booked + 1 WHERE starts_at = ? AND booked < capacity")) {
                ps.setObject(1, tenFifteen);
                assertEquals(1, ps.executeUpdate());
            }
            Future<Response> result = pool.submit(() -> book(token, app, ten, false));
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    result.isDone() || count("SELECT count(*) FROM pg_stat_activity WHERE datname = "
                            + "current_database() AND wait_event_type = 'Lock' AND lower(query) LIKE "
                            + "'update seat_bucket%'") == 1);
            if (result.isDone()) {
                fail("the booking did not wait for the rival: " + result.get().asString());
            }
            rival.commit();
            result.get(60, TimeUnit.SECONDS).then().statusCode(409).contentType("application/problem+json")
                    .body("type", equalTo(SLOT_FULL));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(0L, 1L), List.of(seatsAt(ten), seatsAt(tenFifteen)));
        assertEquals(0, count("SELECT count(*) FROM appointment WHERE application_id = ?", app));
    }

    @Test
    void checkInGivesTheLowestCounterNoOverlappingCheckedInVisitUses() {
        LocalDate wed = monday().plusWeeks(1).plusDays(2);
        counters(wed, 3);
        String a = bookNew(LONG, at(wed, 10, 0));
        String b = bookNew(LONG, at(wed, 10, 0));
        String c = bookNew(SHORT, at(wed, 10, 15));
        String d = bookNew(SHORT, at(wed, 10, 30));
        AdjustableClock.set(at(wed, 9, 55).toInstant());
        assertEquals(1, checkIn(a));
        assertEquals(2, checkIn(b));
        assertEquals(3, checkIn(c), "10:15 overlaps the visits at counters 1 and 2");
        assertEquals(1, checkIn(d), "10:30: the 10:00 visits have ended, 10:15's has not");
        as(Tokens.officer()).queryParam("date", wed.toString()).get("/api/v1/officer/day").then().statusCode(200)
                .body("waiting", hasSize(0)).body("counters.counter", equalTo(List.of(1, 2, 3)))
                .body("counters[0].appointments.id", equalTo(List.of(a, d)));
    }

    @Test
    void officersCheckingInAtOnceGetDifferentCounters() throws Exception {
        LocalDate fri = monday().plusDays(4);
        int counters = 5;
        counters(fri, counters);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < counters; i++) {
            ids.add(bookNew(LONG, at(fri, 16, 0)));
        }
        AdjustableClock.set(at(fri, 15, 50).toInstant());
        ExecutorService pool = Executors.newFixedThreadPool(counters);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String id : ids) {
                results.add(pool.submit(() -> checkIn(id)));
            }
            Set<Integer> given = new TreeSet<>();
            for (Future<Integer> r : results) {
                given.add(r.get(60, TimeUnit.SECONDS));
            }
            assertEquals(Set.of(1, 2, 3, 4, 5), given);
        } finally {
            pool.shutdownNow();
        }
    }

    private static int checkIn(String id) {
        return as(Tokens.officer()).post("/api/v1/appointments/" + id + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN")).extract().path("counter");
    }

    @Test
    void theDatabaseRefusesTwoOverlappingCheckedInVisitsOnACounter() {
        OffsetDateTime start = at(monday().plusDays(3), 15, 0);
        String insert = "INSERT INTO appointment (id, application_id, company_bin, service_code, starts_at, ends_at, "
                + "status, counter, created_by, created_at, updated_at) VALUES (?, ?, ?, 'iin', ?, ?, ?, ?, 't', now(), "
                + "now())";
        UUID served = UUID.randomUUID();
        assertEquals(1, TestSupport.update(insert, served, TestSupport.newApplicationId(), ACME, start,
                start.plusMinutes(30), "CHECKED_IN", 1));
        // a 15-minute visit in the second half of the 30-minute one, on its counter
        IllegalStateException overlap = assertThrows(IllegalStateException.class, () -> TestSupport.update(insert,
                UUID.randomUUID(), TestSupport.newApplicationId(), ACME, start.plusMinutes(15), start.plusMinutes(30),
                "CHECKED_IN", 1));
        assertEquals("23P01", ((SQLException) overlap.getCause()).getSQLState(), "exclusion_violation");
        // a checked-in visit without a counter would escape the exclusion: refused as well
        IllegalStateException noCounter = assertThrows(IllegalStateException.class, () -> TestSupport.update(insert,
                UUID.randomUUID(), TestSupport.newApplicationId(), ACME, start, start.plusMinutes(15), "CHECKED_IN",
                null));
        assertEquals("23514", ((SQLException) noCounter.getCause()).getSQLState(), "check_violation");
        // back to back on the same counter is fine, and so is a booked visit not yet at a counter
        UUID next = UUID.randomUUID();
        UUID booked = UUID.randomUUID();
        assertEquals(1, TestSupport.update(insert, next, TestSupport.newApplicationId(), ACME, start.plusMinutes(30),
                start.plusMinutes(45), "CHECKED_IN", 1));
        assertEquals(1, TestSupport.update(insert, booked, TestSupport.newApplicationId(), ACME, start,
                start.plusMinutes(15), "BOOKED", null));
        TestSupport.update("DELETE FROM appointment WHERE id IN (?, ?, ?)", served, next, booked);
    }
}
