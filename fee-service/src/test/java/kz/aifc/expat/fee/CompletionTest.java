package kz.aifc.expat.fee;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One definition of when processing starts: N working days of the office calendar counted from the day the
 * originals are handed in at the visit (the quote's startDate), that day not counted — catalog-service's
 * add-working-days(startDate, N), the same call application-service makes for the due date. Expected dates are
 * worked out here from the guide's calendar (2026: 8 March on a Sunday → Monday 9 March off; Nauryz 21–23 March,
 * 21–22 on the weekend → 24 and 25 March off) and must equal the catalog's answer for the same start.
 */
@QuarkusTest
class CompletionTest {

    static String catalog(String date, int days) {
        return given().baseUri(QuoteTariffTableTest.catalogUrl()).queryParam("date", date).queryParam("days", days)
                .get("/api/v1/calendar/add-working-days").then().statusCode(200).extract().path("result");
    }

    @ParameterizedTest(name = "{0} from {1}: {3}")
    @CsvSource({
            // service, start (originals received), working days, expected completion
            "work-visa-invitation, 2026-03-10, 5, 2026-03-17",   // a Tuesday: 11,12,13,16,17
            "work-visa-invitation, 2026-03-07, 5, 2026-03-16",   // a Saturday: 9 March is off, 10..13, 16
            "work-visa-invitation, 2026-03-09, 5, 2026-03-16",   // on the moved day off itself: the same
            "work-visa-invitation, 2026-03-06, 5, 2026-03-16",   // the Friday before: 7-9 are not working days
            "iin, 2026-03-20, 1, 2026-03-26",                    // Friday before Nauryz: 21-25 closed
            "iin, 2026-03-23, 1, 2026-03-26",                    // on Nauryz: the next working day after it
            "arrival-notification, 2026-03-23, 0, 2026-03-26",   // same-day service started on a holiday
            "arrival-notification, 2026-03-26, 0, 2026-03-26",   // same-day service on a working day
    })
    void theQuotesCompletionIsTheCatalogsAddWorkingDaysFromTheOriginalsDay(String service, String start, int days,
                                                                             String expected) {
        assertEquals(expected, catalog(start, days), "the catalog agrees with the guide's calendar");
        given().queryParam("serviceCode", service).queryParam("asOf", "2026-03-02").queryParam("startDate", start)
                .get("/api/v1/quotes").then().statusCode(200)
                .body("startDate", equalTo(start))
                .body("countedFrom", equalTo("ORIGINALS_RECEIVED"))
                .body("expectedCompletion.earliest", equalTo(expected))
                .body("expectedCompletion.latest", equalTo(expected))
                .body("notes", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString(
                        "from the day the originals are handed in")));
    }

    @Test
    void theDefaultStartIsTodayAndCountsTheSameWay() {
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Almaty")).toString();
        given().queryParam("serviceCode", "iin").get("/api/v1/quotes").then().statusCode(200)
                .body("startDate", equalTo(today)).body("countedFrom", equalTo("ORIGINALS_RECEIVED"))
                .body("expectedCompletion.earliest", equalTo(catalog(today, 1)));
    }

    @Test
    void aCalendarChangeReachesQuotesWithoutWaitingForTheCache() {
        // a far-future Friday nobody else uses; the Monday after it becomes a day off in the running catalog
        LocalDate friday = LocalDate.of(2190, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.FRIDAY))
                .plusWeeks(ThreadLocalRandom.current().nextInt(0, 400));
        LocalDate monday = friday.plusDays(3);
        var quote = given().queryParam("serviceCode", "iin").queryParam("asOf", "2026-03-02")
                .queryParam("startDate", friday.toString());
        quote.get("/api/v1/quotes").then().body("expectedCompletion.earliest", equalTo(monday.toString()));
        String admin = Tokens.admin();
        given().baseUri(QuoteTariffTableTest.catalogUrl()).auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"working\":false,\"kind\":\"DECREED_DAY_OFF\",\"reasonRu\":\"Тест\",\"reasonEn\":\"Test\"}")
                .put("/api/v1/calendar/days/" + monday).then().statusCode(200);
        try {
            // the running catalog published catalog.calendar-changed on the system's topic; this suite's
            // fee-service reads its own run's topic, so the same event is delivered there
            KafkaProbe.send("expat.catalog", UUID.randomUUID().toString(), "catalog.calendar-changed",
                    monday.toString(), "{\"date\":\"" + monday + "\",\"working\":false,\"kind\":\"DECREED_DAY_OFF\","
                            + "\"name\":\"Тест\",\"nameEn\":\"Test\",\"changedAt\":\"2026-12-01T10:00:00Z\","
                            + "\"changedBy\":\"admin\"}");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                    given().queryParam("serviceCode", "iin").queryParam("asOf", "2026-03-02")
                            .queryParam("startDate", friday.toString()).get("/api/v1/quotes").then()
                            .body("expectedCompletion.earliest", equalTo(monday.plusDays(1).toString())));
        } finally {
            given().baseUri(QuoteTariffTableTest.catalogUrl()).auth().oauth2(admin)
                    .delete("/api/v1/calendar/days/" + monday).then().statusCode(204);
        }
    }
}
