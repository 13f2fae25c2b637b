package kz.aifc.expat.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import kz.aifc.expat.testing.KafkaProbe;
import kz.aifc.expat.testing.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An admin's calendar change is published as {@code catalog.calendar-changed} (topic expat.catalog, key = the date)
 * exactly once, through the outbox, over the real broker: the data other services recompute due dates and close
 * days from. Refused writes publish nothing.
 */
@QuarkusTest
class CalendarChangedEventTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** A far-future Monday no other test uses (random week so reruns on one database do not collide). */
    static LocalDate freeMonday() {
        return LocalDate.of(2200, 1, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY))
                .plusWeeks(ThreadLocalRandom.current().nextInt(0, 4000));
    }

    static void put(LocalDate date, String body, int status) {
        RestAssured.given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(body)
                .put("/api/v1/calendar/days/" + date).then().statusCode(status);
    }

    static JsonNode one(KafkaProbe probe, LocalDate date) throws Exception {
        List<ConsumerRecord<String, String>> events = probe.exactly(
                KafkaProbe.ofType("catalog.calendar-changed", date.toString()), 1, WAIT);
        assertEquals(1, events.size(), "exactly one catalog.calendar-changed for " + date);
        ConsumerRecord<String, String> event = events.get(0);
        assertEquals(date.toString(), event.key(), "key = the date");
        assertTrue(KafkaProbe.header(event, "ce_id") != null && KafkaProbe.header(event, "ce_source") != null);
        return Api.JSON.readTree(event.value());
    }

    @Test
    void aNewDayOffIsPublishedWithTheDayAsItNowIs() throws Exception {
        LocalDate monday = freeMonday();
        try (KafkaProbe probe = new KafkaProbe("expat.catalog")) {
            OffsetDateTime before = OffsetDateTime.now().minusSeconds(5);
            put(monday, "{\"working\":false,\"kind\":\"DECREED_DAY_OFF\",\"reasonRu\":\"Перенос выходного дня\","
                    + "\"reasonEn\":\"Transferred day off\",\"source\":\"test decree\"}", 200);
            JsonNode data = one(probe, monday);
            assertEquals(monday.toString(), data.get("date").asText());
            assertTrue(data.get("working").isBoolean());
            assertEquals(false, data.get("working").asBoolean());
            assertEquals("DECREED_DAY_OFF", data.get("kind").asText());
            assertEquals("Перенос выходного дня", data.get("name").asText());
            assertEquals("Transferred day off", data.get("nameEn").asText());
            assertEquals("admin", data.get("changedBy").asText());
            assertTrue(OffsetDateTime.parse(data.get("changedAt").asText()).isAfter(before), data.toString());
        }
        // the read side agrees with the event
        RestAssured.get("/api/v1/calendar/working-day?date=" + monday).then().statusCode(200)
                .body("working", org.hamcrest.Matchers.equalTo(false));
        try (KafkaProbe probe = new KafkaProbe("expat.catalog")) {
            RestAssured.given().auth().oauth2(Tokens.admin()).delete("/api/v1/calendar/days/" + monday).then()
                    .statusCode(204);
            JsonNode removed = one(probe, monday);
            // without its entry a Monday is an ordinary working day again
            assertEquals(true, removed.get("working").asBoolean());
            assertEquals("WORKING_DAY", removed.get("kind").asText());
            assertTrue(removed.get("name").isNull() && removed.get("nameEn").isNull(), removed.toString());
            assertEquals("admin", removed.get("changedBy").asText());
        }
    }

    @Test
    void aWorkedSaturdayIsPublishedAsWorkingAndItsRemovalAsWeekend() throws Exception {
        LocalDate saturday = freeMonday().minusDays(2);
        try (KafkaProbe probe = new KafkaProbe("expat.catalog")) {
            put(saturday, "{\"working\":true,\"kind\":\"TRANSFER_WORKING_DAY\",\"reasonRu\":\"Рабочая суббота\","
                    + "\"reasonEn\":\"Working Saturday\"}", 200);
            JsonNode data = one(probe, saturday);
            assertEquals(true, data.get("working").asBoolean());
            assertEquals("TRANSFER_WORKING_DAY", data.get("kind").asText());
        }
        try (KafkaProbe probe = new KafkaProbe("expat.catalog")) {
            // changing the same day again is a change too: one more event
            put(saturday, "{\"working\":false,\"kind\":\"NON_WORKING_DAY\",\"reasonRu\":\"Закрыто\","
                    + "\"reasonEn\":\"Closed\"}", 200);
            assertEquals("NON_WORKING_DAY", one(probe, saturday).get("kind").asText());
            RestAssured.given().auth().oauth2(Tokens.admin()).delete("/api/v1/calendar/days/" + saturday).then()
                    .statusCode(204);
            List<ConsumerRecord<String, String>> events = probe.exactly(
                    KafkaProbe.ofType("catalog.calendar-changed", saturday.toString()), 2, WAIT);
            assertEquals(2, events.size());
            JsonNode removed = Api.JSON.readTree(events.get(1).value());
            assertEquals(false, removed.get("working").asBoolean());
            assertEquals("WEEKEND", removed.get("kind").asText());
        }
    }

    @Test
    void refusedCalendarWritesPublishNothing() {
        LocalDate monday = freeMonday();
        String body = "{\"working\":false,\"kind\":\"DECREED_DAY_OFF\",\"reasonRu\":\"x\",\"reasonEn\":\"x\"}";
        try (KafkaProbe probe = new KafkaProbe("expat.catalog")) {
            RestAssured.given().contentType(ContentType.JSON).body(body).put("/api/v1/calendar/days/" + monday)
                    .then().statusCode(401);
            for (String token : List.of(Tokens.hrAcme(), Tokens.officer(), Tokens.partnerAcme())) {
                RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                        .put("/api/v1/calendar/days/" + monday).then().statusCode(403);
                RestAssured.given().auth().oauth2(token).delete("/api/v1/calendar/days/" + monday).then()
                        .statusCode(403);
            }
            put(monday, "{\"working\":true,\"kind\":\"HOLIDAY\",\"reasonRu\":\"x\",\"reasonEn\":\"x\"}", 400);
            // removing a day that has no entry is a 404, not a change
            RestAssured.given().auth().oauth2(Tokens.admin()).delete("/api/v1/calendar/days/" + monday).then()
                    .statusCode(404).contentType("application/problem+json");
            assertEquals(0, probe.collect(KafkaProbe.ofType("catalog.calendar-changed", monday.toString()),
                    KafkaProbe.QUIET).size());
        }
    }
}
