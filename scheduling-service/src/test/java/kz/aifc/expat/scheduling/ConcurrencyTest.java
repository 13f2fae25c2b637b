package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.iso;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.count;
import static kz.aifc.expat.scheduling.TestSupport.rows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The last seats of a slot go to exactly as many callers as there are seats, whatever the concurrency; slots of
 * different lengths that overlap never put more visitors on the counters than there are counters.
 */
@QuarkusTest
class ConcurrencyTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    /** Fires all requests at once (a latch releases them together) and returns the status codes. */
    private static List<Integer> fire(List<String> bodies, String token) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/appointments");
        ExecutorService pool = Executors.newFixedThreadPool(bodies.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (String body : bodies) {
                Callable<Integer> call = () -> {
                    go.await();
                    HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60))
                            .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                    return HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
                };
                results.add(pool.submit(call));
            }
            go.countDown();
            List<Integer> codes = new ArrayList<>();
            for (Future<Integer> f : results) {
                codes.add(f.get());
            }
            return codes;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String body(String applicationId, OffsetDateTime start) {
        return "{\"applicationId\":\"" + applicationId + "\",\"start\":\"" + iso(start) + "\"}";
    }

    @Test
    void manyParallelAttemptsOnTheLastSeatsExactlyCapacitySucceed() throws Exception {
        LocalDate thu = monday().plusDays(3);
        OffsetDateTime start = at(thu, 14, 30);
        as(Tokens.admin()).body(Map.of("counters", 4)).put("/api/v1/admin/counters/" + thu).then().statusCode(200);
        // one seat already taken: three are left for forty callers
        TestSupport.booked(Tokens.hrAcme(), TestSupport.approved(ACME), start);
        int callers = 40;
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            String id = TestSupport.newApplicationId();
            TestSupport.sendDocumentsApproved(id, ACME, TestSupport.SERVICE, 1);
            apps.add(id);
        }
        apps.forEach(id -> TestSupport.awaitOpen(id, true));

        List<Integer> codes = fire(apps.stream().map(a -> body(a, start)).toList(), Tokens.hrAcme());

        Map<Integer, Long> byCode = codes.stream().collect(Collectors.groupingBy(c -> c, Collectors.counting()));
        assertEquals(3L, byCode.get(201), "exactly the free seats were booked: " + byCode);
        assertEquals(callers - 3L, byCode.get(409), "everyone else was told the slot is full: " + byCode);
        // both quarter hours of the 30-minute slot are full, and no further
        for (OffsetDateTime bucket : List.of(start, start.plusMinutes(15))) {
            Map<String, Object> seats = rows("SELECT capacity, booked FROM seat_bucket WHERE starts_at = ?", bucket)
                    .get(0);
            assertEquals(4, seats.get("capacity"), bucket.toString());
            assertEquals(4, seats.get("booked"), bucket.toString());
        }
        assertEquals(4, count("SELECT count(*) FROM appointment WHERE starts_at = ? "
                + "AND status IN ('HELD','BOOKED','CHECKED_IN')", start));
        assertEquals(0, count("SELECT count(*) FROM seat_bucket WHERE booked > capacity"));
    }

    @Test
    void mixedLengthsRacingForOverlappingSlotsNeverBookMoreVisitsAtOnceThanCounters() throws Exception {
        LocalDate tue = monday().plusDays(1);
        int counters = 3;
        as(Tokens.admin()).body(Map.of("counters", counters)).put("/api/v1/admin/counters/" + tue)
                .then().statusCode(200);
        // 15-minute slots 09:00, 09:15, 09:30, 09:45 and 30-minute slots 09:00, 09:30: each overlaps two others
        String shortService = CounterSharingTest.SHORT;
        String longService = CounterSharingTest.LONG;
        List<Map.Entry<String, OffsetDateTime>> targets = List.of(
                Map.entry(shortService, at(tue, 9, 0)), Map.entry(shortService, at(tue, 9, 15)),
                Map.entry(shortService, at(tue, 9, 30)), Map.entry(shortService, at(tue, 9, 45)),
                Map.entry(longService, at(tue, 9, 0)), Map.entry(longService, at(tue, 9, 30)));
        int perTarget = counters + 2; // more than can ever fit: every target ends full
        List<String> bodies = new ArrayList<>();
        List<String> apps = new ArrayList<>();
        for (Map.Entry<String, OffsetDateTime> t : targets) {
            for (int i = 0; i < perTarget; i++) {
                String id = TestSupport.newApplicationId();
                TestSupport.sendDocumentsApproved(id, ACME, t.getKey(), 1);
                apps.add(id);
                bodies.add(body(id, t.getValue()));
            }
        }
        apps.forEach(id -> TestSupport.awaitOpen(id, true));

        List<Integer> codes = fire(bodies, Tokens.hrAcme());

        assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409), "codes: " + codes);
        String active = "status IN ('HELD','BOOKED','CHECKED_IN')";
        OffsetDateTime from = at(tue, 0, 0);
        OffsetDateTime to = at(tue.plusDays(1), 0, 0);
        assertEquals(codes.stream().filter(c -> c == 201).count(), count("SELECT count(*) FROM appointment WHERE "
                + active + " AND starts_at >= ? AND starts_at < ?", from, to), "one active appointment per 201");
        // the most visits at once is reached at the start of one of them
        long busiest = count("SELECT coalesce(max(n), 0) FROM (SELECT t.at, count(*) AS n "
                + "FROM (SELECT DISTINCT starts_at AS at FROM appointment WHERE " + active + " AND starts_at >= ? "
                + "AND starts_at < ?) t JOIN appointment a ON a." + active + " AND a.starts_at <= t.at "
                + "AND a.ends_at > t.at GROUP BY t.at) x", from, to);
        assertTrue(busiest <= counters, "at most " + counters + " visits at any instant, was " + busiest);
        assertEquals(0, count("SELECT count(*) FROM seat_bucket s WHERE s.booked <> (SELECT count(*) FROM "
                + "appointment a WHERE a." + active + " AND a.starts_at < s.starts_at + INTERVAL '15 minutes' "
                + "AND a.ends_at > s.starts_at)"), "each bucket's seat count matches the visits overlapping it");
        for (Map.Entry<String, OffsetDateTime> t : targets) {
            assertEquals(0, TestSupport.remaining(t.getKey(), t.getValue()), t + " is listed as full");
        }
    }

    @Test
    void oneApplicationRacingForManySlotsGetsExactlyOne() throws Exception {
        LocalDate fri = monday().plusDays(4);
        String app = TestSupport.approved(ACME);
        List<String> bodies = new ArrayList<>();
        for (int hour : new int[]{9, 10, 11, 12, 14, 15, 16, 17}) {
            bodies.add(body(app, at(fri, hour, 0)));
            bodies.add(body(app, at(fri, hour, 30)));
        }
        List<Integer> codes = fire(bodies, Tokens.hrAcme());
        assertEquals(1, codes.stream().filter(c -> c == 201).count(), "codes: " + codes);
        assertTrue(codes.stream().allMatch(c -> c == 201 || c == 409), "codes: " + codes);
        assertEquals(1, count("SELECT count(*) FROM appointment WHERE application_id = ? "
                + "AND status IN ('HELD','BOOKED','CHECKED_IN')", app));
        assertEquals(2, count("SELECT coalesce(sum(booked), 0) FROM seat_bucket WHERE starts_at >= ? AND starts_at < ?",
                at(fri, 0, 0), at(fri.plusDays(1), 0, 0)), "the winner's two quarter hours; losers gave their seats back");
    }
}
