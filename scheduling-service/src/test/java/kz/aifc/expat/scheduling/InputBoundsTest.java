package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import kz.aifc.expat.scheduling.client.CatalogCalendarClient;
import kz.aifc.expat.scheduling.client.CatalogRefusedException;
import kz.aifc.expat.testing.Tokens;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.empty;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * Security findings #14.4 and #14.5 in this service: dates no calendar has (year +999999999, 9999) are a 400
 * problem+json on every route that takes a date, never a 500 from date arithmetic; paging values are no 500; and
 * bad input never opens the catalog circuit breaker — a 4xx of the catalog is its answer, not its failure.
 */
@QuarkusTest
class InputBoundsTest {

    private static final String INVALID = "https://expat.aifc.kz/problems/invalid-request";
    private static final List<String> NO_SUCH_DATES = List.of("+999999999-12-31", "-999999999-01-01", "9999-01-01",
            "1899-12-31", "2301-01-01");

    @Inject
    @RestClient
    CatalogCalendarClient catalog;

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    private static void assertBadRequest(Response response, String what) {
        int status = response.then().extract().statusCode();
        assertEquals(400, status, what + " answered " + status + ": " + response.asString());
        response.then().contentType("application/problem+json").body("type", equalTo(INVALID));
    }

    private static Response bookAt(String token, String applicationId, String start) {
        return as(token).body(Map.of("applicationId", applicationId, "start", start)).post("/api/v1/appointments");
    }

    @Test
    void datesNoCalendarHasAre400OnEveryRouteThatTakesOne() {
        String app = TestSupport.approved(ACME);
        String visit = TestSupport.booked(Tokens.hrAcme(), app, at(monday().plusDays(1), 9, 0));
        for (String d : NO_SUCH_DATES) {
            assertBadRequest(RestAssured.given().queryParam("serviceCode", TestSupport.SERVICE).queryParam("from", d)
                    .get("/api/v1/slots"), "GET /slots?from=" + d);
            assertBadRequest(RestAssured.given().queryParam("serviceCode", TestSupport.SERVICE).queryParam("to", d)
                    .get("/api/v1/slots"), "GET /slots?to=" + d);
            assertBadRequest(as(Tokens.officer()).queryParam("date", d).get("/api/v1/officer/day"),
                    "GET /officer/day?date=" + d);
            for (String param : List.of("from", "to")) {
                assertBadRequest(as(Tokens.admin()).queryParam(param, d).get("/api/v1/admin/closures"),
                        "GET /admin/closures?" + param + "=" + d);
                assertBadRequest(as(Tokens.admin()).queryParam(param, d).get("/api/v1/admin/counters"),
                        "GET /admin/counters?" + param + "=" + d);
            }
            assertBadRequest(as(Tokens.admin()).body(Map.of("counters", 2)).put("/api/v1/admin/counters/" + d),
                    "PUT /admin/counters/" + d);
            assertBadRequest(as(Tokens.admin()).delete("/api/v1/admin/counters/" + d),
                    "DELETE /admin/counters/" + d);
            assertBadRequest(as(Tokens.admin()).body(Map.of("date", d, "reason", "x")).post("/api/v1/admin/closures"),
                    "POST /admin/closures " + d);
            String start = d + "T10:00:00+05:00";
            assertBadRequest(bookAt(Tokens.hrAcme(), TestSupport.approved(ACME), start), "booking at " + start);
            assertBadRequest(bookAt(Tokens.hrAcme(), app, start), "booking (with a visit) at " + start);
            assertBadRequest(as(Tokens.hrAcme()).body(Map.of("start", start))
                    .post("/api/v1/appointments/" + visit + "/reschedule"), "reschedule to " + start);
        }
        as(Tokens.hrAcme()).get("/api/v1/appointments/" + visit).then().body("status", equalTo("BOOKED"))
                .body("start", equalTo(TestCalendar.iso(at(monday().plusDays(1), 9, 0))));
    }

    @Test
    void pagingValuesAreNever500() {
        for (String path : List.of("/api/v1/appointments", "/api/v1/admin/closures", "/api/v1/admin/counters",
                "/api/v1/admin/counters/weekdays")) {
            for (String page : List.of("2147483647", "-1", "99999999999999999999")) {
                int status = as(Tokens.admin()).queryParam("page", page).queryParam("size", page).get(path).then()
                        .extract().statusCode();
                assertEquals(200, status, path + "?page=" + page + " (ignored: these lists are bounded)");
            }
        }
    }

    @Test
    void badInputNeverOpensTheCatalogCircuitBreaker() {
        String app = TestSupport.approved(ACME);
        // far more than the breaker's request volume (4): were any counted, it would open
        for (int i = 0; i < 10; i++) {
            Response r = bookAt(Tokens.hrAcme(), app, "9999-06-0" + (1 + i % 9) + "T10:00:00+05:00");
            assertBadRequest(r, "booking at year 9999");
            r.then().body("errors[0].field", equalTo("start"));
        }
        // the catalog's own 4xx, asked directly: an answer each time, never "circuit open"
        for (int i = 0; i < 10; i++) {
            CatalogRefusedException refused = assertThrows(CatalogRefusedException.class,
                    () -> catalog.days("9999-01-01", "9999-01-02"));
            assertEquals(400, refused.status());
        }
        // everyone else is served: nothing cached, so the listing needs the catalog now
        as(Tokens.admin()).post("/api/v1/admin/calendar/refresh").then().statusCode(204);
        RestAssured.given().queryParam("serviceCode", TestSupport.SERVICE).queryParam("from", monday().toString())
                .queryParam("to", monday().plusDays(6).toString()).get("/api/v1/slots").then().statusCode(200)
                .body("slots", not(empty()));
        TestSupport.booked(Tokens.hrAcme(), app, at(monday().plusDays(4), 9, 0));
    }
}
