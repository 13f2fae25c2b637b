package kz.aifc.expat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The seeded 2026 (and 2027 statutory) Kazakhstan calendar, the arithmetic endpoints around its holidays, and admin edits. */
@QuarkusTest
class CalendarTest {

    @ParameterizedTest(name = "{0} working={1}")
    @CsvSource({
            "2026-01-01, false, HOLIDAY", "2026-01-02, false, HOLIDAY", "2026-01-05, true, WORKING_DAY",
            "2026-01-07, false, RELIGIOUS_HOLIDAY",
            "2026-03-06, true, WORKING_DAY", "2026-03-08, false, HOLIDAY", "2026-03-09, false, MOVED_DAY_OFF",
            "2026-03-21, false, HOLIDAY", "2026-03-23, false, HOLIDAY", "2026-03-24, false, MOVED_DAY_OFF",
            "2026-03-25, false, MOVED_DAY_OFF", "2026-03-26, true, WORKING_DAY",
            "2026-05-01, false, HOLIDAY", "2026-05-07, false, HOLIDAY", "2026-05-08, true, WORKING_DAY",
            "2026-05-09, false, HOLIDAY", "2026-05-11, false, MOVED_DAY_OFF",
            "2026-05-27, false, RELIGIOUS_HOLIDAY", "2026-07-06, false, HOLIDAY",
            "2026-08-30, false, HOLIDAY", "2026-08-31, false, MOVED_DAY_OFF",
            "2026-10-25, false, HOLIDAY", "2026-10-26, false, MOVED_DAY_OFF",
            "2026-12-16, false, HOLIDAY", "2026-12-17, true, WORKING_DAY",
            "2026-11-28, false, WEEKEND", "2026-11-27, true, WORKING_DAY",
            // 2027 from the law's fixed dates (booking horizons reach January from early December)
            "2027-01-01, false, HOLIDAY", "2027-01-04, false, MOVED_DAY_OFF", "2027-01-05, true, WORKING_DAY",
            "2027-01-07, false, RELIGIOUS_HOLIDAY", "2027-03-24, false, MOVED_DAY_OFF",
            "2027-05-03, false, MOVED_DAY_OFF", "2027-05-10, false, MOVED_DAY_OFF", "2027-12-16, false, HOLIDAY",
    })
    void seededKazakhstanDays(String date, boolean working, String kind) {
        RestAssured.get("/api/v1/calendar/working-day?date=" + date).then().statusCode(200)
                .body("date", equalTo(date)).body("working", equalTo(working)).body("kind", equalTo(kind));
    }

    @ParameterizedTest(name = "{0} + {1} = {2}")
    @CsvSource({
            "2026-03-20, 1, 2026-03-26",   // Nauryz 21-25 March
            "2026-03-20, 5, 2026-04-01",
            "2025-12-31, 1, 2026-01-05",   // New Year 1-2 January, then the weekend
            "2026-01-06, 1, 2026-01-08",   // Orthodox Christmas on Wednesday
            "2026-04-30, 3, 2026-05-06",   // Unity Day on Friday 1 May, then the weekend
            "2026-05-06, 2, 2026-05-12",   // 7 May, then 8 May, then Victory Day's day off moved to 11 May
            "2026-05-26, 1, 2026-05-28",   // Kurban Ait 27 May
            "2026-08-28, 1, 2026-09-01",   // Constitution Day moved to Monday 31 August
            "2026-12-15, 1, 2026-12-17",   // Independence Day
            "2026-03-26, -1, 2026-03-20",  // backwards across Nauryz
    })
    void addWorkingDaysAroundHolidays(String date, int days, String result) {
        RestAssured.get("/api/v1/calendar/add-working-days?date=" + date + "&days=" + days).then().statusCode(200)
                .body("result", equalTo(result)).body("days", equalTo(days)).body("date", equalTo(date));
    }

    @Test
    void workingDaysBetweenAcrossHolidays() {
        // (20 Mar, 31 Mar]: 26, 27, 30, 31 → 4 (21-25 are holidays or days off, 28-29 the weekend)
        RestAssured.get("/api/v1/calendar/working-days-between?from=2026-03-20&to=2026-03-31").then()
                .statusCode(200).body("workingDays", equalTo(4));
        // May 2026: 31 days - 10 weekend days - 1, 7, 11, 27 May = 17
        RestAssured.get("/api/v1/calendar/working-days-between?from=2026-04-30&to=2026-05-31").then()
                .body("workingDays", equalTo(17));
        RestAssured.get("/api/v1/calendar/working-days-between?from=2026-05-31&to=2026-04-30").then()
                .body("workingDays", equalTo(-17));
    }

    @Test
    void daysOfARangeAndLimits() {
        RestAssured.given().header("Accept-Language", "en").get("/api/v1/calendar/days?from=2026-03-20&to=2026-03-26")
                .then().statusCode(200).body("$", hasSize(7))
                .body("[4].date", equalTo("2026-03-24")).body("[4].working", equalTo(false))
                .body("[4].reason", equalTo("Day off moved from 21 March (Nauryz)"))
                .body("[6].working", equalTo(true));
        RestAssured.get("/api/v1/calendar/days?from=2026-01-01&to=2027-03-01").then().statusCode(400)
                .body("errors.field", hasItem("to"));
        RestAssured.get("/api/v1/calendar/days?from=2026-02-01&to=2026-01-01").then().statusCode(400);
        RestAssured.get("/api/v1/calendar/add-working-days?date=2026-13-01&days=x").then().statusCode(400)
                .body("errors.field", hasItem("date")).body("errors.field", hasItem("days"));
        RestAssured.get("/api/v1/calendar/working-day").then().statusCode(400);
        RestAssured.given().queryParam("date", "+999999999-12-31").queryParam("days", 2600)
                .get("/api/v1/calendar/add-working-days").then().statusCode(400).body("errors.field", hasItem("date"));
    }

    @Test
    void officeHoursFromTheGuide() {
        RestAssured.get("/api/v1/calendar/office").then().statusCode(200)
                .body("timeZone", equalTo("Asia/Almaty")).body("opens", equalTo("09:00"))
                .body("closes", equalTo("18:00")).body("lunchStart", equalTo("13:00"))
                .body("lunchEnd", equalTo("14:00")).body("email", equalTo("expat@aifc.kz"))
                .body("phones", hasSize(2)).body("workingDays", hasSize(5));
    }

    @Test
    void adminAddsADecreedTransferAndRemovesIt() {
        // a far-future Saturday and Monday no other test or run uses
        LocalDate saturday = LocalDate.of(2100, 1, 1)
                .with(java.time.temporal.TemporalAdjusters.nextOrSame(java.time.DayOfWeek.SATURDAY)).plusWeeks(ThreadLocalRandom.current().nextInt(0, 5000));
        LocalDate monday = saturday.plusDays(2);
        String admin = Tokens.admin();
        RestAssured.get("/api/v1/calendar/working-day?date=" + saturday).then().body("working", equalTo(false));
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"working\":true,\"kind\":\"TRANSFER_WORKING_DAY\",\"reasonRu\":\"Рабочая суббота\","
                        + "\"reasonEn\":\"Working Saturday\",\"source\":\"test decree\"}")
                .put("/api/v1/calendar/days/" + saturday).then().statusCode(200).body("working", equalTo(true));
        RestAssured.given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"working\":false,\"kind\":\"DECREED_DAY_OFF\",\"reasonRu\":\"Перенос\","
                        + "\"reasonEn\":\"Transferred day off\"}")
                .put("/api/v1/calendar/days/" + monday).then().statusCode(200);
        RestAssured.get("/api/v1/calendar/working-day?date=" + saturday).then()
                .body("working", equalTo(true)).body("kind", equalTo("TRANSFER_WORKING_DAY"));
        RestAssured.get("/api/v1/calendar/add-working-days?date=" + saturday.minusDays(1) + "&days=2").then()
                .body("result", equalTo(saturday.plusDays(3).toString()));
        JsonNode entries = Api.getOk(RestAssured.given(), "/api/v1/calendar/entries?year=" + saturday.getYear());
        assertEquals(true, entries.toString().contains(saturday.toString()));

        RestAssured.given().auth().oauth2(admin).delete("/api/v1/calendar/days/" + saturday).then().statusCode(204);
        RestAssured.given().auth().oauth2(admin).delete("/api/v1/calendar/days/" + monday).then().statusCode(204);
        RestAssured.given().auth().oauth2(admin).delete("/api/v1/calendar/days/" + monday).then().statusCode(404);
        RestAssured.get("/api/v1/calendar/working-day?date=" + saturday).then().body("working", equalTo(false));
        RestAssured.get("/api/v1/calendar/working-day?date=" + monday).then().body("working", equalTo(true));
    }

    @Test
    void inconsistentCalendarDayIsA400() {
        RestAssured.given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body("{\"working\":true,\"kind\":\"HOLIDAY\",\"reasonRu\":\"\",\"reasonEn\":\"x\"}")
                .put("/api/v1/calendar/days/2101-01-01").then().statusCode(400)
                .body("errors.field", hasItem("working")).body("errors.field", hasItem("reasonRu"));
    }

    @Test
    void calendarWritesAreAdminOnly() {
        String body = "{\"working\":false,\"kind\":\"DECREED_DAY_OFF\",\"reasonRu\":\"x\",\"reasonEn\":\"x\"}";
        RestAssured.given().contentType(ContentType.JSON).body(body).put("/api/v1/calendar/days/2101-01-03")
                .then().statusCode(401).contentType("application/problem+json");
        for (String token : new String[]{Tokens.hrAcme(), Tokens.officer(), Tokens.partnerAcme()}) {
            RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                    .put("/api/v1/calendar/days/2101-01-03").then().statusCode(403);
            RestAssured.given().auth().oauth2(token).delete("/api/v1/calendar/days/2026-01-01").then()
                    .statusCode(403);
        }
        RestAssured.delete("/api/v1/calendar/days/2026-01-01").then().statusCode(401);
        RestAssured.get("/api/v1/calendar/working-day?date=2026-01-01").then().body("working", equalTo(false));
    }
}
