package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.book;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class SlotGenerationTest {

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    private static List<Map<String, Object>> slots(String serviceCode, LocalDate from, LocalDate to) {
        return RestAssured.given().queryParam("serviceCode", serviceCode).queryParam("from", from.toString())
                .queryParam("to", to.toString()).get("/api/v1/slots")
                .then().statusCode(200).body("timeZone", equalTo("Asia/Almaty")).extract().path("slots");
    }

    private static Map<LocalDate, List<String>> startsByDay(List<Map<String, Object>> slots) {
        return slots.stream().collect(Collectors.groupingBy(
                s -> OffsetDateTime.parse((String) s.get("start")).toLocalDate(),
                java.util.TreeMap::new,
                Collectors.mapping(s -> ((String) s.get("start")).substring(11, 16), Collectors.toList())));
    }

    @Test
    void aWeekWithAHolidayAndAClosureHasSlotsOnlyInOpeningHours() {
        LocalDate mon = monday();
        LocalDate thu = mon.plusDays(3);
        as(Tokens.admin()).body(Map.of("date", thu.toString(), "startTime", "10:00", "endTime", "11:00",
                "reason", "system outage")).post("/api/v1/admin/closures").then().statusCode(201);

        List<Map<String, Object>> slots = slots("work-visa-issuance", mon, mon.plusDays(6));
        Map<LocalDate, List<String>> byDay = startsByDay(slots);

        List<String> fullDay = List.of("09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "12:30",
                "14:00", "14:30", "15:00", "15:30", "16:00", "16:30", "17:00", "17:30");
        assertEquals(fullDay, byDay.get(mon), "Monday: 09:00-13:00 and 14:00-18:00 in 30-minute slots");
        assertEquals(fullDay, byDay.get(mon.plusDays(1)));
        assertFalse(byDay.containsKey(TestCalendar.holiday()), "no slot on the public holiday");
        // exactly the days the real catalog calls working have slots (weekend and holiday as the catalog says)
        Map<LocalDate, Boolean> week = TestCalendar.week();
        assertEquals(week.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList(),
                List.copyOf(byDay.keySet()), "slots on the catalog's working days only: " + week);
        assertFalse(week.get(mon.plusDays(5)) || week.get(mon.plusDays(6)), "the catalog's weekend: " + week);
        assertEquals(List.of("09:00", "09:30", "11:00", "11:30", "12:00", "12:30", "14:00", "14:30", "15:00", "15:30",
                "16:00", "16:30", "17:00", "17:30"), byDay.get(thu), "Thursday: the 10:00-11:00 closure removed");
        assertEquals(fullDay, byDay.get(mon.plusDays(4)));
        assertTrue(slots.stream().noneMatch(s -> ((String) s.get("start")).substring(11, 16).startsWith("13")),
                "nothing during lunch");
        assertTrue(slots.stream().allMatch(s -> ((String) s.get("start")).endsWith("+05:00")
                && (Integer) s.get("capacity") == 3 && (Integer) s.get("remaining") == 3));
        assertEquals(DayOfWeek.MONDAY, mon.getDayOfWeek());
    }

    @Test
    void slotLengthIsPerService() {
        LocalDate tue = monday().plusDays(1);
        List<String> starts = startsByDay(slots("iin", tue, tue)).get(tue);
        assertEquals(32, starts.size(), "15-minute slots: 16 before and 16 after lunch");
        assertTrue(starts.contains("12:45") && !starts.contains("13:00") && starts.contains("14:00")
                && starts.contains("17:45"));
        RestAssured.given().queryParam("serviceCode", "iin").queryParam("from", tue.toString())
                .queryParam("to", tue.toString()).get("/api/v1/slots")
                .then().body("slotMinutes", equalTo(15)).body("slots[0].end", startsWith(tue + "T09:15:00"));
    }

    @Test
    void countersPerDateSetTheCapacityAndZeroClosesTheDay() {
        LocalDate fri = monday().plusDays(4);
        as(Tokens.admin()).body(Map.of("counters", 5)).put("/api/v1/admin/counters/" + fri)
                .then().statusCode(200).body("counters", equalTo(5));
        assertTrue(slots("work-visa-issuance", fri, fri).stream().allMatch(s -> (Integer) s.get("capacity") == 5));
        as(Tokens.admin()).body(Map.of("counters", 0)).put("/api/v1/admin/counters/" + fri).then().statusCode(200);
        assertTrue(slots("work-visa-issuance", fri, fri).isEmpty());
        as(Tokens.admin()).delete("/api/v1/admin/counters/" + fri).then().statusCode(204);
        assertEquals(16, slots("work-visa-issuance", fri, fri).size());
    }

    @Test
    void leadTimeAndHorizonLimitTheListedSlots() {
        LocalDate mon = monday();
        AdjustableClock.set(at(mon, 9, 59).toInstant()); // the clock keeps running from there
        List<String> starts = startsByDay(slots("work-visa-issuance", mon, mon)).get(mon);
        assertEquals("12:00", starts.get(0), "nothing that starts within the 2-hour lead time");
        AdjustableClock.reset();
        LocalDate beyond = TestCalendar.today().plusDays(31);
        assertTrue(slots("work-visa-issuance", beyond, beyond.plusDays(3)).isEmpty(), "beyond the 30-day horizon");
    }

    @Test
    void bookingOutsideTheGridIsRefused() {
        String app = TestSupport.approved(ACME);
        LocalDate mon = monday();
        for (OffsetDateTime start : List.of(at(mon, 13, 0), at(mon, 9, 10), at(mon, 18, 0),
                at(TestCalendar.holiday(), 10, 0), at(mon.plusDays(5), 10, 0))) {
            book(Tokens.hrAcme(), app, start, false).then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://expat.aifc.kz/problems/rule-violated/no-such-slot"));
        }
        AdjustableClock.set(at(mon, 8, 0).toInstant());
        book(Tokens.hrAcme(), app, at(mon, 9, 0), false).then().statusCode(422)
                .body("type", equalTo("https://expat.aifc.kz/problems/rule-violated/lead-time"));
        AdjustableClock.reset();
        LocalDate beyond = TestCalendar.today().plusDays(35).with(java.time.temporal.TemporalAdjusters
                .nextOrSame(DayOfWeek.MONDAY));
        book(Tokens.hrAcme(), app, at(beyond, 10, 0), false).then().statusCode(422)
                .body("type", equalTo("https://expat.aifc.kz/problems/rule-violated/booking-horizon"));
    }

    @Test
    void badQueriesAre400() {
        RestAssured.given().get("/api/v1/slots").then().statusCode(400).contentType("application/problem+json");
        RestAssured.given().queryParam("serviceCode", "iin").queryParam("from", "tomorrow").get("/api/v1/slots")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        as(Tokens.admin()).body(Map.of("date", "2026-13-45", "reason", "x")).post("/api/v1/admin/closures")
                .then().statusCode(400);
        as(Tokens.admin()).body(Map.of("date", monday().toString(), "startTime", "12:00", "endTime", "11:00",
                "reason", "x")).post("/api/v1/admin/closures").then().statusCode(400);
        as(Tokens.admin()).body(Map.of("counters", -1)).put("/api/v1/admin/counters/" + monday())
                .then().statusCode(400);
    }

    @Test
    void onlyAdminsChangeTheCalendar() {
        Map<String, Object> closure = Map.of("date", monday().toString(), "reason", "x");
        as(Tokens.hrAcme()).body(closure).post("/api/v1/admin/closures").then().statusCode(403);
        as(Tokens.officer()).body(closure).post("/api/v1/admin/closures").then().statusCode(403);
        as(Tokens.partnerAcme()).body(Map.of("counters", 9)).put("/api/v1/admin/counters/" + monday())
                .then().statusCode(403);
        RestAssured.given().contentType("application/json").body(closure).post("/api/v1/admin/closures")
                .then().statusCode(401);
    }

    @Test
    void aWholeDayClosureRemovesTheDayAndCancelsItsAppointments() {
        LocalDate tue = monday().plusDays(1);
        String app = TestSupport.approved(ACME);
        String id = TestSupport.booked(Tokens.hrAcme(), app, at(tue, 15, 0));
        String closureId = as(Tokens.admin()).body(Map.of("date", tue.toString(), "reason", "power cut"))
                .post("/api/v1/admin/closures").then().statusCode(201)
                .body("cancelledAppointments", equalTo(1)).extract().path("id");
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + id).then().statusCode(200)
                .body("status", equalTo("CANCELLED")).body("cancelReason", equalTo("office closed: power cut"));
        assertTrue(slots("work-visa-issuance", tue, tue).isEmpty());
        as(Tokens.admin()).delete("/api/v1/admin/closures/" + closureId).then().statusCode(204);
        assertEquals(16, slots("work-visa-issuance", tue, tue).size());
    }
}
