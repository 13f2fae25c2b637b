package kz.aifc.expat.application;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import kz.aifc.expat.application.service.AppClock;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

import static kz.aifc.expat.application.Api.*;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Issue #13: a calendar change published by the catalog reaches running cases — their due dates are recomputed from
 * the real catalog's new calendar and the change is in each case's history. The case is placed in April 2026 (the
 * application clock is moved there) so that the holiday the test adds to the real catalog touches no running visit;
 * the holiday is removed afterwards. The event is injected on this run's topic as catalog-service publishes it.
 */
@QuarkusTest
class CalendarChangeTest {

    private static final LocalDate RECEIVED = LocalDate.of(2026, 4, 13);   // a Monday, no holiday that week
    private static final LocalDate NEW_HOLIDAY = LocalDate.of(2026, 4, 15); // the Wednesday after

    @Inject
    AppClock clock;

    @org.junit.jupiter.api.BeforeEach
    void companies() {
        ensureCompanies();
    }

    @AfterEach
    void restore() {
        clock.reset();
        RestAssured.given().auth().oauth2(Tokens.admin()).delete(catalogUrl() + "/api/v1/calendar/days/" + NEW_HOLIDAY)
                .then().statusCode(anyOf(is(204), is(200), is(404)));
    }

    @Test
    void aNewHolidayMovesTheRunningDueDateAndTheHistorySaysWhy() {
        ZonedDateTime target = RECEIVED.atTime(10, 0).atZone(ZoneId.of("Asia/Almaty"));
        clock.shift(Duration.between(ZonedDateTime.now(ZoneId.of("Asia/Almaty")), target));
        String app = bookedAcme();
        visitCompleted(app);
        int days = processingDays("work-visa-issuance");
        LocalDate before = addWorkingDays(RECEIVED, days);
        as(Tokens.officer()).get("/api/v1/applications/" + app).then().body("dueDate", is(before.toString()));

        // an admin declares a holiday inside the running period in the real catalog ...
        RestAssured.given().auth().oauth2(Tokens.admin()).contentType("application/json")
                .body(Map.of("working", false, "kind", "HOLIDAY", "reasonRu", "Тестовый праздник",
                        "reasonEn", "Test holiday"))
                .put(catalogUrl() + "/api/v1/calendar/days/" + NEW_HOLIDAY).then().statusCode(200);
        LocalDate after = addWorkingDays(RECEIVED, days);
        assertEquals(before.plusDays(1), after, "the catalog counts the new holiday");
        // ... and the catalog announces it
        try (KafkaProbe probe = new KafkaProbe("expat.application")) {
            KafkaProbe.send("expat.catalog", UUID.randomUUID().toString(), "catalog.calendar-changed",
                    NEW_HOLIDAY.toString(), "{\"date\":\"" + NEW_HOLIDAY + "\",\"working\":false,\"kind\":\"HOLIDAY\","
                            + "\"name\":\"Test holiday\",\"changedAt\":\"2026-04-14T09:00:00Z\",\"changedBy\":\"admin\"}");
            await().atMost(Duration.ofSeconds(40)).untilAsserted(() ->
                    as(Tokens.officer()).get("/api/v1/applications/" + app).then()
                            .body("dueDate", is(after.toString())));
            assertEquals(1, probe.exactly(KafkaProbe.ofType("application.deadline-recomputed", app), 1,
                    Duration.ofSeconds(30)).size());
        }
        as(Tokens.hrAcme()).get("/api/v1/applications/" + app + "/history").then().statusCode(200)
                .body("find { it.action == 'recompute-deadline' }.comment",
                        allOf(containsString(NEW_HOLIDAY.toString()), containsString(before.toString()),
                                containsString(after.toString())));
    }
}
