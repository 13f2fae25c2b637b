package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
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
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Slots of different lengths share the office's counters: a counter never hosts two overlapping visits, so a
 * 15-minute (iin) and a 30-minute (work-visa-issuance) slot that overlap draw on the same seats.
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

    static void counters(LocalDate day, int counters) {
        as(Tokens.admin()).body(Map.of("counters", counters)).put("/api/v1/admin/counters/" + day)
                .then().statusCode(200);
    }

    /** Books a new approved application of the service at {@code start}; returns the counter it got (201). */
    private static int bookCounter(String serviceCode, OffsetDateTime start) {
        return book(Tokens.hrAcme(), TestSupport.approved(ACME, serviceCode), start, false).then().statusCode(201)
                .extract().path("counter");
    }

    private static void refused(String serviceCode, OffsetDateTime start) {
        book(Tokens.hrAcme(), TestSupport.approved(ACME, serviceCode), start, false).then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo(SLOT_FULL));
    }

    @Test
    void fifteenMinuteVisitsTakeTheCountersOfTheOverlappingThirtyMinuteSlot() {
        LocalDate mon = monday();
        counters(mon, 3);
        OffsetDateTime nine = at(mon, 9, 0);
        OffsetDateTime nineFifteen = at(mon, 9, 15);
        assertEquals(List.of(1, 2, 3), List.of(bookCounter(SHORT, nine), bookCounter(SHORT, nine),
                bookCounter(SHORT, nine)));
        assertEquals(0, remaining(LONG, nine), "09:00-09:30 has no counter free for its whole length");
        assertEquals(3, remaining(SHORT, nineFifteen), "09:15 starts when the 09:00 visits end");
        refused(LONG, nine);
        assertEquals(0, count("SELECT coalesce(sum(booked), 0) FROM slot WHERE length_minutes = 30 AND starts_at = ?",
                nine),
                "the refused booking gave its seat back");

        // the same through the second half: three visits at 09:15 leave 09:30-10:00 alone
        assertEquals(List.of(1, 2, 3), List.of(bookCounter(SHORT, nineFifteen), bookCounter(SHORT, nineFifteen),
                bookCounter(SHORT, nineFifteen)));
        refused(LONG, nine);
        assertEquals(3, remaining(LONG, at(mon, 9, 30)));
        assertEquals(1, bookCounter(LONG, at(mon, 9, 30)));
    }

    @Test
    void thirtyMinuteVisitsTakeTheCountersOfBothOverlappingFifteenMinuteSlots() {
        LocalDate tue = monday().plusDays(1);
        counters(tue, 3);
        OffsetDateTime ten = at(tue, 10, 0);
        OffsetDateTime tenFifteen = at(tue, 10, 15);
        assertEquals(List.of(1, 2), List.of(bookCounter(LONG, ten), bookCounter(LONG, ten)));
        assertEquals(1, remaining(SHORT, ten));
        assertEquals(1, remaining(SHORT, tenFifteen));
        assertEquals(1, remaining(LONG, ten));
        // the last counter serves two short visits back to back
        assertEquals(3, bookCounter(SHORT, ten));
        assertEquals(3, bookCounter(SHORT, tenFifteen));
        refused(LONG, ten);
        refused(SHORT, ten);
        refused(SHORT, tenFifteen);
        assertEquals(0, remaining(LONG, ten));
        assertEquals(0, remaining(SHORT, ten));
        assertEquals(0, remaining(SHORT, tenFifteen));
        assertEquals(3, remaining(SHORT, at(tue, 10, 30)));
    }

    @Test
    void rescheduleOntoCountersHeldByTheOtherLengthIsRefused() {
        LocalDate fri = monday().plusDays(4);
        counters(fri, 2);
        OffsetDateTime eleven = at(fri, 11, 0);
        bookCounter(SHORT, at(fri, 11, 15));
        bookCounter(SHORT, at(fri, 11, 15));
        String id = TestSupport.booked(Tokens.hrAcme(), TestSupport.approved(ACME, LONG), at(fri, 14, 0));
        as(Tokens.hrAcme()).body(Map.of("start", iso(eleven))).post("/api/v1/appointments/" + id + "/reschedule")
                .then().statusCode(409).contentType("application/problem+json").body("type", equalTo(SLOT_FULL));
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("start", equalTo(iso(at(fri, 14, 0)))).body("counter", equalTo(1));
        assertEquals(1, count("SELECT booked FROM slot WHERE length_minutes = 30 AND starts_at = ?", at(fri, 14, 0)));
        assertEquals(0, count("SELECT coalesce(sum(booked), 0) FROM slot WHERE length_minutes = 30 AND starts_at = ?",
                eleven));
        as(Tokens.hrAcme()).body(Map.of("start", iso(at(fri, 11, 30))))
                .post("/api/v1/appointments/" + id + "/reschedule").then().statusCode(200)
                .body("start", equalTo(iso(at(fri, 11, 30)))).body("counter", equalTo(1));
    }

    /**
     * A rival transaction puts a 15-minute visit on counter 1 and stays open; the request under test picks counter 1
     * too (the rival is invisible to it) and waits on the exclusion constraint; the rival commits. No sleeping: the
     * rival commits once the request's statement is seen waiting on a lock.
     */
    private static <T> T raceWithRival(OffsetDateTime rivalStart, String blockedStatement, Callable<T> request)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection rival = TestSupport.db()) {
            rival.setAutoCommit(false);
            long slot;
            try (PreparedStatement ps = rival.prepareStatement("INSERT INTO slot (length_minutes, starts_at, ends_at, "
                    + "capacity, booked) VALUES (15, ?, ?, 3, 1) ON CONFLICT (length_minutes, starts_at) "
                    + "DO UPDATE SET booked = slot.booked + 1 RETURNING id")) {
                ps.setObject(1, rivalStart);
                ps.setObject(2, rivalStart.plusMinutes(15));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    slot = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = rival.prepareStatement("INSERT INTO appointment (id, application_id, "
                    + "company_bin, service_code, slot_id, starts_at, ends_at, status, counter, created_by, "
                    + "created_at, updated_at) VALUES (?, ?, ?, 'iin', ?, ?, ?, 'BOOKED', 1, 'rival', now(), now())")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setString(2, TestSupport.newApplicationId());
                ps.setString(3, ACME);
                ps.setLong(4, slot);
                ps.setObject(5, rivalStart);
                ps.setObject(6, rivalStart.plusMinutes(15));
                ps.executeUpdate();
            }
            Future<T> result = pool.submit(request);
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                    count("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                            + "AND wait_event_type = 'Lock' AND lower(query) LIKE ?", blockedStatement + "%") == 1);
            rival.commit();
            return result.get(60, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBookingThatLosesItsCounterToAConcurrentOverlapTakesTheNextOne() throws Exception {
        LocalDate thu = monday().plusDays(3);
        counters(thu, 3);
        OffsetDateTime start = at(thu, 10, 0);
        String app = TestSupport.approved(ACME, LONG);
        String token = Tokens.hrAcme();
        Response response = raceWithRival(start.plusMinutes(15), "insert into appointment",
                () -> book(token, app, start, false));
        response.then().statusCode(201).body("counter", equalTo(2));
        assertEquals(1, remaining(LONG, start));
    }

    @Test
    void aRescheduleThatLosesItsCounterToAConcurrentOverlapIsASlotFull() throws Exception {
        LocalDate thu = monday().plusDays(3);
        counters(thu, 3);
        OffsetDateTime from = at(thu, 16, 0);
        OffsetDateTime to = at(thu, 11, 0);
        String id = TestSupport.booked(Tokens.hrAcme(), TestSupport.approved(ACME, LONG), from);
        String token = Tokens.hrAcme();
        Response response = raceWithRival(to, "update appointment", () -> as(token)
                .body(Map.of("start", iso(to))).post("/api/v1/appointments/" + id + "/reschedule"));
        response.then().statusCode(409).contentType("application/problem+json").body("type", equalTo(SLOT_FULL));
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().body("start", equalTo(iso(from)));
        assertEquals(1, count("SELECT booked FROM slot WHERE length_minutes = 30 AND starts_at = ?", from));
        // asked again, it takes the next counter
        as(Tokens.hrAcme()).body(Map.of("start", iso(to))).post("/api/v1/appointments/" + id + "/reschedule")
                .then().statusCode(200).body("counter", equalTo(2));
    }

    @Test
    void theDatabaseRefusesAnOverlapOnACounterEvenWithoutTheJavaCheck() {
        LocalDate thu = monday().plusDays(3);
        OffsetDateTime start = at(thu, 15, 0);
        TestSupport.booked(Tokens.hrAcme(), TestSupport.approved(ACME, LONG), start);
        long slot = (Long) TestSupport.rows("SELECT id FROM slot WHERE starts_at = ? AND length_minutes = 30", start)
                .get(0).get("id");
        String insert = "INSERT INTO appointment (id, application_id, company_bin, service_code, slot_id, starts_at, "
                + "ends_at, status, counter, created_by, created_at, updated_at) "
                + "VALUES (?, ?, ?, 'iin', ?, ?, ?, 'BOOKED', ?, 't', now(), now())";
        // a 15-minute visit in the second half of the 30-minute one, on its counter
        IllegalStateException overlap = assertThrows(IllegalStateException.class, () -> TestSupport.update(insert,
                UUID.randomUUID(), TestSupport.newApplicationId(), ACME, slot, start.plusMinutes(15),
                start.plusMinutes(30), 1));
        assertEquals("23P01", ((SQLException) overlap.getCause()).getSQLState(), "exclusion_violation");
        // an active appointment without a counter would escape the exclusion: refused as well
        IllegalStateException noCounter = assertThrows(IllegalStateException.class, () -> TestSupport.update(insert,
                UUID.randomUUID(), TestSupport.newApplicationId(), ACME, slot, start, start.plusMinutes(15), null));
        assertEquals("23514", ((SQLException) noCounter.getCause()).getSQLState(), "check_violation");
        // back to back on the same counter is fine (rolled back by deleting it again)
        UUID next = UUID.randomUUID();
        assertEquals(1, TestSupport.update(insert, next, TestSupport.newApplicationId(), ACME, slot,
                start.plusMinutes(30), start.plusMinutes(45), 1));
        TestSupport.update("DELETE FROM appointment WHERE id = ?", next);
    }
}
