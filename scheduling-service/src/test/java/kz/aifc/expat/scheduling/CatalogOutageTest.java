package kz.aifc.expat.scheduling;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import kz.aifc.expat.testing.TcpForwarder;
import kz.aifc.expat.testing.Tokens;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static kz.aifc.expat.scheduling.TestCalendar.at;
import static kz.aifc.expat.scheduling.TestCalendar.monday;
import static kz.aifc.expat.scheduling.TestSupport.ACME;
import static kz.aifc.expat.scheduling.TestSupport.as;
import static kz.aifc.expat.scheduling.TestSupport.book;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * catalog-service unreachable for real: the service looks for it on a local port where {@link TcpForwarder}
 * either listens and forwards to the real catalog or nothing listens (connection refused). With nothing cached slot
 * listing and booking answer 503 with Retry-After; calendar days fetched once keep serving (stale) while the catalog
 * is down; {@code POST /admin/calendar/refresh} forgets them, so listing is 503 again until the catalog is back.
 * The cache TTL is zero here, so every listing goes to the catalog and falls back to the cached copy.
 */
@QuarkusTest
@TestProfile(CatalogOutageTest.CatalogBehindForwarder.class)
class CatalogOutageTest {

    public static class CatalogBehindForwarder implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.rest-client.catalog.url", TcpForwarder.url("catalog"),
                    "scheduling.calendar-cache-ttl", "PT0S");
        }
    }

    private static final String PROBLEM = "https://expat.aifc.kz/problems/service-unavailable";

    @BeforeAll
    static void clean() {
        TestSupport.resetSchedule();
    }

    @AfterEach
    void clock() {
        AdjustableClock.reset();
    }

    private static Response list(LocalDate from, LocalDate to) {
        return RestAssured.given().queryParam("serviceCode", TestSupport.SERVICE)
                .queryParam("from", from.toString()).queryParam("to", to.toString()).get("/api/v1/slots");
    }

    private static Response listWeek() {
        return list(monday(), monday().plusDays(6));
    }

    private static void assertUnavailable(Response response) {
        response.then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", notNullValue()).body("type", equalTo(PROBLEM)).body("status", equalTo(503));
    }

    private static Set<LocalDate> days(Response response) {
        List<String> starts = response.then().statusCode(200).extract().path("slots.start");
        Set<LocalDate> days = new TreeSet<>();
        starts.forEach(s -> days.add(OffsetDateTime.parse(s).toLocalDate()));
        return days;
    }

    /** The days of the test week that have slots, checked against the working days the real catalog lists. */
    private static Set<LocalDate> assertSlotsOnWorkingDaysOnly(Response response) {
        Set<LocalDate> days = days(response);
        Set<LocalDate> working = new TreeSet<>();
        TestCalendar.week().forEach((date, isWorking) -> {
            if (isWorking) {
                working.add(date);
            }
        });
        assertEquals(working, days, "slots exactly on the catalog's working days");
        assertFalse(days.contains(TestCalendar.holiday()), "no slot on the public holiday");
        return days;
    }

    @Test
    void withoutTheCatalogCachedDaysServeAndNothingCachedIs503() throws Exception {
        String app = TestSupport.approved(ACME);
        OffsetDateTime start = at(monday().plusDays(1), 11, 0);
        try (TcpForwarder catalog = new TcpForwarder("catalog", URI.create(TestCalendar.CATALOG_URL))) {
            // catalog down from the start, nothing cached: never guess the calendar
            assertUnavailable(listWeek());
            assertUnavailable(book(Tokens.hrAcme(), app, start, false));
            assertEquals(0, TestSupport.count("SELECT count(*) FROM appointment"), "nothing booked");

            // catalog back: the circuit breaker may stay open for a while after the failures, so ask until it answers
            catalog.open();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> listWeek().statusCode() == 200);
            Set<LocalDate> served = assertSlotsOnWorkingDaysOnly(listWeek());

            // catalog down again: the cached (stale: TTL zero) days still serve listing and booking. One day per
            // listing only: with a stale office copy every slot asks the catalog again (see the module README)
            catalog.close();
            LocalDate workingDay = start.toLocalDate();
            assertEquals(Set.of(workingDay), days(list(workingDay, workingDay)), "the working day as cached");
            assertEquals(Set.of(), days(list(TestCalendar.holiday(), TestCalendar.holiday())),
                    "the holiday as cached: no slots, and no 503 either");
            book(Tokens.hrAcme(), app, start, false).then().statusCode(201).body("status", equalTo("BOOKED"));

            // forgetting the cache while the catalog is down leaves nothing to serve from
            as(Tokens.admin()).post("/api/v1/admin/calendar/refresh").then().statusCode(204);
            assertUnavailable(listWeek());
            assertUnavailable(book(Tokens.hrAcme(), TestSupport.approved(ACME), at(monday().plusDays(1), 11, 30),
                    false));

            catalog.open();
            Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> listWeek().statusCode() == 200);
            assertEquals(served, assertSlotsOnWorkingDaysOnly(listWeek()));
        }
    }
}
