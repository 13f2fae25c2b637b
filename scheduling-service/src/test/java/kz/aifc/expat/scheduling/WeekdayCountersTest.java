package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.SERVICE;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.count;
import static kz.aifc.expat.scheduling.TestSupport.remaining;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Admin-set counters per weekday: precedence (per-date > weekday > configuration), slot rows following, roles. */
@QuarkusTest
class WeekdayCountersTest {

    private static final String WEEKDAYS = "/api/v1/admin/counters/weekdays";

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    /** Whatever a test changed goes back: configuration for every weekday, no per-date override, the pinned clock. */
    @AfterEach
    void reset() {
        TestSupport.update("DELETE FROM weekday_counters");
        TestSupport.update("DELETE FROM counter_override");
        AdjustableClock.reset();
    }

    private static List<Integer> capacities(LocalDate day) {
        List<Map<String, Object>> slots = RestAssured.given().queryParam("serviceCode", SERVICE)
                .queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/v1/slots")
                .then().statusCode(200).extract().path("slots");
        return slots.stream().map(s -> (Integer) s.get("capacity")).distinct().toList();
    }

    private static long rowCapacity(OffsetDateTime start) {
        return TestSupport.capacityAt(start);
    }

    private static void putWeekday(String weekday, int counters) {
        as(Tokens.admin()).body(Map.of("counters", counters)).put(WEEKDAYS + "/" + weekday)
                .then().statusCode(200).body("weekday", equalTo(weekday.toUpperCase()))
                .body("counters", equalTo(counters)).body("source", equalTo("ADMIN"))
                .body("configured", equalTo(3)).body("updatedBy", equalTo("admin"));
    }

    @Test
    void aWeekdayValueChangesThatWeekdayOnlyAPerDateOverrideWinsAndDeleteRestoresConfiguration() {
        LocalDate mon = monday();
        LocalDate tue = mon.plusDays(1);
        OffsetDateTime tueVisit = at(tue, 15, 0);
        OffsetDateTime monVisit = at(mon, 15, 0);
        // slot rows materialised with the configured 3 seats
        TestSupport.booked(Tokens.hrAcme(), TestSupport.approved(ACME), tueVisit);
        TestSupport.booked(Tokens.hrAcme(), TestSupport.approved(ACME), monVisit);
        assertEquals(3, rowCapacity(tueVisit));

        putWeekday("TUESDAY", 5);
        assertEquals(List.of(5), capacities(tue), "Tuesday follows the admin value");
        for (LocalDate other : List.of(mon, mon.plusDays(3), mon.plusDays(4))) {
            assertEquals(List.of(3), capacities(other), "other weekdays keep the configuration: " + other);
        }
        assertEquals(5, rowCapacity(tueVisit), "the existing Tuesday seat bucket follows");
        assertEquals(3, rowCapacity(monVisit), "the Monday seat bucket does not");
        assertEquals(4, remaining(SERVICE, tueVisit));
        as(Tokens.officer()).get(WEEKDAYS).then().statusCode(200)
                .body("size()", equalTo(7))
                .body("weekday", equalTo(List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY",
                        "SUNDAY")))
                .body("counters", equalTo(List.of(3, 5, 3, 3, 3, 3, 3)))
                .body("source", equalTo(List.of("CONFIG", "ADMIN", "CONFIG", "CONFIG", "CONFIG", "CONFIG", "CONFIG")))
                .body("[1].updatedBy", equalTo("admin")).body("[0].updatedBy", nullValue());

        // a per-date override wins over the weekday value, and its date's slot rows ignore later weekday changes
        as(Tokens.admin()).body(Map.of("counters", 2)).put("/api/v1/admin/counters/" + tue).then().statusCode(200);
        assertEquals(List.of(2), capacities(tue));
        assertEquals(2, rowCapacity(tueVisit));
        putWeekday("tuesday", 7); // case-insensitive
        assertEquals(List.of(2), capacities(tue), "the per-date override still wins");
        assertEquals(2, rowCapacity(tueVisit));
        // removing the override falls back to the admin weekday value (not configuration)
        as(Tokens.admin()).delete("/api/v1/admin/counters/" + tue).then().statusCode(204);
        assertEquals(List.of(7), capacities(tue));
        assertEquals(7, rowCapacity(tueVisit));
        as(Tokens.officer()).get("/api/v1/officer/day?date=" + tue).then().statusCode(200)
                .body("countersOpen", equalTo(7));

        // 0 closes the weekday; a seat bucket never drops below its booked seats
        putWeekday("Tuesday", 0);
        assertTrue(capacities(tue).isEmpty(), "no Tuesday slots with 0 counters");
        assertEquals(1, rowCapacity(tueVisit));

        // DELETE restores configuration
        as(Tokens.admin()).delete(WEEKDAYS + "/TUESDAY").then().statusCode(204);
        assertEquals(List.of(3), capacities(tue));
        assertEquals(3, rowCapacity(tueVisit));
        assertEquals(2, remaining(SERVICE, tueVisit));
        as(Tokens.admin()).get(WEEKDAYS).then().statusCode(200)
                .body("source", equalTo(List.of("CONFIG", "CONFIG", "CONFIG", "CONFIG", "CONFIG", "CONFIG", "CONFIG")))
                .body("counters", equalTo(List.of(3, 3, 3, 3, 3, 3, 3)));
        as(Tokens.admin()).delete(WEEKDAYS + "/TUESDAY").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void onlyAdminsChangeWeekdaysWithTheSameStatusesAsThePerDateEndpoints() {
        String date = "/api/v1/admin/counters/" + monday();
        Map<String, Object> body = Map.of("counters", 9);
        Map<String, Supplier<RequestSpecification>> callers = Map.of(
                "company-hr", () -> as(Tokens.hrAcme()),
                "partner", () -> as(Tokens.partnerAcme()),
                "officer", () -> as(Tokens.officer()),
                "anonymous", () -> RestAssured.given().contentType("application/json"));
        for (var caller : callers.entrySet()) {
            Function<String, Integer> put = path -> caller.getValue().get().body(body).put(path).statusCode();
            Function<String, Integer> delete = path -> caller.getValue().get().delete(path).statusCode();
            int expected = caller.getKey().equals("anonymous") ? 401 : 403;
            assertEquals(expected, put.apply(date), caller.getKey() + " PUT per date");
            assertEquals(expected, put.apply(WEEKDAYS + "/MONDAY"), caller.getKey() + " PUT weekday");
            assertEquals(expected, delete.apply(date), caller.getKey() + " DELETE per date");
            assertEquals(expected, delete.apply(WEEKDAYS + "/MONDAY"), caller.getKey() + " DELETE weekday");
            int expectedRead = caller.getKey().equals("officer") ? 200 : expected;
            assertEquals(expectedRead, caller.getValue().get().get("/api/v1/admin/counters").statusCode(),
                    caller.getKey() + " GET per date");
            assertEquals(expectedRead, caller.getValue().get().get(WEEKDAYS).statusCode(),
                    caller.getKey() + " GET weekdays");
        }
        as(Tokens.hrAcme()).body(body).put(WEEKDAYS + "/MONDAY").then().statusCode(403)
                .contentType("application/problem+json");
        RestAssured.given().contentType("application/json").body(body).put(WEEKDAYS + "/MONDAY").then()
                .statusCode(401);
        assertEquals(0, count("SELECT count(*) FROM weekday_counters"));
        assertEquals(List.of(3), capacities(monday()));
    }

    @Test
    void badInputIs400ProblemJson() {
        for (String weekday : List.of("FUNDAY", "MON", "1", "%20")) {
            as(Tokens.admin()).body(Map.of("counters", 3)).put(WEEKDAYS + "/" + weekday).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo("weekday"));
            as(Tokens.admin()).delete(WEEKDAYS + "/" + weekday).then().statusCode(400)
                    .contentType("application/problem+json");
        }
        for (String body : List.of("{\"counters\":-1}", "{\"counters\":101}", "{\"counters\":2.5}",
                "{\"counters\":\"3\"}", "{\"counters\":\"abc\"}", "{\"counters\":true}", "{\"counters\":[3]}",
                "{\"counters\":99999999999}", "{\"counters\":null}", "{}", "{", "null", "3")) {
            as(Tokens.admin()).body(body).put(WEEKDAYS + "/MONDAY").then().statusCode(400)
                    .contentType("application/problem+json").body("status", equalTo(400));
        }
        as(Tokens.admin()).put(WEEKDAYS + "/MONDAY").then().statusCode(400)
                .contentType("application/problem+json"); // no body at all
        assertEquals(0, count("SELECT count(*) FROM weekday_counters"), "nothing stored");
        as(Tokens.admin()).delete(WEEKDAYS + "/MONDAY").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
