package kz.aifc.expat.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static kz.aifc.expat.e2e.E2e.as;
import static kz.aifc.expat.e2e.E2e.count;
import static kz.aifc.expat.e2e.E2e.eventually;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * 10,000 booking attempts from 50 concurrent clients, spread over both scheduling replicas, on a handful of slots
 * for a set of bookable applications. Afterwards, in SQL: no slot over capacity, no application with two active
 * appointments, and exactly min(free seats, applications) bookings succeeded.
 */
@Order(30)
class SlotContentionTest {

    private static final int ATTEMPTS = 10_000;
    private static final int CLIENTS = 50;
    private static final int SLOTS = 4;
    private static final int APPLICATIONS = 40;
    private static final String SERVICE = "arrival-notification"; // 15-minute visits: its own slot rows
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void manyClientsFewSlotsNoOverbookingNoDoubleBooking() throws Exception {
        // a set of Acme applications made bookable by documents.approved, as document-service announces it
        List<String> apps = new ArrayList<>();
        for (int i = 0; i < APPLICATIONS; i++) {
            String app = UUID.randomUUID().toString();
            apps.add(app);
            E2e.injectDocumentsApproved(app, E2e.ACME, SERVICE, 1);
        }
        eventually().atMost(Duration.ofSeconds(90)).until(() -> count("scheduling", "select count(*) from "
                + "bookable_application where open and application_id = any(?)", (Object) apps.toArray(String[]::new))
                == APPLICATIONS);
        as(Tokens.hrAcme(), E2e.sched()).get("/api/v1/applications/" + apps.get(0) + "/booking").then()
                .statusCode(200).body("bookingOpen", equalTo(true));

        // a handful of untouched slots, late in the booking horizon (away from other tests' bookings)
        List<Map<String, Object>> free = as(null, E2e.sched()).queryParam("serviceCode", SERVICE)
                .queryParam("from", E2e.today().plusDays(10).toString())
                .queryParam("to", E2e.today().plusDays(28).toString())
                .get("/api/v1/slots").then().statusCode(200).extract().jsonPath().getList("slots");
        List<Map<String, Object>> chosen = free.stream()
                .filter(s -> ((Number) s.get("remaining")).intValue() == ((Number) s.get("capacity")).intValue()
                        && ((Number) s.get("capacity")).intValue() > 0)
                .sorted((a, b) -> b.get("start").toString().compareTo(a.get("start").toString()))
                .limit(SLOTS).toList();
        assertEquals(SLOTS, chosen.size(), "free slots to contend for: " + free.size());
        List<String> starts = chosen.stream().map(s -> s.get("start").toString()).toList();
        int seats = chosen.stream().mapToInt(s -> ((Number) s.get("remaining")).intValue()).sum();

        // 10,000 attempts, 50 clients, alternating replicas, random application and slot each time
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(8)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        Map<String, String> unexpected = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.submit(() -> {
                int n;
                while ((n = next.getAndIncrement()) < ATTEMPTS) {
                    ThreadLocalRandom rnd = ThreadLocalRandom.current();
                    String body = JSON.writeValueAsString(Map.of("applicationId", apps.get(rnd.nextInt(apps.size())),
                            "start", starts.get(rnd.nextInt(starts.size()))));
                    int status;
                    try {
                        HttpRequest req = HttpRequest.newBuilder(URI.create(E2e.SCHEDULING.get(n % 2)
                                        + "/api/v1/appointments")).timeout(Duration.ofSeconds(60))
                                // asked per attempt: on a slow machine the run outlives one 5-minute access token, and
                                // Tokens hands out a fresh one every two minutes
                                .header("Authorization", "Bearer " + Tokens.hrAcme())
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        HttpResponse<String> res = http.send(req, HttpResponse.BodyHandlers.ofString());
                        status = res.statusCode();
                        if (status != 201 && status != 409) {
                            unexpected.putIfAbsent(status + " " + res.body().substring(0,
                                    Math.min(300, res.body().length())), body);
                        }
                    } catch (Exception e) {
                        status = -1;
                        unexpected.putIfAbsent("client error " + e, body);
                    }
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            });
        }
        clients.shutdown();
        assertTrue(clients.awaitTermination(8, TimeUnit.MINUTES), "the attempts finished: " + statuses);

        Map<Integer, Integer> summary = new TreeMap<>();
        statuses.forEach((k, v) -> summary.put(k, v.get()));
        assertEquals(ATTEMPTS, summary.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(unexpected.isEmpty(), "only 201 or 409 problem answers: " + summary + " " + unexpected);

        // SQL: no quarter hour over capacity, every seat count matches the active appointments overlapping it
        Object[] startArray = starts.stream().map(OffsetDateTime::parse).toArray();
        List<Map<String, Object>> slotRows = new ArrayList<>();
        for (Object start : startArray) {
            slotRows.addAll(E2e.query("scheduling", "select s.starts_at, s.capacity, s.booked, (select count(*) from "
                    + "appointment a where a.starts_at < s.starts_at + interval '15 minutes' and a.ends_at > "
                    + "s.starts_at and a.status in ('HELD','BOOKED','CHECKED_IN')) as active "
                    + "from seat_bucket s where s.starts_at = ?", start));
        }
        assertEquals(SLOTS, slotRows.size(), "the contended slots' quarter hours exist: " + slotRows);
        for (Map<String, Object> s : slotRows) {
            long capacity = ((Number) s.get("capacity")).longValue();
            long booked = ((Number) s.get("booked")).longValue();
            long active = ((Number) s.get("active")).longValue();
            assertTrue(booked <= capacity, "quarter hour over capacity: " + s);
            assertEquals(booked, active, "seat count = active appointments: " + s);
        }
        String[] appIds = apps.toArray(String[]::new);
        List<Map<String, Object>> doubles = E2e.query("scheduling", "select application_id, count(*) as n from "
                + "appointment where application_id = any(?) and status in ('HELD','BOOKED','CHECKED_IN') "
                + "group by application_id having count(*) > 1", (Object) appIds);
        assertTrue(doubles.isEmpty(), "applications with two active appointments: " + doubles);
        long activeAppointments = count("scheduling", "select count(*) from appointment where application_id = any(?) "
                + "and status in ('HELD','BOOKED','CHECKED_IN')", (Object) appIds);
        int expected = Math.min(seats, APPLICATIONS);
        assertEquals(expected, activeAppointments, "every seat taken once, or every application booked once");
        assertEquals(expected, summary.getOrDefault(201, 0), "successful bookings = active appointments");
        long elsewhere = count("scheduling", "select count(*) from appointment where application_id = any(?) "
                + "and starts_at <> all(cast(? as timestamptz[]))", (Object) appIds, (Object) starts.toArray(String[]::new));
        assertEquals(0, elsewhere, "bookings only on the contended slots");
    }
}
